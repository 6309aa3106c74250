import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#core/db/connect.ts";
import { uuidv7 } from "#core/db/ids.ts";
import { freshDatabase, testDrivers } from "#test/db.ts";
import { createSessionsService, type SessionsService } from "./sessions.service.ts";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };

describe.each(testDrivers())("citizen sessions on %s", (driver) => {
  let database: DatabaseHandle;
  let sessions: SessionsService;
  let citizenId: string;
  beforeAll(async () => {
    database = await freshDatabase(driver);
    sessions = createSessionsService(database.db, { idleMinutes: 30, maxHours: 12 });
    citizenId = uuidv7();
    await database.db
      .insertInto("citizens")
      .values({ id: citizenId, email: "s@example.de", password_hash: "x" })
      .execute();
  });
  afterAll(() => database?.close());

  it("resolves a session from its cookie value and stores only a hash", async () => {
    const cookie = await sessions.start(citizenId, "password", meta);
    const session = await sessions.resolve(cookie);
    expect(session).toMatchObject({ citizenId, authMethod: "password", ip: "127.0.0.1" });
    const secret = cookie.split(".")[1] ?? "";
    const stored = await database.db.selectFrom("citizen_sessions").select("id_hash").execute();
    expect(stored.map((r) => r.id_hash)).not.toContain(secret);
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.id_hash))).toBe(true);
  });

  it("ignores garbage and forged cookies", async () => {
    const cookie = await sessions.start(citizenId, "password", meta);
    for (const value of [
      undefined,
      "",
      "x",
      `${cookie}x`,
      cookie.replace(/.$/, (last) => (last === "A" ? "Q" : "A")),
      `${uuidv7()}.${cookie.split(".")[1]}`,
    ]) {
      expect(await sessions.resolve(value), String(value)).toBeUndefined();
    }
  });

  it("ends one session, or all others", async () => {
    const here = await sessions.start(citizenId, "password", meta);
    const elsewhere = await sessions.start(citizenId, "password", { ip: "10.0.0.2", userAgent: "phone" });
    const hereSession = await sessions.resolve(here);
    if (!hereSession) throw new Error("session missing");
    expect(await sessions.endOthers(citizenId, hereSession)).toBeGreaterThanOrEqual(1);
    expect(await sessions.resolve(elsewhere)).toBeUndefined();
    expect(await sessions.resolve(here)).toBeDefined();
    await sessions.end(hereSession);
    expect(await sessions.resolve(here)).toBeUndefined();
  });

  it("expires idle sessions and sessions past their absolute lifetime", async () => {
    const idle = await sessions.start(citizenId, "password", meta);
    const idleSession = await sessions.resolve(idle);
    await database.db
      .updateTable("citizen_sessions")
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
      .where("id_hash", "=", idleSession?.idHash ?? "")
      .execute();
    expect(await sessions.resolve(idle)).toBeUndefined();

    const old = await sessions.start(citizenId, "password", meta);
    const oldSession = await sessions.resolve(old);
    await database.db
      .updateTable("citizen_sessions")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id_hash", "=", oldSession?.idHash ?? "")
      .execute();
    expect(await sessions.resolve(old)).toBeUndefined();
    expect((await sessions.list(citizenId)).map((s) => s.id_hash)).not.toContain(oldSession?.idHash);
  });
});
