import type { Generated, Selectable } from "kysely";
import type { TrustLevel } from "./trust-level.ts";

/** A citizen account reached through an identity provider: the provider's `sub` at its issuer. */
export interface CitizenIdentityLinksTable {
  issuer: string;
  subject: string;
  citizen_id: string;
  created_at: Generated<Date>;
  last_login_at: Generated<Date>;
}

/** One sign-in through an identity provider, belonging to the session it started. */
export interface CitizenOidcLoginsTable {
  citizen_id: string;
  session_id_hash: string;
  issuer: string;
  acr: Generated<string>;
  trust_level: TrustLevel;
  logged_in_at: Generated<Date>;
  /** The provider's name, date of birth and address as the profile takes them (JSON); null before 0015. */
  claims: Generated<unknown>;
}

export interface OidcTables {
  citizen_identity_links: CitizenIdentityLinksTable;
  citizen_oidc_logins: CitizenOidcLoginsTable;
}

export type CitizenOidcLoginRow = Selectable<CitizenOidcLoginsTable>;
