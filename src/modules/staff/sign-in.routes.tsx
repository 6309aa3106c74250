import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { FieldError } from "#core/http/errors.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import { safeReturnPath, withQuery } from "#core/http/paths.ts";
import { sendHtml, sendMessage } from "#core/http/reply.ts";
import {
  clearSessionCookie,
  mandatoryTwoFactor,
  setSessionCookie,
  signInKeys,
} from "#modules/identity/auth-kit.ts";
import { identityPaths } from "#modules/identity/identity.paths.ts";
import type { AuthMethod } from "#modules/identity/identity.schema.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { auditStaff, staffCookie } from "./staff.http.ts";
import { staffMessages } from "./staff.messages.ts";
import type { StaffRouteOptions } from "./staff.options.ts";
import { staffPaths } from "./staff.paths.ts";
import { staffSecondStep } from "./staff-sessions.ts";
import { StaffLoginPage } from "./views/sign-in.tsx";

const submitRateLimit = { rateLimit: { max: 20, timeWindow: "1 minute" } };
const publicRoute = { permission: "public" as const };

/** Staff sign in with password and a second factor, always: an account without one sets it up first. */
export async function staffSignInRoutes(app: FastifyInstance, opts: StaffRouteOptions) {
  const { staff } = opts;
  const signIn = mandatoryTwoFactor({
    totp: opts.totp,
    throttle: opts.throttle,
    secondStep: staffSecondStep,
    secureCookies: opts.secureCookies,
    audit: (request, event, data) =>
      auditStaff(request, opts.audit, `staff.${event}`, { ...data, staffId: data.accountId }),
  });
  const returnPath = (request: FastifyRequest) =>
    safeReturnPath(
      (request.query as { weiter?: string }).weiter,
      staffPaths.home(tenantContext(request).base),
    );

  const renderLogin = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    email: string,
    errors: FieldError[],
  ) => {
    const { base, chrome } = tenantContext(request);
    const path = staffPaths.login(base);
    // One token for both forms: a second generateCsrf() in a first visit would replace the cookie's secret.
    const csrfToken = reply.generateCsrf();
    const model = {
      path,
      action: withQuery(path, { weiter: returnPath(request) }),
      csrfToken,
      email,
      errors,
      citizenHref: identityPaths.login(base),
      passkey: {
        csrfToken,
        optionsUrl: staffPaths.passkeySignInOptions(base),
        verifyUrl: withQuery(staffPaths.passkeySignIn(base), { weiter: returnPath(request) }),
      },
    };
    return sendHtml(reply, status, StaffLoginPage({ chrome, model }));
  };

  app.get("/anmelden", { config: publicRoute }, async (request, reply) => {
    if (request.staff) return reply.redirect(returnPath(request), 303);
    return renderLogin(request, reply, 200, "", []);
  });

  app.post("/anmelden", { config: { ...publicRoute, ...submitRateLimit } }, async (request, reply) => {
    const { tenant, base } = tenantContext(request);
    const body = formBody(request.body);
    const email = readString(body, "email");
    const result = await signIn.password(request, reply, {
      keys: signInKeys(`staff:${tenant.id}:${email}`, request.ip),
      target: email.trim().toLowerCase(),
      failedMessage: staffMessages[request.lang].loginFailed,
      check: async () => (await staff.checkPassword(tenant.id, email, readString(body, "password")))?.staffId,
    });
    if ("errors" in result) return renderLogin(request, reply, result.status, email, result.errors);
    return reply.redirect(withQuery(staffPaths.secondStep(base), { weiter: returnPath(request) }), 303);
  });

  const renderCode = (
    request: FastifyRequest,
    reply: FastifyReply,
    staffId: string,
    status: number,
    errors: FieldError[],
  ) => {
    const { tenant, base, chrome } = tenantContext(request);
    const path = staffPaths.secondStep(base);
    return signIn.codePage(reply, {
      owner: { tenantId: tenant.id, staffId },
      accountLabel: async () => `${(await staff.find(tenant.id, staffId))?.email ?? ""} (${tenant.name})`,
      chrome,
      form: {
        path,
        action: withQuery(path, { weiter: returnPath(request) }),
        csrfToken: reply.generateCsrf(),
        errors,
      },
      notice: staffMessages[request.lang].totpRequired,
      status,
    });
  };

  app.get("/anmelden/code", { config: publicRoute }, async (request, reply) => {
    const staffId = staffSecondStep.pending(request);
    if (!staffId) return reply.redirect(staffPaths.login(tenantContext(request).base), 303);
    return renderCode(request, reply, staffId, 200, []);
  });

  app.post("/anmelden/code", { config: { ...publicRoute, ...submitRateLimit } }, async (request, reply) => {
    const { tenant, base, chrome } = tenantContext(request);
    const staffId = staffSecondStep.pending(request);
    if (!staffId || !(await staff.isActive(tenant.id, staffId)))
      return reply.redirect(staffPaths.login(base), 303);
    const result = await signIn.code(request, reply, {
      owner: { tenantId: tenant.id, staffId },
      accountId: staffId,
      keys: [`totp:staff:${tenant.id}:${staffId}`, `ip:${request.ip}`],
      code: readString(formBody(request.body), "code"),
      invalidMessage: staffMessages[request.lang].codeInvalid,
    });
    if ("errors" in result) return renderCode(request, reply, staffId, result.status, result.errors);
    await startStaffSession(request, reply, opts, staffId, result.method);
    const path = staffPaths.secondStep(base);
    return signIn.signedIn(reply, result, { chrome, path, next: returnPath(request) });
  });

  app.post("/abmelden", { config: publicRoute }, async (request, reply) => {
    if (request.staff) {
      await auditStaff(request, opts.audit, "staff.logout");
      await opts.sessions.end(request.staff.session);
      request.staff = undefined;
    }
    clearSessionCookie(reply, opts.secureCookies, staffCookie);
    const t = staffMessages[request.lang];
    return sendMessage(request, reply, {
      title: t.logoutTitle,
      paragraphs: [t.logoutText],
      next: { href: staffPaths.login(tenantContext(request).base), label: t.toLogin },
      success: true,
    });
  });
}

/** A fresh staff session (never reusing one from before: no fixation), its cookie, and the sign-in time. */
export async function startStaffSession(
  request: FastifyRequest,
  reply: FastifyReply,
  opts: StaffRouteOptions,
  staffId: string,
  method: AuthMethod,
): Promise<void> {
  const { tenant } = tenantContext(request);
  if (request.staff) await opts.sessions.end(request.staff.session);
  const cookie = await opts.sessions.start({ tenantId: tenant.id, staffId }, method, {
    ip: request.ip,
    userAgent: request.headers["user-agent"] ?? "",
  });
  await opts.staff.recordLogin(tenant.id, staffId);
  setSessionCookie(reply, cookie, {
    secure: opts.secureCookies,
    maxAgeSeconds: opts.sessions.policy.maxHours * 3600,
    name: staffCookie,
  });
}
