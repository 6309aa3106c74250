import type { FastifyInstance, FastifyRequest } from "fastify";
import type { FieldError } from "#core/http/errors.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import { safeReturnPath, withQuery } from "#core/http/paths.ts";
import { sendHtml } from "#core/http/reply.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { sendAccountPage, signedInCitizen, toSignIn } from "./account.routes.tsx";
import { auditFrom, reauthGuard, waitMessage } from "./identity.http.ts";
import { identityMessages } from "./identity.messages.ts";
import { identityPaths } from "./identity.paths.ts";
import { type IdentityRouteOptions, startSession, submitRateLimit } from "./identity.routes.tsx";
import { endSecondStep, pendingSecondStep } from "./second-step.ts";
import { RecoveryCodesPage, SecondStepPage, TotpSetupPage } from "./views/totp.tsx";

/** Turning two-factor sign-in on and off, and the code step of signing in. */
export async function totpRoutes(app: FastifyInstance, opts: IdentityRouteOptions) {
  const { totp, throttle } = opts;
  const codeError = (request: FastifyRequest): FieldError[] => [
    { field: "code", message: identityMessages[request.lang].totpCodeInvalid },
  ];

  app.get("/konto/zwei-faktor", async (request, reply) => {
    const who = await signedInCitizen(request, opts);
    if (!who) return toSignIn(request, reply);
    const { base, chrome } = tenantContext(request);
    if ((await totp.status(who.citizen.id)).enabled) return reply.redirect(identityPaths.account(base), 303);
    // A reload or second tab shows the key already scanned, instead of silently replacing it.
    const pending = await totp.pendingSecret(who.citizen.id);
    const setup = pending
      ? await totp.setupView(pending, who.citizen.email)
      : await totp.beginSetup(who.citizen.id, who.citizen.email);
    const path = identityPaths.totpSetup(base);
    const model = { path, action: path, csrfToken: reply.generateCsrf(), errors: [], ...setup };
    return sendHtml(reply, 200, TotpSetupPage({ chrome, model }));
  });

  app.post("/konto/zwei-faktor", { config: submitRateLimit }, async (request, reply) => {
    const who = await signedInCitizen(request, opts);
    if (!who) return toSignIn(request, reply);
    const { base, chrome } = tenantContext(request);
    const codes = await totp.confirmSetup(who.citizen.id, readString(formBody(request.body), "code"));
    if (codes) {
      await auditFrom(request, opts.audit, "citizen.totp_enabled");
      // A higher level of protection gets a new session id (OWASP: rotate on privilege change).
      await startSession(request, reply, opts, who.citizen.id, "password+totp");
      const model = { path: identityPaths.totpSetup(base), codes, doneHref: identityPaths.account(base) };
      return sendHtml(reply, 200, RecoveryCodesPage({ chrome, model }));
    }
    const secret = await totp.pendingSecret(who.citizen.id);
    if (!secret) return reply.redirect(identityPaths.totpSetup(base), 303);
    const setup = await totp.setupView(secret, who.citizen.email);
    const path = identityPaths.totpSetup(base);
    const model = {
      path,
      action: path,
      csrfToken: reply.generateCsrf(),
      errors: codeError(request),
      ...setup,
    };
    return sendHtml(reply, 422, TotpSetupPage({ chrome, model }));
  });

  app.post("/konto/zwei-faktor/ausschalten", { config: submitRateLimit }, async (request, reply) => {
    const who = await signedInCitizen(request, opts);
    if (!who) return toSignIn(request, reply);
    const { base } = tenantContext(request);
    const account = { session: who.session, email: who.citizen.email };
    const guard = reauthGuard(request, opts.throttle, who.citizen.id, "password");
    const blocked = await guard.blocked();
    if (blocked) return sendAccountPage(request, reply, opts, account, 429, blocked);
    if (
      !(await opts.accounts.checkPassword(who.citizen.id, readString(formBody(request.body), "password")))
    ) {
      await auditFrom(request, opts.audit, "citizen.totp_disable_refused", {
        details: { reason: "password" },
      });
      const errors = await guard.check([
        { field: "password", message: identityMessages[request.lang].passwordWrong },
      ]);
      return sendAccountPage(request, reply, opts, account, 422, errors);
    }
    await totp.disable(who.citizen.id);
    await auditFrom(request, opts.audit, "citizen.totp_disabled");
    return reply.redirect(withQuery(identityPaths.account(base), { hinweis: "2fa-aus" }), 303);
  });

  const renderSecondStep = (
    request: FastifyRequest,
    csrfToken: string,
    returnTo: string,
    errors: FieldError[],
  ) => {
    const { base, chrome } = tenantContext(request);
    const path = identityPaths.secondStep(base);
    return SecondStepPage({
      chrome,
      model: { path, action: withQuery(path, { weiter: returnTo }), csrfToken, errors },
    });
  };

  app.get<{ Querystring: { weiter?: string } }>("/konto/anmelden/code", async (request, reply) => {
    const { base } = tenantContext(request);
    if (!pendingSecondStep(request)) return reply.redirect(identityPaths.login(base), 303);
    const returnTo = safeReturnPath(request.query.weiter, identityPaths.account(base));
    return sendHtml(reply, 200, renderSecondStep(request, reply.generateCsrf(), returnTo, []));
  });

  app.post<{ Querystring: { weiter?: string } }>(
    "/konto/anmelden/code",
    { config: submitRateLimit },
    async (request, reply) => {
      const { base } = tenantContext(request);
      const citizenId = pendingSecondStep(request);
      if (!citizenId) return reply.redirect(identityPaths.login(base), 303);
      const returnTo = safeReturnPath(request.query.weiter, identityPaths.account(base));
      const keys = [`totp:${citizenId}`, `ip:${request.ip}`];
      const again = (status: number, errors: FieldError[]) =>
        sendHtml(reply, status, renderSecondStep(request, reply.generateCsrf(), returnTo, errors));
      const wait = await throttle.waitSeconds(keys);
      if (wait > 0) return again(429, [{ ...waitMessage(request, wait), field: "code" }]);
      const factor = await totp.verify(citizenId, readString(formBody(request.body), "code"));
      if (!factor) {
        await throttle.recordFailure(keys);
        await auditFrom(request, opts.audit, "citizen.second_factor_failed", { citizenId });
        return again(422, codeError(request));
      }
      await throttle.reset(keys[0] ?? "");
      endSecondStep(reply, opts.secureCookies);
      const method = factor === "totp" ? "password+totp" : "password+recovery_code";
      await auditFrom(request, opts.audit, "citizen.login_succeeded", { citizenId, details: { method } });
      await startSession(request, reply, opts, citizenId, method);
      return reply.redirect(returnTo, 303);
    },
  );
}
