import type { Db } from "#core/db/transaction.ts";

export async function totpState(db: Db, citizenId: string) {
  return db
    .selectFrom("citizens")
    .select(["totp_secret_enc", "totp_pending_enc", "totp_enabled_at", "totp_last_step"])
    .where("id", "=", citizenId)
    .executeTakeFirst();
}

export async function setPendingSecret(db: Db, citizenId: string, sealed: string | null): Promise<void> {
  await db.updateTable("citizens").set({ totp_pending_enc: sealed }).where("id", "=", citizenId).execute();
}

export async function enableTotp(db: Db, citizenId: string, sealed: string, step: number): Promise<void> {
  await db
    .updateTable("citizens")
    .set({
      totp_secret_enc: sealed,
      totp_pending_enc: null,
      totp_enabled_at: new Date(),
      totp_last_step: step,
    })
    .where("id", "=", citizenId)
    .execute();
}

export async function disableTotp(db: Db, citizenId: string): Promise<void> {
  await db
    .updateTable("citizens")
    .set({ totp_secret_enc: null, totp_pending_enc: null, totp_enabled_at: null, totp_last_step: null })
    .where("id", "=", citizenId)
    .execute();
  await db.deleteFrom("citizen_recovery_codes").where("citizen_id", "=", citizenId).execute();
}

/** Records the time step of an accepted code; false when it (or a later one) was accepted before: a replay. */
export async function advanceStep(db: Db, citizenId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable("citizens")
    .set({ totp_last_step: step })
    .where("id", "=", citizenId)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceRecoveryCodes(db: Db, citizenId: string, hashes: string[]): Promise<void> {
  await db.deleteFrom("citizen_recovery_codes").where("citizen_id", "=", citizenId).execute();
  await db
    .insertInto("citizen_recovery_codes")
    .values(hashes.map((code_hash) => ({ citizen_id: citizenId, code_hash })))
    .execute();
}

export async function useRecoveryCode(db: Db, citizenId: string, hash: string): Promise<boolean> {
  const result = await db
    .updateTable("citizen_recovery_codes")
    .set({ used_at: new Date() })
    .where("citizen_id", "=", citizenId)
    .where("code_hash", "=", hash)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function unusedRecoveryCodes(db: Db, citizenId: string): Promise<number> {
  const row = await db
    .selectFrom("citizen_recovery_codes")
    .select((eb) => eb.fn.countAll<number>().as("left"))
    .where("citizen_id", "=", citizenId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.left);
}
