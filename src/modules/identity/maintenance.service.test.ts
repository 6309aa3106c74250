import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#core/db/connect.ts";
import { uuidv7 } from "#core/db/ids.ts";
import { freshDatabase, testDrivers } from "#test/db.ts";
import { createIdentityMaintenance } from "./maintenance.service.ts";

const day = 24 * 3_600_000;
const daysAgo = (n: number) => new Date(Date.now() - n * day);

describe.each(testDrivers())("identity data minimisation on %s", (driver) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await freshDatabase(driver);
  });
  afterAll(() => database?.close());

  it("deletes stale sessions, tokens, throttle rows and unconfirmed registrations, and nothing else", async () => {
    const db = database.db;
    const [active, stale] = [uuidv7(), uuidv7()];
    await db
      .insertInto("citizens")
      .values([
        {
          id: active,
          email: "aktiv@example.de",
          password_hash: "x",
          email_verified_at: daysAgo(100),
          created_at: daysAgo(100),
        },
        { id: stale, email: "nie-bestaetigt@example.de", password_hash: "x", created_at: daysAgo(31) },
        { id: uuidv7(), email: "gerade-registriert@example.de", password_hash: "x", created_at: daysAgo(2) },
        // Made by an identity provider that did not confirm the address: a real person's account, kept.
        { id: uuidv7(), email: "ueber-bundid@example.de", created_at: daysAgo(90) },
      ])
      .execute();
    const session = (idHash: string, lastSeen: Date, expires: Date) => ({
      citizen_id: active,
      id_hash: idHash,
      auth_method: "password" as const,
      last_seen_at: lastSeen,
      expires_at: expires,
    });
    await db
      .insertInto("citizen_sessions")
      .values([
        session("alive", new Date(), new Date(Date.now() + day)),
        session("old", daysAgo(40), daysAgo(39)),
      ])
      .execute();
    const token = (hash: string, created: Date, used: Date | null) => ({
      citizen_id: active,
      token_hash: hash,
      purpose: "reset_password" as const,
      email: "aktiv@example.de",
      created_at: created,
      used_at: used,
      expires_at: new Date(created.getTime() + 3_600_000),
    });
    await db
      .insertInto("citizen_tokens")
      .values([token("fresh", new Date(), null), token("used", daysAgo(8), daysAgo(8))])
      .execute();
    await db
      .insertInto("auth_throttle")
      .values([
        { key_hash: "old", failures: 3, first_failure_at: daysAgo(2) },
        {
          key_hash: "blocked",
          failures: 9,
          first_failure_at: daysAgo(2),
          blocked_until: new Date(Date.now() + 60_000),
        },
      ])
      .execute();

    const result = await createIdentityMaintenance(db).purge();
    expect(result).toEqual({ sessions: 1, tokens: 1, throttles: 1, unverifiedAccounts: 1 });
    expect(
      (await db.selectFrom("citizens").select("email").orderBy("email").execute()).map((r) => r.email),
    ).toEqual(["aktiv@example.de", "gerade-registriert@example.de", "ueber-bundid@example.de"]);
    expect(
      (await db.selectFrom("citizen_sessions").select("id_hash").execute()).map((r) => r.id_hash),
    ).toEqual(["alive"]);
    expect(
      (await db.selectFrom("citizen_tokens").select("token_hash").execute()).map((r) => r.token_hash),
    ).toEqual(["fresh"]);
    expect(
      (await db.selectFrom("auth_throttle").select("key_hash").execute()).map((r) => r.key_hash),
    ).toEqual(["blocked"]);
    expect(await createIdentityMaintenance(db).purge()).toEqual({
      sessions: 0,
      tokens: 0,
      throttles: 0,
      unverifiedAccounts: 0,
    });
  });
});
