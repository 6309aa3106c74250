import type { FastifyReply, FastifyRequest } from "fastify";
import type { AuthorizationRequest } from "./oidc.client.ts";
import { oidcPaths } from "./oidc.paths.ts";

/**
 * While the citizen is at the identity provider, the browser holds a signed, short-lived cookie with what
 * the callback must match: state, nonce, PKCE verifier, the municipality and the page to return to. It is
 * sent only to the sign-in paths and used once: the callback deletes it whatever happens.
 */
export interface PendingSignIn extends Omit<AuthorizationRequest, "url"> {
  tenantId: string;
  returnTo: string;
  expiresAt: number;
}

const cookieName = "rathaus_oidc";
const lifetimeMs = 10 * 60_000;

const cookieOptions = (base: string, secure: boolean) => ({
  path: oidcPaths.start(base),
  httpOnly: true,
  // Lax: the browser sends it on the provider's top-level redirect back to us.
  sameSite: "lax" as const,
  secure,
});

export function rememberSignIn(
  reply: FastifyReply,
  pending: Omit<PendingSignIn, "expiresAt">,
  base: string,
  secure: boolean,
): void {
  const value = Buffer.from(JSON.stringify({ ...pending, expiresAt: Date.now() + lifetimeMs })).toString(
    "base64url",
  );
  reply.setCookie(cookieName, value, {
    ...cookieOptions(base, secure),
    signed: true,
    maxAge: lifetimeMs / 1000,
  });
}

/** The sign-in this browser started, when its cookie is genuine and not expired; the cookie is deleted. */
export function takePendingSignIn(
  request: FastifyRequest,
  reply: FastifyReply,
  base: string,
  secure: boolean,
): PendingSignIn | undefined {
  const raw = request.cookies[cookieName];
  if (raw === undefined) return undefined;
  reply.clearCookie(cookieName, cookieOptions(base, secure));
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return undefined;
  try {
    const pending = JSON.parse(Buffer.from(unsigned.value, "base64url").toString("utf8")) as PendingSignIn;
    const complete = ["state", "nonce", "codeVerifier", "tenantId", "returnTo"].every(
      (key) => typeof pending[key as keyof PendingSignIn] === "string",
    );
    return complete && pending.expiresAt > Date.now() ? pending : undefined;
  } catch {
    return undefined;
  }
}
