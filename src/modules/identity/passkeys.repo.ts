import { type Selectable, sql } from "kysely";
import type { Db } from "#core/db/transaction.ts";
import type { CitizenPasskeysTable } from "./passkeys.schema.ts";
import type { PasskeyChallengeStore, PasskeyStore, StoredPasskey } from "./passkeys.service.ts";
import { isUuid } from "./secrets.ts";

function toPasskey(row: Selectable<CitizenPasskeysTable>): StoredPasskey {
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

/** Citizens' passkeys: installation-wide, keyed by citizen id like every citizen table. */
export function citizenPasskeyStore(db: Db): PasskeyStore {
  const ofCitizen = (citizenId: string) =>
    db.selectFrom("citizen_passkeys").selectAll().where("citizen_id", "=", citizenId);

  return {
    kind: "citizen",

    async list(ownerId) {
      if (!isUuid(ownerId)) return [];
      const rows = await ofCitizen(ownerId).orderBy("created_at").orderBy("credential_id").execute();
      return rows.map(toPasskey);
    },

    async find(ownerId, credentialId) {
      if (!isUuid(ownerId)) return undefined;
      const row = await ofCitizen(ownerId).where("credential_id", "=", credentialId).executeTakeFirst();
      return row && toPasskey(row);
    },

    async insert(ownerId, passkey) {
      const row = await db
        .insertInto("citizen_passkeys")
        .values({
          citizen_id: ownerId,
          credential_id: passkey.credentialId,
          public_key: passkey.publicKey,
          counter: passkey.counter,
          transports: passkey.transports,
          device_type: passkey.deviceType,
          backed_up: passkey.backedUp,
          name: passkey.name,
        })
        .onConflict((oc) => oc.columns(["citizen_id", "credential_id"]).doNothing())
        .returning("credential_id")
        .executeTakeFirst();
      return row !== undefined;
    },

    async recordUse(ownerId, credentialId, use) {
      await db
        .updateTable("citizen_passkeys")
        .set({
          counter: sql`greatest(counter, ${use.counter})`,
          backed_up: use.backedUp,
          last_used_at: new Date(),
        })
        .where("citizen_id", "=", ownerId)
        .where("credential_id", "=", credentialId)
        .execute();
    },

    async remove(ownerId, credentialId) {
      if (!isUuid(ownerId)) return false;
      const result = await db
        .deleteFrom("citizen_passkeys")
        .where("citizen_id", "=", ownerId)
        .where("credential_id", "=", credentialId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

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
