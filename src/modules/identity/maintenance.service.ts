import { sql } from "kysely";
import type { Db } from "#core/db/transaction.ts";

const day = 24 * 3_600_000;

/**
 * Data minimisation (GDPR art. 5): what the account flows no longer need is deleted, not kept forever.
 * Idempotent, so every instance may run it on its own schedule.
 */
export function createIdentityMaintenance(db: Db, options: { unverifiedDays?: number } = {}) {
  const unverifiedDays = options.unverifiedDays ?? 30;
  return {
    async purge(now = new Date()) {
      const ago = (ms: number) => new Date(now.getTime() - ms);
      const sessions = await db
        .deleteFrom("citizen_sessions")
        .where((eb) =>
          eb.or([
            eb("revoked_at", "<", ago(30 * day)),
            eb("expires_at", "<", ago(30 * day)),
            eb("last_seen_at", "<", ago(30 * day)),
          ]),
        )
        .executeTakeFirst();
      const tokens = await db
        .deleteFrom("citizen_tokens")
        .where("created_at", "<", ago(7 * day))
        .where((eb) => eb.or([eb("used_at", "is not", null), eb("expires_at", "<", now)]))
        .executeTakeFirst();
      const throttles = await db
        .deleteFrom("auth_throttle")
        .where(sql<boolean>`coalesce(blocked_until, first_failure_at) < ${ago(day)}`)
        .executeTakeFirst();
      // Registrations never confirmed: the address may not even belong to whoever typed it. Accounts made by
      // an identity provider (no password) are kept even when it did not confirm the address.
      const unverified = await db
        .deleteFrom("citizens")
        .where("email_verified_at", "is", null)
        .where("password_hash", "is not", null)
        .where("created_at", "<", ago(unverifiedDays * day))
        .executeTakeFirst();
      return {
        sessions: Number(sessions.numDeletedRows),
        tokens: Number(tokens.numDeletedRows),
        throttles: Number(throttles.numDeletedRows),
        unverifiedAccounts: Number(unverified.numDeletedRows),
      };
    },
  };
}

export type IdentityMaintenance = ReturnType<typeof createIdentityMaintenance>;
