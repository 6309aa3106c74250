import { generateKeyPairSync, hkdfSync, randomUUID } from "node:crypto";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { memoryAdapter } from "./memory-adapter.ts";
import { testIdentity } from "./test-identities.ts";

export interface DemoClient {
  clientId: string;
  clientSecret: string;
  name: string;
  /** The registered redirect URI, as a template: one per municipality, e.g. `…/{slug}/konto/anmelden/oidc/rueckkehr`. */
  redirectUriTemplate: string;
  /** Whether a redirect URI fits the template (checked instead of exact registration). */
  redirectUriAllowed(redirectUri: string): boolean;
}

export interface DevProviderOptions {
  issuer: string;
  client: DemoClient;
  /** SESSION_SECRET: the provider's cookie keys are derived from it. */
  serverSecret: string;
  trustProxy: boolean;
  interactionUrl(uid: string): string;
  /** The provider's own error pages (bad client, bad redirect URI) as our pages. */
  renderError(ctx: KoaContextWithOIDC, error: { error: string; error_description?: string }): Promise<string>;
}

/** What the demo provider releases, by scope; like BundID it states the trust level (`acr`) in every ID token. */
export const demoClaims = {
  openid: ["sub", "acr"],
  email: ["email", "email_verified"],
  profile: ["given_name", "family_name", "birthdate"],
  address: ["address"],
  auth_time: null,
};

export const sessionCookieName = "dev_idp_session";

/**
 * oidc-provider configured as a small stand-in for BundID: code flow with PKCE (S256) only, one confidential
 * client, the two test identities, fresh signing keys on every start.
 */
export function createDevProvider(opts: DevProviderOptions): Provider {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: "jwk" }), kid: randomUUID(), alg: "RS256", use: "sig" };
  const cookieKey = hkdfSync("sha256", opts.serverSecret, "digitales-rathaus", "dev-idp-cookies", 32);
  const cookieOptions = { signed: true, httpOnly: true, sameSite: "lax" };
  const configuration: Configuration = {
    adapter: memoryAdapter(),
    clients: [
      {
        client_id: opts.client.clientId,
        client_secret: opts.client.clientSecret,
        client_name: opts.client.name,
        redirect_uris: [opts.client.redirectUriTemplate],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    async findAccount(_ctx, sub) {
      const identity = testIdentity(sub);
      return (
        identity && { accountId: identity.sub, claims: () => ({ sub: identity.sub, ...identity.claims }) }
      );
    },
    claims: demoClaims,
    acrValues: ["STORK-QAA-Level-1", "STORK-QAA-Level-3", "STORK-QAA-Level-4"],
    cookies: {
      names: { session: sessionCookieName, interaction: "dev_idp_interaction", resume: "dev_idp_resume" },
      keys: [Buffer.from(cookieKey).toString("base64url")],
      long: cookieOptions,
      short: cookieOptions,
    },
    jwks: { keys: [signingKey] },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      resourceIndicators: { enabled: false },
    },
    pkce: { methods: ["S256"], required: () => true },
    interactions: { url: (_ctx, interaction) => opts.interactionUrl(interaction.uid) },
    async renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = await opts.renderError(ctx, out);
    },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 900,
      Session: 600,
    },
  };
  const provider = new Provider(opts.issuer, configuration);
  provider.proxy = opts.trustProxy;
  // One registration stands for every municipality's callback (the recipe "redirect URI wildcards").
  provider.Client.prototype.redirectUriAllowed = (redirectUri) => opts.client.redirectUriAllowed(redirectUri);
  return provider;
}
