import { type RawBuilder, sql } from "kysely";
import { columnsEqual } from "#core/db/columns-equal.ts";
import type { Db } from "#core/db/transaction.ts";
import type { CitizenSessionRow } from "./identity.schema.ts";
import type { SessionRecord, SessionStore } from "./session-core.ts";

/**
 * The session table of one kind of account (citizens, staff, operators: the same columns), with the
 * columns that address one account's sessions.
 */
export function sessionTableStore<Owner, Row extends SessionRecord>(
  db: Db,
  tableName: string,
  keyOf: (owner: Owner) => Record<string, string>,
): SessionStore<Owner, Row> {
  const table = sql.table(tableName);
  const live = (owner: Owner, idleSince: Date) =>
    sql`${columnsEqual(keyOf(owner))} and revoked_at is null and expires_at > now() and last_seen_at > ${idleSince}`;
  const revoke = async (owner: Owner, extra: RawBuilder<unknown>) => {
    const result = await sql`update ${table} set revoked_at = now()
      where ${columnsEqual(keyOf(owner))} and revoked_at is null ${extra}`.execute(db);
    return Number(result.numAffectedRows ?? 0);
  };

  return {
    async insert(owner, row) {
      const values = { ...keyOf(owner), ...row };
      await sql`insert into ${table} (${sql.join(Object.keys(values).map((c) => sql.ref(c)))})
        values (${sql.join(Object.values(values))})`.execute(db);
    },
    async findLive(owner, idHash, idleSince) {
      const { rows } = await sql<Row>`select * from ${table}
        where ${live(owner, idleSince)} and id_hash = ${idHash}`.execute(db);
      return rows[0];
    },
    async touch(owner, idHash) {
      await sql`update ${table} set last_seen_at = now()
        where ${columnsEqual(keyOf(owner))} and id_hash = ${idHash}`.execute(db);
    },
    revoke: async (owner, idHash) => (await revoke(owner, sql`and id_hash = ${idHash}`)) === 1,
    revokeOthers: (owner, keepIdHash) =>
      revoke(owner, keepIdHash ? sql`and id_hash != ${keepIdHash}` : sql``),
    async listLive(owner, idleSince) {
      const { rows } = await sql<Row>`select * from ${table}
        where ${live(owner, idleSince)} order by last_seen_at desc`.execute(db);
      return rows;
    },
  };
}

export interface CitizenOwner {
  citizenId: string;
}

/** Sessions of citizen accounts, keyed (and, under Citus, distributed) by citizen. */
export const citizenSessionStore = (db: Db) =>
  sessionTableStore<CitizenOwner, CitizenSessionRow>(db, "citizen_sessions", ({ citizenId }) => ({
    citizen_id: citizenId,
  }));
