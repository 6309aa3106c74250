import type {} from "@fastify/cookie";
import type { FastifyInstance, FastifyReply } from "fastify";
import fp from "fastify-plugin";
import { assetPrefix } from "#core/http/static-assets.ts";
import type { CitizenSession, SessionsService } from "./sessions.service.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in citizen's session, when the request carries a live one. */
    citizenSession: CitizenSession | undefined;
  }
}

/** `__Host-` binds the cookie to this host over https (no Domain, Path=/, Secure), as browsers enforce. */
export function sessionCookieName(secure: boolean, name = "rathaus_sid"): string {
  return secure ? `__Host-${name}` : name;
}

export interface SessionCookieOptions {
  secure: boolean;
  maxAgeSeconds: number;
  /** Staff and operators have cookies of their own, next to a citizen's. */
  name?: string;
}

export function setSessionCookie(reply: FastifyReply, value: string, options: SessionCookieOptions): void {
  reply.setCookie(sessionCookieName(options.secure, options.name), value, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: options.secure,
    maxAge: options.maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean, name?: string): void {
  reply.clearCookie(sessionCookieName(secure, name), { path: "/", httpOnly: true, sameSite: "lax", secure });
}

/** Resolves the session cookie of every request into `request.citizenSession`; pages must not be cached. */
export const citizenSessionPlugin = fp(
  async (app: FastifyInstance, opts: { sessions: SessionsService; secureCookies: boolean }) => {
    const name = sessionCookieName(opts.secureCookies);
    app.decorateRequest("citizenSession", undefined);
    app.addHook("onRequest", async (request, reply) => {
      const value = request.cookies[name];
      // Stylesheets, fonts and images need no session: no database lookup, and they stay cacheable.
      if (value === undefined || request.url.startsWith(assetPrefix)) return;
      request.citizenSession = await opts.sessions.resolve(value);
      if (!request.citizenSession) clearSessionCookie(reply, opts.secureCookies);
      else reply.header("cache-control", "private, no-store");
    });
  },
  { name: "citizen-session", dependencies: ["@fastify/cookie"] },
);
