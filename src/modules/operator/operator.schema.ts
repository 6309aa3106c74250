import type { Generated, Selectable } from "kysely";
import type { SessionColumns, TotpColumns } from "#modules/identity/auth-kit.ts";

/** Operators run the installation; they belong to no municipality (migration 20261127T0005). */
export interface OperatorsTable extends TotpColumns {
  id: string;
  email: string;
  /** Null until the operator has chosen one through the setup link. */
  password_hash: string | null;
  /** SHA-256 of the one-time setup link's secret; cleared when used. */
  setup_token_hash: string | null;
  setup_expires_at: Date | null;
  last_login_at: Date | null;
  created_at: Generated<Date>;
}

export interface OperatorSessionsTable extends SessionColumns {
  operator_id: string;
}

export interface OperatorRecoveryCodesTable {
  operator_id: string;
  code_hash: string;
  used_at: Date | null;
}

export interface OperatorTables {
  operators: OperatorsTable;
  operator_sessions: OperatorSessionsTable;
  operator_recovery_codes: OperatorRecoveryCodesTable;
}

export type OperatorRow = Selectable<OperatorsTable>;
export type OperatorSessionRow = Selectable<OperatorSessionsTable>;
