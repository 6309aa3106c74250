import { sql } from "kysely";
import type { Db } from "#core/db/transaction.ts";
import { hashSecret } from "#core/secrets.ts";

/**
 * Failures allowed within the window before waiting times start: few per e-mail address (one account being
 * guessed), more per client address (a town hall terminal or company network shares one address).
 */
const freeFailures = { email: 5, ip: 30 } as const;
type KeyKind = keyof typeof freeFailures;

/** The keys a sign-in attempt is counted under. */
export function signInKeys(email: string, ip: string): string[] {
  return [`email:${email.trim().toLowerCase()}`, `ip:${ip}`];
}

function freeFailuresOf(key: string): number {
  return freeFailures[(key.split(":")[0] ?? "email") as KeyKind] ?? freeFailures.email;
}
const windowMs = 15 * 60_000;
const maxBlockMs = 60 * 60_000;

export type ThrottleService = ReturnType<typeof createThrottleService>;

/**
 * Increasing waiting times after failed sign-ins, counted per e-mail address and per client address. The
 * address key is counted whether or not an account exists, so the answer never reveals one.
 */
export function createThrottleService(db: Db) {
  const keyHash = (key: string) => hashSecret(`throttle:${key}`);

  return {
    /** Seconds until the next attempt is allowed for any of the keys (0: go ahead). */
    async waitSeconds(keys: string[]): Promise<number> {
      const rows = await db
        .selectFrom("auth_throttle")
        .select("blocked_until")
        .where("key_hash", "in", keys.map(keyHash))
        .where("blocked_until", ">", new Date())
        .execute();
      const until = Math.max(0, ...rows.map((r) => r.blocked_until?.getTime() ?? 0));
      return until > Date.now() ? Math.ceil((until - Date.now()) / 1000) : 0;
    },

    /** Counts a failure; past the free ones within 15 minutes, the wait doubles: 1, 2, 4 … 60 minutes. */
    async recordFailure(keys: string[]): Promise<void> {
      // A new count starts when the window has passed and no wait is running.
      const windowOver = sql<boolean>`auth_throttle.first_failure_at < ${new Date(Date.now() - windowMs)}
        and (auth_throttle.blocked_until is null or auth_throttle.blocked_until < now())`;
      for (const key of keys) {
        const row = await db
          .insertInto("auth_throttle")
          .values({ key_hash: keyHash(key), failures: 1 })
          .onConflict((oc) =>
            oc.column("key_hash").doUpdateSet({
              failures: sql`case when ${windowOver} then 1 else auth_throttle.failures + 1 end`,
              first_failure_at: sql`case when ${windowOver} then now() else auth_throttle.first_failure_at end`,
            }),
          )
          .returning("failures")
          .executeTakeFirstOrThrow();
        const free = freeFailuresOf(key);
        if (row.failures > free) {
          const blockMs = Math.min(maxBlockMs, 60_000 * 2 ** (row.failures - free - 1));
          await db
            .updateTable("auth_throttle")
            .set({ blocked_until: new Date(Date.now() + blockMs) })
            .where("key_hash", "=", keyHash(key))
            .execute();
        }
      }
    },

    /** A successful sign-in clears the account's count (the client address keeps its own). */
    async reset(key: string): Promise<void> {
      await db.deleteFrom("auth_throttle").where("key_hash", "=", keyHash(key)).execute();
    },
  };
}
