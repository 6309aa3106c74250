import {
  type AuthenticationResponseJSON,
  type CredentialDeviceType,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import { isoBase64URL, isoUint8Array } from "@simplewebauthn/server/helpers";
import { hashSecret } from "#core/secrets.ts";

/**
 * Passkeys (WebAuthn discoverable credentials) for any kind of account: the service knows WebAuthn, a
 * `PasskeyStore` knows where one kind of account keeps its passkeys. The authenticator stores the owner id
 * as its user handle, so signing in needs no user name and finds the passkey by (owner id, credential id).
 */

/** The site a passkey belongs to: `id` is its hostname (no port), `origin` the pages' origin. */
export interface RelyingParty {
  id: string;
  name: string;
  origin: string;
}

/** The account a passkey is made for; `name` (e.g. the e-mail address) is what the device shows. */
export interface PasskeyAccount {
  id: string;
  name: string;
  displayName: string;
}

export interface StoredPasskey {
  /** base64url */
  credentialId: string;
  /** COSE-encoded public key. */
  publicKey: Uint8Array<ArrayBuffer>;
  counter: number;
  transports: string[];
  deviceType: CredentialDeviceType;
  backedUp: boolean;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export type NewPasskey = Omit<StoredPasskey, "createdAt" | "lastUsedAt">;

/**
 * The passkeys of one kind of account (citizens; staff of one municipality; …), addressed by owner id. Owner
 * ids come from user handles that anyone can send: a store answers "none" for ids it cannot hold.
 */
export interface PasskeyStore {
  /** Which accounts these are, e.g. "citizen" or "staff:<tenant id>"; keeps their challenges apart. */
  readonly kind: string;
  list(ownerId: string): Promise<StoredPasskey[]>;
  find(ownerId: string, credentialId: string): Promise<StoredPasskey | undefined>;
  /** false when the owner already has this credential. */
  insert(ownerId: string, passkey: NewPasskey): Promise<boolean>;
  /** After a sign-in: the counter the authenticator reported (never lowered), its backup state, the time. */
  recordUse(
    ownerId: string,
    credentialId: string,
    use: { counter: number; backedUp: boolean },
  ): Promise<void>;
  /** false when the owner has no such passkey. */
  remove(ownerId: string, credentialId: string): Promise<boolean>;
}

/** Challenges handed out and not yet used; `consume` deletes one and says whether it was valid. */
export interface PasskeyChallengeStore {
  issue(challengeHash: string, purpose: string, expiresAt: Date): Promise<void>;
  consume(challengeHash: string, purpose: string): Promise<boolean>;
}

/** Why a ceremony was refused; `detail` says more for the log and the audit (never a secret). */
export type PasskeyRefusal =
  | "challenge"
  | "unknown-credential"
  | "verification"
  | "already-registered"
  | "limit";

export type PasskeyResult<T> =
  | { ok: true; value: T }
  | { ok: false; refusal: PasskeyRefusal; detail: string; claimedOwnerId?: string };

export const challengeLifetimeMs = 5 * 60_000;
export const maxPasskeysPerAccount = 20;
export const maxPasskeyNameLength = 60;

const credentialIdPattern = /^[A-Za-z0-9_-]{1,1400}$/;

const refuse = (refusal: PasskeyRefusal, detail: string, claimedOwnerId?: string) =>
  ({ ok: false, refusal, detail, claimedOwnerId }) as const;

/** A passkey's name as typed, tidied; `fallback` when empty, undefined when too long. */
export function passkeyName(raw: string, fallback: string): string | undefined {
  const name = raw.replace(/\s+/g, " ").trim() || fallback;
  return name.length <= maxPasskeyNameLength ? name : undefined;
}

/** The owner id an authentication response claims (its user handle), not yet verified. */
export function claimedOwnerId(response: unknown): string | undefined {
  const handle = (response as { response?: { userHandle?: unknown } } | null)?.response?.userHandle;
  if (typeof handle !== "string" || !isoBase64URL.isBase64URL(handle) || handle.length > 128)
    return undefined;
  return isoBase64URL.toUTF8String(handle);
}

export type PasskeyService = ReturnType<typeof createPasskeyService>;

export function createPasskeyService(store: PasskeyStore, challenges: PasskeyChallengeStore) {
  const purposes = {
    authentication: `${store.kind}:authentication`,
    registration: (ownerId: string) => `${store.kind}:registration:${ownerId}`,
  };
  const hashChallenge = (challenge: string) => hashSecret(`passkey-challenge:${challenge}`);
  const issue = (challenge: string, purpose: string) =>
    challenges.issue(hashChallenge(challenge), purpose, new Date(Date.now() + challengeLifetimeMs));
  /** Every check uses its challenge up, whatever the outcome: a response can be tried once. */
  const consume = (challenge: string | undefined, purpose: string) =>
    challenge ? challenges.consume(hashChallenge(challenge), purpose) : Promise.resolve(false);
  const reason = (error: unknown) => (error instanceof Error ? error.message : "invalid response");

  return {
    list: (ownerId: string) => store.list(ownerId),

    /** The passkey removed, or undefined when the owner has none with this id. */
    async remove(ownerId: string, credentialId: string): Promise<StoredPasskey | undefined> {
      const passkey = await store.find(ownerId, credentialId);
      return passkey && (await store.remove(ownerId, credentialId)) ? passkey : undefined;
    },

    /** What the browser needs to create a passkey for `account`; the challenge is `options.challenge`. */
    async registrationOptions(
      rp: RelyingParty,
      account: PasskeyAccount,
    ): Promise<PasskeyResult<PublicKeyCredentialCreationOptionsJSON>> {
      const existing = await store.list(account.id);
      if (existing.length >= maxPasskeysPerAccount) return refuse("limit", `${existing.length} passkeys`);
      const options = await generateRegistrationOptions({
        rpName: rp.name,
        rpID: rp.id,
        userID: isoUint8Array.fromUTF8String(account.id),
        userName: account.name,
        userDisplayName: account.displayName,
        timeout: challengeLifetimeMs,
        attestationType: "none",
        excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
        authenticatorSelection: { residentKey: "required", userVerification: "required" },
      });
      await issue(options.challenge, purposes.registration(account.id));
      return { ok: true, value: options };
    },

    /** Checks the browser's answer against the challenge this browser was given, then stores the passkey. */
    async register(
      rp: RelyingParty,
      ownerId: string,
      input: { response: unknown; challenge: string | undefined; name: string },
    ): Promise<PasskeyResult<NewPasskey>> {
      if (!(await consume(input.challenge, purposes.registration(ownerId)))) {
        return refuse("challenge", "no valid challenge for this account");
      }
      let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
      try {
        verification = await verifyRegistrationResponse({
          response: input.response as RegistrationResponseJSON,
          expectedChallenge: input.challenge ?? "",
          expectedOrigin: rp.origin,
          expectedRPID: rp.id,
          requireUserVerification: true,
        });
      } catch (error) {
        return refuse("verification", reason(error));
      }
      if (!verification.verified) return refuse("verification", "registration not verified");
      const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
      if (!credentialIdPattern.test(credential.id)) return refuse("verification", "credential id too long");
      const passkey: NewPasskey = {
        credentialId: credential.id,
        publicKey: credential.publicKey,
        counter: credential.counter,
        transports: credential.transports ?? [],
        deviceType: credentialDeviceType,
        backedUp: credentialBackedUp,
        name: input.name,
      };
      if (!(await store.insert(ownerId, passkey))) return refuse("already-registered", credential.id);
      return { ok: true, value: passkey };
    },

    /** Sign-in without a user name: the device offers the passkeys it holds for this site. */
    async authenticationOptions(rp: RelyingParty): Promise<PublicKeyCredentialRequestOptionsJSON> {
      const options = await generateAuthenticationOptions({
        rpID: rp.id,
        userVerification: "required",
        timeout: challengeLifetimeMs,
      });
      await issue(options.challenge, purposes.authentication);
      return options;
    },

    /** The owner whose passkey signed this browser's challenge, with user verification (two factors in one). */
    async authenticate(
      rp: RelyingParty,
      input: { response: unknown; challenge: string | undefined },
    ): Promise<PasskeyResult<{ ownerId: string; credentialId: string }>> {
      const ownerId = claimedOwnerId(input.response);
      if (!(await consume(input.challenge, purposes.authentication))) {
        return refuse("challenge", "no valid challenge", ownerId);
      }
      const response = input.response as AuthenticationResponseJSON;
      const credentialId = typeof response?.id === "string" ? response.id : "";
      const passkey =
        ownerId && credentialIdPattern.test(credentialId)
          ? await store.find(ownerId, credentialId)
          : undefined;
      if (!ownerId || !passkey) return refuse("unknown-credential", "no such passkey", ownerId);
      let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
      try {
        verification = await verifyAuthenticationResponse({
          response,
          expectedChallenge: input.challenge ?? "",
          expectedOrigin: rp.origin,
          expectedRPID: rp.id,
          credential: {
            id: passkey.credentialId,
            publicKey: passkey.publicKey,
            counter: passkey.counter,
            transports: passkey.transports,
          },
          requireUserVerification: true,
        });
      } catch (error) {
        return refuse("verification", reason(error), ownerId);
      }
      if (!verification.verified) return refuse("verification", "signature not verified", ownerId);
      const info = verification.authenticationInfo;
      await store.recordUse(ownerId, credentialId, {
        counter: info.newCounter,
        backedUp: info.credentialBackedUp,
      });
      return { ok: true, value: { ownerId, credentialId } };
    },
  };
}
