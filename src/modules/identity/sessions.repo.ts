import type { Db } from "#core/db/transaction.ts";
import type { AuthMethod, CitizenSessionRow } from "./identity.schema.ts";

export async function insertSession(
  db: Db,
  row: {
    citizen_id: string;
    id_hash: string;
    expires_at: Date;
    auth_method: AuthMethod;
    ip: string;
    user_agent: string;
  },
): Promise<void> {
  await db.insertInto("citizen_sessions").values(row).execute();
}

export function findLiveSession(
  db: Db,
  citizenId: string,
  idHash: string,
  idleSince: Date,
): Promise<CitizenSessionRow | undefined> {
  const now = new Date();
  return db
    .selectFrom("citizen_sessions")
    .selectAll()
    .where("citizen_id", "=", citizenId)
    .where("id_hash", "=", idHash)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .where("last_seen_at", ">", idleSince)
    .executeTakeFirst();
}

export async function touchSession(db: Db, citizenId: string, idHash: string): Promise<void> {
  await db
    .updateTable("citizen_sessions")
    .set({ last_seen_at: new Date() })
    .where("citizen_id", "=", citizenId)
    .where("id_hash", "=", idHash)
    .execute();
}

export async function revokeSession(db: Db, citizenId: string, idHash: string): Promise<boolean> {
  const result = await db
    .updateTable("citizen_sessions")
    .set({ revoked_at: new Date() })
    .where("citizen_id", "=", citizenId)
    .where("id_hash", "=", idHash)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Ends every session of the citizen except `keepIdHash` (none kept when undefined). */
export async function revokeOtherSessions(db: Db, citizenId: string, keepIdHash?: string): Promise<number> {
  let query = db
    .updateTable("citizen_sessions")
    .set({ revoked_at: new Date() })
    .where("citizen_id", "=", citizenId)
    .where("revoked_at", "is", null);
  if (keepIdHash) query = query.where("id_hash", "!=", keepIdHash);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function listLiveSessions(db: Db, citizenId: string, idleSince: Date): Promise<CitizenSessionRow[]> {
  return db
    .selectFrom("citizen_sessions")
    .selectAll()
    .where("citizen_id", "=", citizenId)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", new Date())
    .where("last_seen_at", ">", idleSince)
    .orderBy("last_seen_at", "desc")
    .execute();
}
