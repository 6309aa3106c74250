import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { FieldError } from "#core/http/errors.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import {
  clearSessionCookie,
  RecoveryCodesPage,
  SecondStepPage,
  sendHtml,
  sendMessage,
  setSessionCookie,
  signInKeys,
  TotpSetupPage,
  waitMessage,
} from "#modules/identity/auth-kit.ts";
import { identityPaths, safeReturnPath, withQuery } from "#modules/identity/identity.paths.ts";
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
  const { staff, totp, throttle } = opts;
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
    const model = {
      path,
      action: withQuery(path, { weiter: returnPath(request) }),
      csrfToken: reply.generateCsrf(),
      email,
      errors,
      citizenHref: identityPaths.login(base),
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
    const keys = signInKeys(`staff:${tenant.id}:${email}`, request.ip);
    const target = email.trim().toLowerCase();
    const wait = await throttle.waitSeconds(keys);
    if (wait > 0) {
      await auditStaff(request, opts.audit, "staff.login_failed", {
        target,
        details: { reason: "throttled" },
      });
      return renderLogin(request, reply, 429, email, [waitMessage(request, wait)]);
    }
    const result = await staff.checkPassword(tenant.id, email, readString(body, "password"));
    if (!result) {
      await throttle.recordFailure(keys);
      await auditStaff(request, opts.audit, "staff.login_failed", {
        target,
        details: { reason: "password" },
      });
      const message = staffMessages[request.lang].loginFailed;
      return renderLogin(request, reply, 422, email, [{ field: "email", message }]);
    }
    await throttle.reset(keys[0] ?? "");
    await auditStaff(request, opts.audit, "staff.password_accepted", { staffId: result.staffId });
    staffSecondStep.start(reply, result.staffId, opts.secureCookies);
    return reply.redirect(withQuery(staffPaths.secondStep(base), { weiter: returnPath(request) }), 303);
  });

  const renderCode = async (
    request: FastifyRequest,
    reply: FastifyReply,
    staffId: string,
    status: number,
    errors: FieldError[],
  ) => {
    const { tenant, base, chrome } = tenantContext(request);
    const owner = { tenantId: tenant.id, staffId };
    const path = staffPaths.secondStep(base);
    const form = {
      path,
      action: withQuery(path, { weiter: returnPath(request) }),
      csrfToken: reply.generateCsrf(),
      errors,
    };
    if ((await totp.status(owner)).enabled)
      return sendHtml(reply, status, SecondStepPage({ chrome, model: form }));
    const member = await staff.find(tenant.id, staffId);
    const account = `${member?.email ?? ""} (${tenant.name})`;
    const pending = await totp.pendingSecret(owner);
    const setup = pending ? await totp.setupView(pending, account) : await totp.beginSetup(owner, account);
    const notice = staffMessages[request.lang].totpRequired;
    return sendHtml(reply, status, TotpSetupPage({ chrome, model: { ...form, ...setup, notice } }));
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
    const owner = { tenantId: tenant.id, staffId };
    const keys = [`totp:staff:${tenant.id}:${staffId}`, `ip:${request.ip}`];
    const wait = await throttle.waitSeconds(keys);
    if (wait > 0)
      return renderCode(request, reply, staffId, 429, [{ ...waitMessage(request, wait), field: "code" }]);
    const code = readString(formBody(request.body), "code");
    const enabled = (await totp.status(owner)).enabled;
    const factor = enabled ? await totp.verify(owner, code) : undefined;
    const recoveryCodes = enabled ? undefined : await totp.confirmSetup(owner, code);
    if (!factor && !recoveryCodes) {
      await throttle.recordFailure(keys);
      await auditStaff(request, opts.audit, "staff.second_factor_failed", { staffId });
      const message = staffMessages[request.lang].codeInvalid;
      return renderCode(request, reply, staffId, 422, [{ field: "code", message }]);
    }
    await throttle.reset(keys[0] ?? "");
    staffSecondStep.end(reply, opts.secureCookies);
    if (recoveryCodes) await auditStaff(request, opts.audit, "staff.totp_enabled", { staffId });
    const method = factor === "recovery_code" ? "password+recovery_code" : "password+totp";
    await auditStaff(request, opts.audit, "staff.login_succeeded", { staffId, details: { method } });
    await startStaffSession(request, reply, opts, staffId, method);
    if (!recoveryCodes) return reply.redirect(returnPath(request), 303);
    const model = { path: staffPaths.secondStep(base), codes: recoveryCodes, doneHref: returnPath(request) };
    return sendHtml(reply, 200, RecoveryCodesPage({ chrome, model }));
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
