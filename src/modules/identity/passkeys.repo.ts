import { type Selectable, sql } from "kysely";
import { columnsEqual } from "#core/db/columns-equal.ts";
import { isUuid } from "#core/db/ids.ts";
import type { Db } from "#core/db/transaction.ts";
import type { PasskeyColumns } from "./passkeys.schema.ts";
import type { PasskeyChallengeStore, PasskeyStore, StoredPasskey } from "./passkeys.service.ts";

function toPasskey(row: Selectable<PasskeyColumns>): StoredPasskey {
  return {
    credentialId: row.credential_id,
    // node-postgres gives a Buffer, PGlite a Uint8Array: the WebAuthn library wants a plain Uint8Array.
    publicKey: new Uint8Array(row.public_key),
    counter: Number(row.counter),
    transports: row.transports,
    deviceType: row.device_type,
    backedUp: row.backed_up,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}

/**
 * The passkeys of one kind of account in a table with the passkey columns. `keyOf` gives the columns that
 * name an owner, or undefined for an owner id this table cannot hold (owner ids come from user handles).
 */
export function passkeyTableStore(
  db: Db,
  tableName: string,
  kind: string,
  keyOf: (ownerId: string) => Record<string, string> | undefined,
): PasskeyStore {
  const table = sql.table(tableName);
  const rowsOf = async (ownerId: string, credentialId?: string) => {
    const key = keyOf(ownerId);
    if (!key) return [];
    const one = credentialId === undefined ? sql`` : sql`and credential_id = ${credentialId}`;
    const { rows } = await sql<Selectable<PasskeyColumns>>`select * from ${table}
      where ${columnsEqual(key)} ${one} order by created_at, credential_id`.execute(db);
    return rows.map(toPasskey);
  };

  return {
    kind,
    list: (ownerId) => rowsOf(ownerId),
    find: async (ownerId, credentialId) => (await rowsOf(ownerId, credentialId))[0],

    async insert(ownerId, passkey) {
      const key = keyOf(ownerId);
      if (!key) return false;
      const values = {
        ...key,
        credential_id: passkey.credentialId,
        public_key: passkey.publicKey,
        counter: passkey.counter,
        transports: passkey.transports,
        device_type: passkey.deviceType,
        backed_up: passkey.backedUp,
        name: passkey.name,
      };
      const { rows } =
        await sql`insert into ${table} (${sql.join(Object.keys(values).map((c) => sql.ref(c)))})
        values (${sql.join(Object.values(values))})
        on conflict do nothing returning credential_id`.execute(db);
      return rows.length === 1;
    },

    async recordUse(ownerId, credentialId, use) {
      const key = keyOf(ownerId);
      if (!key) return;
      await sql`update ${table}
        set counter = greatest(counter, ${use.counter}), backed_up = ${use.backedUp}, last_used_at = now()
        where ${columnsEqual(key)} and credential_id = ${credentialId}`.execute(db);
    },

    async remove(ownerId, credentialId) {
      const key = keyOf(ownerId);
      if (!key) return false;
      const result = await sql`delete from ${table}
        where ${columnsEqual(key)} and credential_id = ${credentialId}`.execute(db);
      return Number(result.numAffectedRows ?? 0) > 0;
    },
  };
}

/** Citizens' passkeys: installation-wide, keyed by citizen id like every citizen table. */
export const citizenPasskeyStore = (db: Db): PasskeyStore =>
  passkeyTableStore(db, "citizen_passkeys", "citizen", (id) => (isUuid(id) ? { citizen_id: id } : undefined));

/** Challenges of every kind of account; expired ones are cleared whenever a new one is handed out. */
export function passkeyChallengeStore(db: Db): PasskeyChallengeStore {
  return {
    async issue(challengeHash, purpose, expiresAt) {
      await db.deleteFrom("passkey_challenges").where("expires_at", "<", new Date()).execute();
      await db
        .insertInto("passkey_challenges")
        .values({ challenge_hash: challengeHash, purpose, expires_at: expiresAt })
        .execute();
    },

    async consume(challengeHash, purpose) {
      const row = await db
        .deleteFrom("passkey_challenges")
        .where("challenge_hash", "=", challengeHash)
        .returning(["purpose", "expires_at"])
        .executeTakeFirst();
      return row !== undefined && row.purpose === purpose && row.expires_at.getTime() > Date.now();
    },
  };
}
