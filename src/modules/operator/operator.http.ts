import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { withQuery } from "#core/http/paths.ts";
import { sendMessage } from "#core/http/reply.ts";
import type { MessagePageModel } from "#core/views/message-page.tsx";
import { clearSessionCookie, type SignInAudit, sessionCookieName } from "#modules/identity/auth-kit.ts";
import { installationChrome } from "#modules/tenants/index.ts";
import { operatorPaths } from "./operator.paths.ts";
import type { Operator } from "./operator.service.ts";
import { type OperatorSession, type OperatorSessions, operatorCookie } from "./operator-sessions.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** "public" for the console's sign-in and setup pages; every other console route needs an operator. */
    operatorAccess?: "public";
  }
  interface FastifyRequest {
    /** The signed-in operator of a console request. */
    operator: { session: OperatorSession; account: Operator } | undefined;
  }
}

/**
 * Guards the operator console: resolves the operator's own session cookie (a citizen's or staff member's
 * session counts for nothing here) and sends anyone else to the sign-in, except on the public pages.
 */
export const operatorGuard = fp(
  async (
    app: FastifyInstance,
    opts: {
      sessions: OperatorSessions;
      findOperator(id: string): Promise<Operator | undefined>;
      secureCookies: boolean;
    },
  ) => {
    const cookieName = sessionCookieName(opts.secureCookies, operatorCookie);
    app.decorateRequest("operator", undefined);
    app.addHook("onRequest", async (request, reply) => {
      reply.header("cache-control", "private, no-store");
      const value = request.cookies[cookieName];
      if (!value) return;
      const session = await opts.sessions.resolve(value);
      const account = session && (await opts.findOperator(session.operatorId));
      if (session && account) request.operator = { session, account };
      else clearSessionCookie(reply, opts.secureCookies, operatorCookie);
    });
    app.addHook("preHandler", async (request, reply) => {
      if (request.operator || request.routeOptions.config.operatorAccess === "public") return;
      const here = request.url.split("?")[0] ?? operatorPaths.home();
      return reply.redirect(withQuery(operatorPaths.login(), { weiter: here }), 303);
    });
  },
  { name: "operator-guard" },
);

/** The signed-in operator; only called in routes whose guard has made sure there is one. */
export function currentOperator(request: FastifyRequest) {
  if (!request.operator) throw new Error("currentOperator used on a public route");
  return request.operator;
}

/** The frame of the console's pages: the installation's, not a municipality's. */
export const consoleChrome = (request: FastifyRequest) => installationChrome(request.lang);

export function sendConsoleMessage(
  request: FastifyRequest,
  reply: FastifyReply,
  model: Omit<MessagePageModel, "path">,
  status = 200,
): Promise<FastifyReply> {
  return sendMessage(request, reply, model, status, consoleChrome(request));
}

/**
 * Sign-in events of operators. They belong to no municipality, so they go to the server log (structured,
 * with request id and client address) instead of a municipality's audit log; never a secret.
 */
export async function logOperatorEvent(
  request: FastifyRequest,
  event: string,
  data: Parameters<SignInAudit>[2],
): Promise<void> {
  request.log.info(
    {
      audit: `operator.${event}`,
      operatorId: data.accountId ?? request.operator?.account.id,
      target: data.target,
      details: data.details,
      ip: request.ip,
    },
    `operator.${event}`,
  );
}
