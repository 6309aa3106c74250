import type { Db } from "#core/db/transaction.ts";
import type { CitizenRow, TokenPurpose } from "./identity.schema.ts";

export function findCitizenByEmail(db: Db, email: string): Promise<CitizenRow | undefined> {
  return db.selectFrom("citizens").selectAll().where("email", "=", email).executeTakeFirst();
}

export function findCitizenById(db: Db, id: string): Promise<CitizenRow | undefined> {
  return db.selectFrom("citizens").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Inserts unless the address is taken; returns whether the row was created. */
export async function insertCitizen(
  db: Db,
  row: { id: string; email: string; password_hash: string },
): Promise<boolean> {
  const result = await db
    .insertInto("citizens")
    .values(row)
    .onConflict((oc) => oc.column("email").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function markEmailVerified(db: Db, citizenId: string): Promise<void> {
  await db
    .updateTable("citizens")
    .set({ email_verified_at: new Date(), updated_at: new Date() })
    .where("id", "=", citizenId)
    .where("email_verified_at", "is", null)
    .execute();
}

export async function setPasswordHash(db: Db, citizenId: string, passwordHash: string): Promise<void> {
  await db
    .updateTable("citizens")
    .set({ password_hash: passwordHash, updated_at: new Date() })
    .where("id", "=", citizenId)
    .execute();
}

export async function insertToken(
  db: Db,
  row: { citizen_id: string; token_hash: string; purpose: TokenPurpose; email: string; expires_at: Date },
): Promise<void> {
  await db.insertInto("citizen_tokens").values(row).execute();
}

/** Whether `consumeToken` would accept this token now (read-only). */
export async function tokenUsable(db: Db, citizenId: string, tokenHash: string, purpose: TokenPurpose) {
  const row = await db
    .selectFrom("citizen_tokens")
    .innerJoin("citizens", (join) =>
      join
        .onRef("citizens.id", "=", "citizen_tokens.citizen_id")
        .onRef("citizens.email", "=", "citizen_tokens.email"),
    )
    .select("citizen_tokens.token_hash")
    .where("citizen_tokens.citizen_id", "=", citizenId)
    .where("citizen_tokens.token_hash", "=", tokenHash)
    .where("citizen_tokens.purpose", "=", purpose)
    .where("citizen_tokens.used_at", "is", null)
    .where("citizen_tokens.expires_at", ">", new Date())
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Uses the token once: only an unused, unexpired token of this purpose is consumed, and (but for an
 * address change, whose token went to the new address) only one sent to the account's current address.
 * Concurrent attempts race on the conditional update, so exactly one succeeds.
 */
export async function consumeToken(
  db: Db,
  citizenId: string,
  tokenHash: string,
  purpose: TokenPurpose,
): Promise<{ email: string } | undefined> {
  return db
    .updateTable("citizen_tokens")
    .set({ used_at: new Date() })
    .where("citizen_id", "=", citizenId)
    .where("token_hash", "=", tokenHash)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", new Date())
    .where((eb) =>
      purpose === "change_email"
        ? eb.val(true)
        : eb.exists(
            eb
              .selectFrom("citizens")
              .select("citizens.id")
              .whereRef("citizens.id", "=", "citizen_tokens.citizen_id")
              .whereRef("citizens.email", "=", "citizen_tokens.email"),
          ),
    )
    .returning("email")
    .executeTakeFirst();
}

/** Moves the account to a new, confirmed address; false when another account took it meanwhile. */
export async function changeEmail(db: Db, citizenId: string, email: string): Promise<boolean> {
  const taken = await findCitizenByEmail(db, email);
  if (taken) return false;
  await db
    .updateTable("citizens")
    .set({ email, email_verified_at: new Date(), updated_at: new Date() })
    .where("id", "=", citizenId)
    .execute();
  return true;
}

/** A newer link replaces older ones of the same purpose. */
export async function expireTokens(db: Db, citizenId: string, purpose: TokenPurpose): Promise<void> {
  await db
    .updateTable("citizen_tokens")
    .set({ used_at: new Date() })
    .where("citizen_id", "=", citizenId)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .execute();
}
