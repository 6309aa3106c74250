import { type RawBuilder, sql } from "kysely";
import { columnsEqual } from "#core/db/columns-equal.ts";
import type { Db } from "#core/db/transaction.ts";

export interface TotpState {
  totp_secret_enc: string | null;
  totp_pending_enc: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
}

/**
 * Where an account kind keeps its TOTP columns (the same four on citizens, staff and operators) and its
 * recovery codes, and which columns address one account in each table.
 */
export interface TotpTables<Owner> {
  accounts: string;
  recoveryCodes: string;
  accountKey(owner: Owner): Record<string, string>;
  recoveryKey(owner: Owner): Record<string, string>;
}

export type TotpStore<Owner> = ReturnType<typeof totpStore<Owner>>;

/** The TOTP state of one kind of account; each method takes the executor, so callers can use a transaction. */
export function totpStore<Owner>(tables: TotpTables<Owner>) {
  const accounts = sql.table(tables.accounts);
  const codes = sql.table(tables.recoveryCodes);
  const setTotp = async (db: Db, owner: Owner, assignments: RawBuilder<unknown>, extra = sql``) => {
    const result = await sql`update ${accounts} set ${assignments}
      where ${columnsEqual(tables.accountKey(owner))} ${extra}`.execute(db);
    return Number(result.numAffectedRows ?? 0) === 1;
  };

  return {
    async state(db: Db, owner: Owner): Promise<TotpState | undefined> {
      const { rows } = await sql<TotpState>`select totp_secret_enc, totp_pending_enc, totp_enabled_at,
        totp_last_step from ${accounts} where ${columnsEqual(tables.accountKey(owner))}`.execute(db);
      const row = rows[0];
      return (
        row && { ...row, totp_last_step: row.totp_last_step === null ? null : Number(row.totp_last_step) }
      );
    },

    setPending: (db: Db, owner: Owner, sealed: string | null) =>
      setTotp(db, owner, sql`totp_pending_enc = ${sealed}`),

    enable: (db: Db, owner: Owner, sealed: string, step: number) =>
      setTotp(
        db,
        owner,
        sql`totp_secret_enc = ${sealed}, totp_pending_enc = null, totp_enabled_at = now(), totp_last_step = ${step}`,
      ),

    async disable(db: Db, owner: Owner): Promise<void> {
      await setTotp(
        db,
        owner,
        sql`totp_secret_enc = null, totp_pending_enc = null, totp_enabled_at = null, totp_last_step = null`,
      );
      await sql`delete from ${codes} where ${columnsEqual(tables.recoveryKey(owner))}`.execute(db);
    },

    /** Records the step of an accepted code; false when it (or a later one) was accepted before: a replay. */
    advanceStep: (db: Db, owner: Owner, step: number) =>
      setTotp(
        db,
        owner,
        sql`totp_last_step = ${step}`,
        sql`and (totp_last_step is null or totp_last_step < ${step})`,
      ),

    async replaceRecoveryCodes(db: Db, owner: Owner, hashes: string[]): Promise<void> {
      const key = tables.recoveryKey(owner);
      await sql`delete from ${codes} where ${columnsEqual(key)}`.execute(db);
      const columns = [...Object.keys(key), "code_hash"];
      const rows = hashes.map((hash) => sql`(${sql.join([...Object.values(key), hash])})`);
      await sql`insert into ${codes} (${sql.join(columns.map((c) => sql.ref(c)))})
        values ${sql.join(rows)}`.execute(db);
    },

    async useRecoveryCode(db: Db, owner: Owner, hash: string): Promise<boolean> {
      const result = await sql`update ${codes} set used_at = now()
        where ${columnsEqual(tables.recoveryKey(owner))} and code_hash = ${hash} and used_at is null`.execute(
        db,
      );
      return Number(result.numAffectedRows ?? 0) === 1;
    },

    async unusedRecoveryCodes(db: Db, owner: Owner): Promise<number> {
      const { rows } = await sql<{ left: string }>`select count(*) as left from ${codes}
        where ${columnsEqual(tables.recoveryKey(owner))} and used_at is null`.execute(db);
      return Number(rows[0]?.left ?? 0);
    },
  };
}

/** Citizens keep their TOTP columns on `citizens`, addressed by citizen id. */
export const citizenTotpTables: TotpTables<string> = {
  accounts: "citizens",
  recoveryCodes: "citizen_recovery_codes",
  accountKey: (citizenId) => ({ id: citizenId }),
  recoveryKey: (citizenId) => ({ citizen_id: citizenId }),
};
