import * as openid from "openid-client";

/** The identity provider and this installation's registration with it (from OIDC_* in the config). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  buttonLabel: string | undefined;
  providerName: string | undefined;
  /** The demo identity provider of this server at /_dev/idp. */
  embedded: boolean;
}

/** Why a sign-in through the provider did not complete, as the citizen is told. */
export type OidcFailure = "cancelled" | "rejected" | "unavailable";

export class OidcSignInError extends Error {
  constructor(
    readonly failure: OidcFailure,
    options: { cause: unknown },
  ) {
    super(`OIDC sign-in failed: ${failure}`, options);
  }
}

/** What the relying party keeps between sending the citizen away and the callback. */
export interface AuthorizationRequest {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The claims of one sign-in, as the provider sent them (ID token, completed by the UserInfo response). */
export interface ProviderClaims {
  issuer: string;
  subject: string;
  acr: string;
  claims: Record<string, unknown>;
}

const scope = "openid profile email address";

function failureOf(error: unknown): OidcFailure {
  if (error instanceof openid.AuthorizationResponseError) {
    return error.error === "access_denied" ? "cancelled" : "rejected";
  }
  if (error instanceof openid.ResponseBodyError || error instanceof openid.WWWAuthenticateChallengeError) {
    return error.status >= 500 ? "unavailable" : "rejected";
  }
  const code = error instanceof openid.ClientError ? error.code : undefined;
  // fetch() fails with "TypeError: fetch failed" when the provider cannot be reached at all.
  const unreachable = error instanceof TypeError && error.message === "fetch failed";
  if (unreachable || code === "OAUTH_TIMEOUT" || code === "OAUTH_RESPONSE_IS_NOT_CONFORM") {
    return "unavailable";
  }
  return "rejected";
}

/**
 * The relying party (openid-client): authorization code flow with PKCE, state and nonce. The provider's
 * metadata is discovered on first use and kept; a failed discovery is tried again with the next sign-in.
 */
export function createOidcClient(settings: OidcSettings) {
  let configuration: Promise<openid.Configuration> | undefined;
  const insecure = settings.issuer.startsWith("http://"); // the demo provider in development and tests

  function discovered(): Promise<openid.Configuration> {
    configuration ??= openid
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        undefined,
        openid.ClientSecretBasic(settings.clientSecret),
        { execute: insecure ? [openid.allowInsecureRequests] : [], timeout: 10 },
      )
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  }

  async function guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw new OidcSignInError(failureOf(error), { cause: error });
    }
  }

  return {
    begin: (redirectUri: string): Promise<AuthorizationRequest> =>
      guarded(async () => {
        const config = await discovered();
        const codeVerifier = openid.randomPKCECodeVerifier();
        const state = openid.randomState();
        const nonce = openid.randomNonce();
        const url = openid.buildAuthorizationUrl(config, {
          redirect_uri: redirectUri,
          scope,
          state,
          nonce,
          code_challenge: await openid.calculatePKCECodeChallenge(codeVerifier),
          code_challenge_method: "S256",
        });
        return { url: url.href, state, nonce, codeVerifier };
      }),

    /** Checks the callback against what was sent, redeems the code once and reads the claims. */
    complete: (callbackUrl: URL, sent: Omit<AuthorizationRequest, "url">): Promise<ProviderClaims> =>
      guarded(async () => {
        const config = await discovered();
        const tokens = await openid.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: sent.codeVerifier,
          expectedState: sent.state,
          expectedNonce: sent.nonce,
          idTokenExpected: true,
        });
        const idToken = tokens.claims();
        if (!idToken) throw new openid.ClientError("no ID token");
        const userInfo = await openid.fetchUserInfo(config, tokens.access_token, idToken.sub);
        return {
          issuer: idToken.iss,
          subject: idToken.sub,
          acr: typeof idToken.acr === "string" ? idToken.acr : "",
          claims: { ...idToken, ...userInfo },
        };
      }),
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;
