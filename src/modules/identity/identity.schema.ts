import type { Generated, Selectable } from "kysely";
import type { OidcTables } from "./oidc.schema.ts";

export interface CitizensTable {
  id: string;
  email: string;
  password_hash: string | null;
  email_verified_at: Date | null;
  given_name: Generated<string>;
  family_name: Generated<string>;
  street: Generated<string>;
  postal_code: Generated<string>;
  city: Generated<string>;
  phone: Generated<string>;
  /** ISO date `yyyy-mm-dd` (a calendar date, never a JS Date). */
  birthdate: string | null;
  /** TOTP secret, AES-256-GCM encrypted (see secret-box.ts); set once two-factor sign-in is on. */
  totp_secret_enc: string | null;
  /** A secret shown during setup, until the citizen confirms it with a first code. */
  totp_pending_enc: string | null;
  totp_enabled_at: Date | null;
  /** Last accepted time step: a code is accepted once (no replay within its 30 seconds). */
  totp_last_step: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type AuthMethod = "password" | "password+totp" | "password+recovery_code" | "passkey" | "oidc";

export interface CitizenRecoveryCodesTable {
  citizen_id: string;
  code_hash: string;
  used_at: Date | null;
}

export interface CitizenSessionsTable {
  citizen_id: string;
  id_hash: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  revoked_at: Date | null;
  auth_method: AuthMethod;
  ip: Generated<string>;
  user_agent: Generated<string>;
}

export type TokenPurpose = "verify_email" | "reset_password" | "change_email";

export interface CitizenTokensTable {
  citizen_id: string;
  token_hash: string;
  purpose: TokenPurpose;
  /**
   * The address the token was sent to. Verification and reset tokens stop working when the account's
   * address changed since; an address-change token carries the new address.
   */
  email: string;
  expires_at: Date;
  used_at: Date | null;
  created_at: Generated<Date>;
}

export interface AuthThrottleTable {
  key_hash: string;
  failures: Generated<number>;
  first_failure_at: Generated<Date>;
  blocked_until: Date | null;
}

export interface IdentityTables extends OidcTables {
  auth_throttle: AuthThrottleTable;
  citizens: CitizensTable;
  citizen_sessions: CitizenSessionsTable;
  citizen_tokens: CitizenTokensTable;
  citizen_recovery_codes: CitizenRecoveryCodesTable;
}

export type CitizenRow = Selectable<CitizensTable>;
export type CitizenSessionRow = Selectable<CitizenSessionsTable>;
