import type { Generated } from "kysely";
import type { SessionRecord } from "./session-core.ts";

/**
 * The columns every kind of account with sign-in (staff, operators) has in its tables, so their schemas
 * declare them once and the shared session and TOTP code fits each of them.
 */
export interface TotpColumns {
  /** AES-256-GCM encrypted (identity's secret box); set once the second factor is confirmed. */
  totp_secret_enc: string | null;
  totp_pending_enc: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
}

export type SessionColumns = Omit<SessionRecord, "created_at" | "last_seen_at" | "ip" | "user_agent"> & {
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  revoked_at: Date | null;
  ip: Generated<string>;
  user_agent: Generated<string>;
};
