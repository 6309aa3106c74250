import type { FastifyReply, FastifyRequest } from "fastify";
import { challengeLifetimeMs } from "./passkeys.service.ts";

/**
 * The challenge of a passkey ceremony rides in a signed cookie of the browser that asked for it, so a response
 * only counts in that browser; the database keeps it single-use. Taking it also deletes the cookie.
 */
export function passkeyChallengeCookie(cookieName: string, secure: boolean) {
  const options = { path: "/", httpOnly: true, sameSite: "strict", secure } as const;
  return {
    give(reply: FastifyReply, challenge: string): void {
      reply.setCookie(cookieName, challenge, {
        ...options,
        signed: true,
        maxAge: challengeLifetimeMs / 1000,
      });
    },

    take(request: FastifyRequest, reply: FastifyReply): string | undefined {
      const raw = request.cookies[cookieName];
      if (!raw) return undefined;
      reply.clearCookie(cookieName, options);
      const unsigned = request.unsignCookie(raw);
      return unsigned.valid && unsigned.value ? unsigned.value : undefined;
    },
  };
}
