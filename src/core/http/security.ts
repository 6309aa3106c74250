import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifyFormbody from "@fastify/formbody";
import fastifyHelmet, { type FastifyHelmetOptions } from "@fastify/helmet";
import fastifyMultipart from "@fastify/multipart";
import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import helmet from "helmet";
import { AppError, BadRequest } from "./errors.ts";
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
    /**
     * `true` for a route that reads file uploads with `readUploadForm` (#core/files), which checks the CSRF
     * token of a multipart request itself, as the form's first field, before it reads any file. Such a route
     * must call it before doing anything else.
     */
    multipartForm?: boolean;
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
    // Multipart bodies are only read where a route asks for them (readUploadForm, with its own limits, which
    // reports a too large file at its field instead of failing the whole request).
    await app.register(fastifyMultipart, { throwFileSizeLimit: false });
    await app.register(fastifyCsrf, {
      sessionPlugin: "@fastify/cookie",
      cookieKey: "__csrf",
      cookieOpts: { path: "/", signed: true, httpOnly: true, sameSite: "lax", secure: opts.secureCookies },
    });
    // Limits are opt-in per route (login, submissions); the plugin must be registered before those routes.
    await app.register(fastifyRateLimit, { global: false });
    // Only routes that read uploads accept multipart bodies; everywhere else they stay unsupported.
    app.addHook("preValidation", async (request) => {
      if (request.isMultipart() && request.routeOptions.config.multipartForm !== true) {
        throw new AppError(415, "unsupported-media-type", "This address accepts no multipart/form-data.");
      }
    });
    app.addHook("preValidation", async (request) => {
      if (containsNul(request.body) || containsNul(request.query)) {
        throw BadRequest("The request contains a NUL character.");
      }
    });
    // Every state-changing request needs the token; it is checked once the form body has been parsed.
    app.addHook("preValidation", (request, reply, done) => {
      if (safeMethods.has(request.method) || request.routeOptions.config.csrf === false) done();
      else if (request.routeOptions.config.multipartForm === true && request.isMultipart()) done();
      else app.csrfProtection(request, reply, done);
    });
  },
  { name: "security" },
);
