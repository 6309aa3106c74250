import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { FieldError } from "#core/http/errors.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import { safeReturnPath, withQuery } from "#core/http/paths.ts";
import { sendHtml } from "#core/http/reply.ts";
import {
  clearSessionCookie,
  mandatoryTwoFactor,
  type SecondFactorMethod,
  setSessionCookie,
  signInKeys,
} from "#modules/identity/auth-kit.ts";
import { consoleChrome, logOperatorEvent, sendConsoleMessage } from "./operator.http.ts";
import { operatorMessages } from "./operator.messages.ts";
import type { OperatorRouteOptions } from "./operator.options.ts";
import { operatorPaths } from "./operator.paths.ts";
import { operatorCookie, operatorSecondStep } from "./operator-sessions.ts";
import { OperatorLoginPage } from "./views/sign-in.tsx";

/** As for staff: few enough to slow down guessing, enough for a shared office address. */
const submitRateLimit = { rateLimit: { max: 20, timeWindow: "1 minute" } };
export const publicRoute = { operatorAccess: "public" as const };

/** Operators sign in with password and a second factor, always: an account without one sets it up first. */
export async function operatorSignInRoutes(app: FastifyInstance, opts: OperatorRouteOptions) {
  const { operators } = opts;
  const signIn = mandatoryTwoFactor({
    totp: opts.totp,
    throttle: opts.throttle,
    secondStep: operatorSecondStep,
    secureCookies: opts.secureCookies,
    audit: logOperatorEvent,
  });
  const returnPath = (request: FastifyRequest) =>
    safeReturnPath((request.query as { weiter?: string }).weiter, operatorPaths.home());

  const renderLogin = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    email: string,
    errors: FieldError[],
  ) => {
    const path = operatorPaths.login();
    const model = {
      path,
      action: withQuery(path, { weiter: returnPath(request) }),
      csrfToken: reply.generateCsrf(),
      email,
      errors,
    };
    return sendHtml(reply, status, OperatorLoginPage({ chrome: consoleChrome(request), model }));
  };

  app.get("/anmelden", { config: publicRoute }, async (request, reply) => {
    if (request.operator) return reply.redirect(returnPath(request), 303);
    return renderLogin(request, reply, 200, "", []);
  });

  app.post("/anmelden", { config: { ...publicRoute, ...submitRateLimit } }, async (request, reply) => {
    const body = formBody(request.body);
    const email = readString(body, "email");
    const result = await signIn.password(request, reply, {
      keys: signInKeys(`operator:${email}`, request.ip),
      target: email.trim().toLowerCase(),
      failedMessage: operatorMessages[request.lang].loginFailed,
      check: () => operators.checkPassword(email, readString(body, "password")),
    });
    if ("errors" in result) return renderLogin(request, reply, result.status, email, result.errors);
    return reply.redirect(withQuery(operatorPaths.secondStep(), { weiter: returnPath(request) }), 303);
  });

  const renderCode = (
    request: FastifyRequest,
    reply: FastifyReply,
    operatorId: string,
    status: number,
    errors: FieldError[],
  ) => {
    const path = operatorPaths.secondStep();
    return signIn.codePage(reply, {
      owner: { operatorId },
      accountLabel: async () => (await operators.find(operatorId))?.email ?? "",
      chrome: consoleChrome(request),
      form: {
        path,
        action: withQuery(path, { weiter: returnPath(request) }),
        csrfToken: reply.generateCsrf(),
        errors,
      },
      notice: operatorMessages[request.lang].totpRequired,
      status,
    });
  };

  /** The account waiting for its second step, while it may still sign in. */
  const pendingOperator = async (request: FastifyRequest) => {
    const operatorId = operatorSecondStep.pending(request);
    return operatorId && (await operators.find(operatorId)) ? operatorId : undefined;
  };

  app.get("/anmelden/code", { config: publicRoute }, async (request, reply) => {
    const operatorId = await pendingOperator(request);
    if (!operatorId) return reply.redirect(operatorPaths.login(), 303);
    return renderCode(request, reply, operatorId, 200, []);
  });

  app.post("/anmelden/code", { config: { ...publicRoute, ...submitRateLimit } }, async (request, reply) => {
    const operatorId = await pendingOperator(request);
    if (!operatorId) return reply.redirect(operatorPaths.login(), 303);
    const result = await signIn.code(request, reply, {
      owner: { operatorId },
      accountId: operatorId,
      keys: [`totp:operator:${operatorId}`, `ip:${request.ip}`],
      code: readString(formBody(request.body), "code"),
      invalidMessage: operatorMessages[request.lang].codeInvalid,
    });
    if ("errors" in result) return renderCode(request, reply, operatorId, result.status, result.errors);
    await startOperatorSession(request, reply, opts, operatorId, result.method);
    const page = {
      chrome: consoleChrome(request),
      path: operatorPaths.secondStep(),
      next: returnPath(request),
    };
    return signIn.signedIn(reply, result, page);
  });

  app.post("/abmelden", { config: publicRoute }, async (request, reply) => {
    if (request.operator) {
      await logOperatorEvent(request, "logout", {});
      await opts.sessions.end(request.operator.session);
      request.operator = undefined;
    }
    clearSessionCookie(reply, opts.secureCookies, operatorCookie);
    const t = operatorMessages[request.lang];
    return sendConsoleMessage(request, reply, {
      title: t.logoutTitle,
      paragraphs: [t.logoutText],
      next: { href: operatorPaths.login(), label: t.toLogin },
      success: true,
    });
  });
}

/** A fresh session (never reusing one from before: no fixation), its cookie, and the sign-in time. */
async function startOperatorSession(
  request: FastifyRequest,
  reply: FastifyReply,
  opts: OperatorRouteOptions,
  operatorId: string,
  method: SecondFactorMethod,
): Promise<void> {
  if (request.operator) await opts.sessions.end(request.operator.session);
  const cookie = await opts.sessions.start({ operatorId }, method, {
    ip: request.ip,
    userAgent: request.headers["user-agent"] ?? "",
  });
  await opts.operators.recordLogin(operatorId);
  setSessionCookie(reply, cookie, {
    secure: opts.secureCookies,
    maxAgeSeconds: opts.sessions.policy.maxHours * 3600,
    name: operatorCookie,
  });
}
