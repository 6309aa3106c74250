import type { Db } from "#core/db/transaction.ts";
import type { ProvidedProfile } from "./profile.service.ts";
import type { TrustLevel } from "./trust-level.ts";

export async function findLinkedCitizen(
  db: Db,
  issuer: string,
  subject: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom("citizen_identity_links")
    .select("citizen_id")
    .where("issuer", "=", issuer)
    .where("subject", "=", subject)
    .executeTakeFirst();
  return row?.citizen_id;
}

/** An account without a password: it is reached through the provider (or later through a reset link). */
export async function insertProviderCitizen(
  db: Db,
  row: { id: string; email: string; email_verified_at: Date | null },
): Promise<boolean> {
  const result = await db
    .insertInto("citizens")
    .values({ ...row, password_hash: null })
    .onConflict((oc) => oc.column("email").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function insertLink(db: Db, row: { issuer: string; subject: string; citizen_id: string }) {
  await db
    .insertInto("citizen_identity_links")
    .values(row)
    .onConflict((oc) => oc.columns(["issuer", "subject"]).doNothing())
    .execute();
}

export async function touchLink(db: Db, issuer: string, subject: string): Promise<void> {
  await db
    .updateTable("citizen_identity_links")
    .set({ last_login_at: new Date() })
    .where("issuer", "=", issuer)
    .where("subject", "=", subject)
    .execute();
}

/** The provider's claims replace name, date of birth and address; the phone number stays. */
export async function fillProfile(db: Db, citizenId: string, profile: ProvidedProfile): Promise<void> {
  await db
    .updateTable("citizens")
    .set({
      given_name: profile.givenName,
      family_name: profile.familyName,
      street: profile.street,
      postal_code: profile.postalCode,
      city: profile.city,
      birthdate: profile.birthdate ?? null,
      updated_at: new Date(),
    })
    .where("id", "=", citizenId)
    .execute();
}

export async function insertLogin(
  db: Db,
  row: {
    citizen_id: string;
    session_id_hash: string;
    issuer: string;
    acr: string;
    trust_level: TrustLevel;
    claims: string;
  },
): Promise<void> {
  await db.insertInto("citizen_oidc_logins").values(row).execute();
}

export function findLogin(db: Db, citizenId: string, sessionIdHash: string) {
  return db
    .selectFrom("citizen_oidc_logins")
    .select(["issuer", "acr", "trust_level", "logged_in_at", "claims"])
    .where("citizen_id", "=", citizenId)
    .where("session_id_hash", "=", sessionIdHash)
    .executeTakeFirst();
}

/** The citizen's most recent sign-in through any provider. */
export function findLatestLink(db: Db, citizenId: string) {
  return db
    .selectFrom("citizen_identity_links")
    .select(["issuer", "last_login_at"])
    .where("citizen_id", "=", citizenId)
    .orderBy("last_login_at", "desc")
    .limit(1)
    .executeTakeFirst();
}
