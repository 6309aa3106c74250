import type { Generated } from "kysely";

export type PasskeyDeviceType = "singleDevice" | "multiDevice";

/** The columns of every passkey table (citizens', staff's), beside the owner's key columns. */
export interface PasskeyColumns {
  /** base64url, as the browser reports it. */
  credential_id: string;
  /** COSE-encoded public key. */
  public_key: Uint8Array;
  /** Signature counter last reported by the authenticator (0 for those that keep none). */
  counter: Generated<number>;
  transports: Generated<string[]>;
  device_type: PasskeyDeviceType;
  backed_up: Generated<boolean>;
  name: string;
  created_at: Generated<Date>;
  last_used_at: Date | null;
}

export interface CitizenPasskeysTable extends PasskeyColumns {
  citizen_id: string;
}

export interface PasskeyChallengesTable {
  challenge_hash: string;
  /**
   * "<kind>:authentication", or "<kind>:registration:<owner id>" for the account that asked to add a passkey
   * (kind: which accounts, e.g. "citizen"), so a challenge only serves the ceremony it was made for.
   */
  purpose: string;
  expires_at: Date;
}

export interface PasskeysTables {
  citizen_passkeys: CitizenPasskeysTable;
  passkey_challenges: PasskeyChallengesTable;
}
