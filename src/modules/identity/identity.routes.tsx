import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AuditLog } from "#core/audit/index.ts";
import type { FieldError } from "#core/http/errors.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import { safeReturnPath, withQuery } from "#core/http/paths.ts";
import { sendHtml, sendMessage } from "#core/http/reply.ts";
import { format } from "#core/i18n/messages.ts";
import { hashSecret } from "#core/secrets.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import type { AccountsService } from "./accounts.service.ts";
import { accountLinks, auditFrom, signedOutHere, validationErrors, waitMessage } from "./identity.http.ts";
import { identityMessages } from "./identity.messages.ts";
import { identityPaths } from "./identity.paths.ts";
import type { AuthMethod } from "./identity.schema.ts";
import { setSessionCookie } from "./identity.session-plugin.ts";
import type { OidcService } from "./oidc.service.ts";
import { oidcOffer } from "./oidc-offer.ts";
import { passkeyPaths } from "./passkeys.paths.ts";
import type { ProfileService } from "./profile.service.ts";
import { startSecondStep } from "./second-step.ts";
import { parseSecret } from "./secrets.ts";
import type { SessionsService } from "./sessions.service.ts";
import { signInKeys, type ThrottleService } from "./throttle.service.ts";
import type { TotpService } from "./totp.service.ts";
import { LoginPage } from "./views/login.tsx";
import { RegisterPage } from "./views/register.tsx";
import { ConfirmLinkPage } from "./views/token-forms.tsx";

export interface IdentityRouteOptions {
  accounts: AccountsService;
  sessions: SessionsService;
  throttle: ThrottleService;
  totp: TotpService;
  profile: ProfileService;
  /** Sign-in through an identity provider; undefined when none is configured. */
  oidc: OidcService | undefined;
  audit: AuditLog;
  publicUrl: string;
  secureCookies: boolean;
}

/** Submissions that send mail or check passwords: a coarse cap per client address on top of the throttle. */
export const submitRateLimit = { rateLimit: { max: 20, timeWindow: "1 minute" } };

/**
 * Starts a fresh session (never reusing one from before: no fixation) and sets its cookie; returns the
 * session's id hash for records that belong to this sign-in.
 */
export async function startSession(
  request: FastifyRequest,
  reply: FastifyReply,
  opts: IdentityRouteOptions,
  citizenId: string,
  method: AuthMethod,
): Promise<string> {
  if (request.citizenSession) await opts.sessions.end(request.citizenSession);
  const cookie = await opts.sessions.start(citizenId, method, {
    ip: request.ip,
    userAgent: request.headers["user-agent"] ?? "",
  });
  setSessionCookie(reply, cookie, {
    secure: opts.secureCookies,
    maxAgeSeconds: opts.sessions.policy.maxHours * 3600,
  });
  return hashSecret(parseSecret(cookie)?.secret ?? "");
}

/** Registration, e-mail verification, sign-in and sign-out of citizens, on every municipality's pages. */
export async function identityRoutes(app: FastifyInstance, opts: IdentityRouteOptions) {
  const { accounts, sessions, throttle } = opts;

  const renderRegister = (
    request: FastifyRequest,
    csrfToken: string,
    email: string,
    errors: FieldError[],
  ) => {
    const { base, chrome } = tenantContext(request);
    const model = {
      path: identityPaths.register(base),
      csrfToken,
      email,
      errors,
      loginHref: identityPaths.login(base),
    };
    return RegisterPage({ chrome, model });
  };

  app.get("/konto/registrieren", async (request, reply) =>
    sendHtml(reply, 200, renderRegister(request, reply.generateCsrf(), "", [])),
  );

  app.post("/konto/registrieren", { config: submitRateLimit }, async (request, reply) => {
    const body = formBody(request.body);
    const input = { email: readString(body, "email"), password: readString(body, "password") };
    try {
      const { email } = await accounts.register(input, request.lang, accountLinks(request, opts.publicUrl));
      await auditFrom(request, opts.audit, "citizen.registration_requested", { target: email });
      const t = identityMessages[request.lang];
      return sendMessage(request, reply, {
        title: t.registerSentTitle,
        paragraphs: [format(t.registerSentText, { email })],
      });
    } catch (error) {
      const errors = validationErrors(error);
      return sendHtml(reply, 422, renderRegister(request, reply.generateCsrf(), input.email, errors));
    }
  });

  app.get<{ Querystring: { token?: string } }>("/konto/bestaetigen", async (request, reply) => {
    const { base, chrome } = tenantContext(request);
    const t = identityMessages[request.lang];
    const model = {
      path: identityPaths.verify(base),
      csrfToken: reply.generateCsrf(),
      errors: [],
      token: String(request.query.token ?? ""),
      title: t.verifyTitle,
      text: t.verifyText,
      button: t.mailVerifyAction,
    };
    return sendHtml(reply, 200, ConfirmLinkPage({ chrome, model }));
  });

  app.post("/konto/bestaetigen", async (request, reply) => {
    const t = identityMessages[request.lang];
    const { base } = tenantContext(request);
    const citizenId = await accounts.verifyEmail(readString(formBody(request.body), "token"));
    if (!citizenId) {
      return sendMessage(request, reply, { title: t.linkInvalidTitle, paragraphs: [t.linkInvalidText] }, 400);
    }
    await auditFrom(request, opts.audit, "citizen.email_verified", { citizenId });
    return sendMessage(request, reply, {
      title: t.verifiedTitle,
      paragraphs: [t.verifiedText],
      next: { href: identityPaths.login(base), label: t.toLogin },
      success: true,
    });
  });

  const renderLogin = (
    request: FastifyRequest,
    csrfToken: string,
    returnTo: string,
    email: string,
    errors: FieldError[],
  ) => {
    const { base, chrome } = tenantContext(request);
    const path = identityPaths.login(base);
    const model = {
      path,
      action: withQuery(path, { weiter: returnTo }),
      csrfToken,
      email,
      errors,
      registerHref: identityPaths.register(base),
      forgotHref: identityPaths.forgotPassword(base),
      oidc: opts.oidc && oidcOffer(request, opts.oidc, returnTo),
      passkey: {
        csrfToken,
        optionsUrl: passkeyPaths.signInOptions(base),
        verifyUrl: withQuery(passkeyPaths.signIn(base), { weiter: returnTo }),
      },
    };
    return LoginPage({ chrome, model });
  };

  app.get<{ Querystring: { weiter?: string } }>("/konto/anmelden", async (request, reply) => {
    const { base } = tenantContext(request);
    const returnTo = safeReturnPath(request.query.weiter, identityPaths.account(base));
    return sendHtml(reply, 200, renderLogin(request, reply.generateCsrf(), returnTo, "", []));
  });

  app.post<{ Querystring: { weiter?: string } }>(
    "/konto/anmelden",
    { config: submitRateLimit },
    async (request, reply) => {
      const { base } = tenantContext(request);
      const returnTo = safeReturnPath(request.query.weiter, identityPaths.account(base));
      const body = formBody(request.body);
      const input = { email: readString(body, "email"), password: readString(body, "password") };
      const keys = signInKeys(input.email, request.ip);
      const again = (status: number, errors: FieldError[]) =>
        sendHtml(reply, status, renderLogin(request, reply.generateCsrf(), returnTo, input.email, errors));

      const wait = await throttle.waitSeconds(keys);
      const target = input.email.trim().toLowerCase();
      if (wait > 0) {
        await auditFrom(request, opts.audit, "citizen.login_failed", {
          target,
          details: { reason: "throttled" },
        });
        return again(429, [waitMessage(request, wait)]);
      }
      const result = await accounts.login(input, request.lang, accountLinks(request, opts.publicUrl));
      if (result.status === "invalid") {
        await throttle.recordFailure(keys);
        await auditFrom(request, opts.audit, "citizen.login_failed", {
          target,
          details: { reason: "password" },
        });
        return again(422, [{ field: "email", message: identityMessages[request.lang].loginFailed }]);
      }
      if (result.status === "unverified") {
        const t = identityMessages[request.lang];
        return sendMessage(request, reply, {
          title: t.unverifiedTitle,
          paragraphs: [format(t.unverifiedText, { email: result.email })],
        });
      }
      await throttle.reset(keys[0] ?? "");
      if ((await opts.totp.status(result.citizenId)).enabled) {
        await auditFrom(request, opts.audit, "citizen.second_factor_required", {
          citizenId: result.citizenId,
        });
        startSecondStep(reply, result.citizenId, opts.secureCookies);
        return reply.redirect(withQuery(identityPaths.secondStep(base), { weiter: returnTo }), 303);
      }
      await auditFrom(request, opts.audit, "citizen.login_succeeded", {
        citizenId: result.citizenId,
        details: { method: "password" },
      });
      await startSession(request, reply, opts, result.citizenId, "password");
      return reply.redirect(returnTo, 303);
    },
  );

  app.post("/konto/abmelden", async (request, reply) => {
    if (request.citizenSession) {
      await auditFrom(request, opts.audit, "citizen.logout");
      await sessions.end(request.citizenSession);
    }
    signedOutHere(request, reply, opts.secureCookies);
    const t = identityMessages[request.lang];
    const { base } = tenantContext(request);
    return sendMessage(request, reply, {
      title: t.logoutTitle,
      paragraphs: [t.logoutText],
      next: { href: identityPaths.login(base), label: t.toLogin },
      success: true,
    });
  });
}
