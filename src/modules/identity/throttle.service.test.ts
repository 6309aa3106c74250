import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#core/db/connect.ts";
import { freshDatabase, testDrivers } from "#test/db.ts";
import { createThrottleService, type ThrottleService } from "./throttle.service.ts";

describe.each(testDrivers())("sign-in throttle on %s", (driver) => {
  let database: DatabaseHandle;
  let throttle: ThrottleService;
  beforeAll(async () => {
    database = await freshDatabase(driver);
    throttle = createThrottleService(database.db);
  });
  afterAll(() => database?.close());

  it("lets five failures per address pass, then makes the caller wait longer and longer", async () => {
    const keys = ["email:opfer@example.de"];
    for (let i = 0; i < 5; i++) await throttle.recordFailure(keys);
    expect(await throttle.waitSeconds(keys)).toBe(0);
    await throttle.recordFailure(keys);
    const first = await throttle.waitSeconds(keys);
    expect(first).toBeGreaterThan(50);
    expect(first).toBeLessThanOrEqual(60);
    await throttle.recordFailure(keys);
    expect(await throttle.waitSeconds(keys)).toBeGreaterThan(110);
    for (let i = 0; i < 20; i++) await throttle.recordFailure(keys);
    expect(await throttle.waitSeconds(keys)).toBeLessThanOrEqual(3600);
  });

  it("allows a shared client address more failures, then blocks every account from it", async () => {
    const shared = "ip:192.0.2.1";
    for (let i = 0; i < 30; i++) await throttle.recordFailure([`email:nutzer${i}@example.de`, shared]);
    expect(await throttle.waitSeconds(["email:anders@example.de", shared])).toBe(0);
    await throttle.recordFailure(["email:letzter@example.de", shared]);
    expect(await throttle.waitSeconds(["email:anders@example.de", shared])).toBeGreaterThan(0);
    expect(await throttle.waitSeconds(["email:anders@example.de", "ip:198.51.100.7"])).toBe(0);
  });

  it("clears an account's count on success but keeps the client address's", async () => {
    await throttle.recordFailure(["email:opfer@example.de"]);
    await throttle.reset("email:opfer@example.de");
    expect(await throttle.waitSeconds(["email:opfer@example.de"])).toBe(0);
    expect(await throttle.waitSeconds(["ip:192.0.2.1"])).toBeGreaterThan(0);
  });

  it("stores no address in clear", async () => {
    const rows = await database.db.selectFrom("auth_throttle").select("key_hash").execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
