import { uuidv7 } from "#core/db/ids.ts";
import { type Db, inTransaction } from "#core/db/transaction.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { findCitizenByEmail } from "./accounts.repo.ts";
import { normalizeEmail } from "./accounts.service.ts";
import { createOidcClient, type OidcSettings, type ProviderClaims } from "./oidc.client.ts";
import { oidcMessages } from "./oidc.messages.ts";
import * as repo from "./oidc.repo.ts";
import { type ProvidedProfile, profileFromProvider } from "./profile.service.ts";
import { type TrustLevel, trustLevelName, trustLevelOf } from "./trust-level.ts";

export type OidcSignIn =
  | {
      status: "ok";
      citizenId: string;
      /** "linked": an existing account is reached through the provider from now on. */
      account: "known" | "linked" | "created";
      issuer: string;
      acr: string;
      trustLevel: TrustLevel;
      /** Name, date of birth and address as the provider vouched for them at this sign-in. */
      profile: ProvidedProfile;
    }
  | { status: "email_taken"; email: string }
  | { status: "no_email" };

const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

function objectClaim(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

/** Claims as stored with a sign-in, read back through the same rules as when they arrived. */
function storedClaims(value: unknown): ProvidedProfile | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const stored = value as Record<string, unknown>;
  return profileFromProvider({
    givenName: stored.givenName,
    familyName: stored.familyName,
    street: stored.street,
    postalCode: stored.postalCode,
    city: stored.city,
    birthdate: stored.birthdate,
  });
}

export type OidcService = ReturnType<typeof oidcService>;

/** Sign-in through an identity provider; `undefined` when none is configured. */
export function createOidcService(db: Db, settings: OidcSettings | undefined): OidcService | undefined {
  return settings && oidcService(db, settings);
}

function oidcService(db: Db, settings: OidcSettings) {
  const client = createOidcClient(settings);
  const issuerHost = new URL(settings.issuer).host;

  /** The provider as the sign-in page names it. */
  function provider(lang: Lang) {
    const t = oidcMessages[lang];
    return {
      name: settings.providerName ?? (settings.embedded ? t.demoProviderName : t.defaultProviderName),
      host: issuerHost,
      buttonLabel: settings.buttonLabel ?? t.defaultButtonLabel,
    };
  }
  const nameOf = (issuer: string, lang: Lang) =>
    issuer === settings.issuer ? provider(lang).name : URL.canParse(issuer) ? new URL(issuer).host : issuer;

  return {
    provider,
    begin: client.begin,
    complete: client.complete,

    /**
     * The account of the person the provider vouches for: the one linked to (issuer, subject); else the one
     * with the same address, linked only when the provider confirms the address and the account is
     * confirmed (nobody takes over an account by claiming its address); else a new one. Name, date of birth
     * and address are taken from the claims at every sign-in.
     */
    async signIn(result: ProviderClaims): Promise<OidcSignIn> {
      const { issuer, subject, claims } = result;
      const email = normalizeEmail(claims.email);
      const emailVerified = claims.email_verified === true;
      const address = objectClaim(claims.address);
      const profile = profileFromProvider({
        givenName: claims.given_name,
        familyName: claims.family_name,
        street: address.street_address,
        postalCode: address.postal_code,
        city: address.locality,
        birthdate: claims.birthdate,
      });
      return inTransaction(db, async (tx): Promise<OidcSignIn> => {
        let citizenId = await repo.findLinkedCitizen(tx, issuer, subject);
        let account: "known" | "linked" | "created" = "known";
        if (!citizenId) {
          if (email.length > 254 || !emailPattern.test(email)) return { status: "no_email" };
          const existing = await findCitizenByEmail(tx, email);
          if (existing && !(emailVerified && existing.email_verified_at))
            return { status: "email_taken", email };
          citizenId = existing?.id ?? uuidv7();
          account = existing ? "linked" : "created";
          const verifiedAt = emailVerified ? new Date() : null;
          if (
            !existing &&
            !(await repo.insertProviderCitizen(tx, { id: citizenId, email, email_verified_at: verifiedAt }))
          ) {
            return { status: "email_taken", email }; // registered a moment ago
          }
          await repo.insertLink(tx, { issuer, subject, citizen_id: citizenId });
        }
        await repo.fillProfile(tx, citizenId, profile);
        await repo.touchLink(tx, issuer, subject);
        return {
          status: "ok",
          citizenId,
          account,
          issuer,
          acr: result.acr,
          trustLevel: trustLevelOf(result.acr),
          profile,
        };
      });
    },

    /** Stores the trust level and the vouched-for data with the session this sign-in started. */
    recordLogin: (signIn: Extract<OidcSignIn, { status: "ok" }>, sessionIdHash: string) =>
      repo.insertLogin(db, {
        citizen_id: signIn.citizenId,
        session_id_hash: sessionIdHash,
        issuer: signIn.issuer,
        acr: signIn.acr.slice(0, 200),
        trust_level: signIn.trustLevel,
        claims: JSON.stringify(signIn.profile),
      }),

    /**
     * How the session was signed in through a provider, if it was: the trust level (and its name in `lang`)
     * and the data the provider vouched for at that sign-in (undefined for sign-ins stored before it was kept).
     */
    async sessionLogin(citizenId: string, sessionIdHash: string, lang: Lang) {
      const row = await repo.findLogin(db, citizenId, sessionIdHash);
      return (
        row && {
          trustLevel: row.trust_level,
          levelName: trustLevelName(row.trust_level, lang),
          providerName: nameOf(row.issuer, lang),
          claims: storedClaims(row.claims),
        }
      );
    },

    /** When a provider last sent the citizen's data, if ever. */
    async lastProvided(citizenId: string, lang: Lang) {
      const row = await repo.findLatestLink(db, citizenId);
      return row && { at: row.last_login_at, providerName: nameOf(row.issuer, lang) };
    },
  };
}
