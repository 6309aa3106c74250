import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifyFormbody from "@fastify/formbody";
import fastifyHelmet, { type FastifyHelmetOptions } from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import helmet from "helmet";
import { BadRequest } from "./errors.ts";
import { containsNul } from "./form-page.ts";

export interface SecurityOptions {
  cookieSecret: string;
  secureCookies: boolean;
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * `false` exempts a route from the CSRF check. Only for endpoints that other servers call and that
     * authenticate the caller themselves (the demo identity provider's token endpoint): no browser form of
     * ours posts there, so no token can come along.
     */
    csrf?: boolean;
  }
}

function helmetOptions(opts: SecurityOptions): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        ...(opts.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: opts.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
  };
}

/**
 * The same security headers for responses written outside the hook chain (router errors answered in
 * Fastify's `frameworkErrors`, where no onRequest hook has run).
 */
export function securityHeadersSetter(opts: SecurityOptions) {
  // @fastify/helmet and helmet ship the same option types twice (CJS and ESM declarations).
  const middleware = helmet(helmetOptions(opts) as Parameters<typeof helmet>[0]);
  return (request: FastifyRequest, reply: FastifyReply) => middleware(request.raw, reply.raw, () => {});
}

/** Security headers with a strict CSP (no inline script or style), signed cookies, CSRF, body parsing, rate limits. */
export const securityPlugin = fp(
  async (app: FastifyInstance, opts: SecurityOptions) => {
    await app.register(fastifyHelmet, helmetOptions(opts));
    await app.register(fastifyCookie, { secret: opts.cookieSecret, hook: "onRequest" });
    await app.register(fastifyFormbody);
    await app.register(fastifyCsrf, {
      sessionPlugin: "@fastify/cookie",
      cookieKey: "__csrf",
      cookieOpts: { path: "/", signed: true, httpOnly: true, sameSite: "lax", secure: opts.secureCookies },
    });
    // Limits are opt-in per route (login, submissions); the plugin must be registered before those routes.
    await app.register(fastifyRateLimit, { global: false });
    app.addHook("preValidation", async (request) => {
      if (containsNul(request.body) || containsNul(request.query)) {
        throw BadRequest("The request contains a NUL character.");
      }
    });
    // Every state-changing request needs the token; it is checked once the form body has been parsed.
    app.addHook("preValidation", (request, reply, done) => {
      if (safeMethods.has(request.method) || request.routeOptions.config.csrf === false) done();
      else app.csrfProtection(request, reply, done);
    });
  },
  { name: "security" },
);
