import { sql } from "kysely";
import type { Db } from "#core/db/transaction.ts";
import type { OperatorRow } from "./operator.schema.ts";

export async function findByEmail(db: Db, email: string): Promise<OperatorRow | undefined> {
  return db.selectFrom("operators").selectAll().where("email", "=", email).executeTakeFirst();
}

export async function findById(db: Db, id: string): Promise<OperatorRow | undefined> {
  return db.selectFrom("operators").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertOperator(
  db: Db,
  row: { id: string; email: string; setup_token_hash: string; setup_expires_at: Date },
): Promise<void> {
  await db.insertInto("operators").values(row).execute();
}

/** A new setup link for an account whose password has not been chosen yet; false once it has. */
export async function renewSetup(db: Db, id: string, tokenHash: string, expiresAt: Date): Promise<boolean> {
  const result = await db
    .updateTable("operators")
    .set({ setup_token_hash: tokenHash, setup_expires_at: expiresAt })
    .where("id", "=", id)
    .where("password_hash", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function findBySetupToken(db: Db, tokenHash: string): Promise<OperatorRow | undefined> {
  return db
    .selectFrom("operators")
    .selectAll()
    .where("setup_token_hash", "=", tokenHash)
    .where("setup_expires_at", ">", new Date())
    .executeTakeFirst();
}

/** Sets the password and uses the link up in one statement, so a link works once; the id, or undefined. */
export async function completeSetup(
  db: Db,
  tokenHash: string,
  passwordHash: string,
): Promise<string | undefined> {
  const row = await db
    .updateTable("operators")
    .set({ password_hash: passwordHash, setup_token_hash: null, setup_expires_at: null })
    .where("setup_token_hash", "=", tokenHash)
    .where("setup_expires_at", ">", new Date())
    .returning("id")
    .executeTakeFirst();
  return row?.id;
}

export async function recordLogin(db: Db, id: string): Promise<void> {
  await db.updateTable("operators").set({ last_login_at: new Date() }).where("id", "=", id).execute();
}

/** Any fixed number; advisory locks for other purposes must use other numbers. */
const municipalityCreationLock = 0x5241_5448;

/**
 * Creating municipalities one at a time: the check that a slug is free and the insert then see every
 * municipality committed before (the tenants service saves by upsert, which would overwrite one created
 * concurrently under the same slug). Held until the transaction ends.
 */
export async function lockMunicipalityCreation(tx: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(${municipalityCreationLock})`.execute(tx);
}
