import type { FastifyRequest } from "fastify";
import type { FormDefinition, PrefillProfile } from "#modules/forms/index.ts";
import { meetsTrustLevel, type OidcOffer, oidcOffer, trustLevelName } from "#modules/identity/index.ts";
import type { ApplicationRouteOptions } from "./flow-context.ts";

/** Profile values (as the identity module names them) in the words of the forms' prefill keys. */
export function asPrefill(profile: {
  givenName?: string;
  familyName?: string;
  street?: string;
  postalCode?: string;
  city?: string;
  birthdate?: string;
  email?: string;
  phone?: string;
}): PrefillProfile {
  const { givenName, familyName, street, postalCode, city, birthdate, email, phone } = profile;
  return { givenName, familyName, street, postalCode, town: city, birthdate, email, phone };
}

/** What a form with `verifiedIdentity` asks of the current session, and what the start page says about it. */
export interface VerifiedGate {
  /** The level the form needs, in the page's language. */
  requiredLevel: string;
  /** The session's sign-in is good enough: the provider, its level, and the claims of that sign-in. */
  verified?: { providerName: string; levelName: string; claims: PrefillProfile };
  /** Signed in, but not well enough: without a provider, or through one at a lower level. */
  current?: { providerName: string; levelName: string } | "withoutProvider";
  /** The provider's sign-in, leading back to the start page; undefined when none is configured. */
  offer?: OidcOffer;
}

/**
 * For a form that needs verified data: whether the citizen signed in through the identity provider in this
 * session, at the form's level or higher, and with the claims of that sign-in; undefined for other forms.
 */
export async function verifiedGate(
  request: FastifyRequest,
  opts: ApplicationRouteOptions,
  definition: FormDefinition,
  returnTo: string,
): Promise<VerifiedGate | undefined> {
  const required = definition.verifiedIdentity?.trustLevel;
  if (!required) return undefined;
  const { lang } = request;
  const session = request.citizenSession;
  const oidc = opts.oidc;
  const gate: VerifiedGate = {
    requiredLevel: trustLevelName(required, lang),
    offer: oidc && oidcOffer(request, oidc, returnTo),
  };
  if (!session) return gate;
  const login = oidc && (await oidc.sessionLogin(session.citizenId, session.idHash, lang));
  if (!login) return { ...gate, current: "withoutProvider" };
  const { providerName, levelName, claims } = login;
  if (!claims || !meetsTrustLevel(login.trustLevel, required))
    return { ...gate, current: { providerName, levelName } };
  return { ...gate, verified: { providerName, levelName, claims: asPrefill(claims) } };
}
