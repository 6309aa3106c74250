import type { Db } from "#core/db/transaction.ts";

const day = 24 * 3_600_000;

/**
 * Data minimisation for staff accounts, across all municipalities: ended sessions and spent invitations
 * are deleted after a while (the audit log keeps who signed in when). Idempotent.
 */
export function createStaffMaintenance(db: Db) {
  return {
    async purge(now = new Date()) {
      const ago = (ms: number) => new Date(now.getTime() - ms);
      const sessions = await db
        .deleteFrom("staff_sessions")
        .where((eb) =>
          eb.or([
            eb("revoked_at", "<", ago(30 * day)),
            eb("expires_at", "<", ago(30 * day)),
            eb("last_seen_at", "<", ago(30 * day)),
          ]),
        )
        .executeTakeFirst();
      const invitations = await db
        .deleteFrom("staff_invitations")
        .where("created_at", "<", ago(7 * day))
        .where((eb) => eb.or([eb("used_at", "is not", null), eb("expires_at", "<", now)]))
        .executeTakeFirst();
      return { sessions: Number(sessions.numDeletedRows), invitations: Number(invitations.numDeletedRows) };
    },
  };
}
