import type { Generated, Selectable } from "kysely";

/** API tokens of a municipality's treasury software (migration 20261127T0016); only the SHA-256 is kept. */
export interface TreasuryTokensTable {
  tenant_id: string;
  id: string;
  label: string;
  token_hash: string;
  created_by: string;
  created_at: Generated<Date>;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface TreasuryTables {
  treasury_tokens: TreasuryTokensTable;
}

export type TreasuryTokenRow = Selectable<TreasuryTokensTable>;
