import type {} from "@fastify/cookie";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { isLang, negotiateLang } from "#core/i18n/lang.ts";

const cookieName = "lang";
const oneYearSeconds = 365 * 24 * 3600;

/** `?lang=en` switches the language and remembers it in a cookie; works without JavaScript. */
export const languagePlugin = fp(
  async (app: FastifyInstance, opts: { secureCookies: boolean }) => {
    app.decorateRequest("lang", "de");
    app.addHook("onRequest", async (request, reply) => {
      const queried = (request.query as Record<string, unknown> | undefined)?.lang;
      if (isLang(queried)) {
        reply.setCookie(cookieName, queried, {
          path: "/",
          maxAge: oneYearSeconds,
          sameSite: "lax",
          httpOnly: true,
          secure: opts.secureCookies,
        });
      }
      const choice = isLang(queried) ? queried : request.cookies[cookieName];
      request.lang = negotiateLang(choice, request.headers["accept-language"]);
    });
  },
  { name: "language", dependencies: ["@fastify/cookie"] },
);
