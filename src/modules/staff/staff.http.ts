import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { AuditEvent, AuditLog } from "#core/audit/index.ts";
import { AppError, Forbidden, NotFound } from "#core/http/errors.ts";
import { isApiPath } from "#core/http/request-context.ts";
import { clearSessionCookie, sessionCookieName } from "#modules/identity/auth-kit.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { can, type Permission } from "./permissions.ts";
import { staffPaths } from "./staff.paths.ts";
import type { StaffMember } from "./staff.repo.ts";
import type { StaffSession, StaffSessions } from "./staff-sessions.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** What a back-office route needs (see permissions.ts); "public" for sign-in pages. Required. */
    permission?: Permission | "public";
  }
  interface FastifyRequest {
    /** The signed-in member of staff of this request's municipality. */
    staff: { session: StaffSession; member: StaffMember } | undefined;
  }
}

export const staffCookie = "rathaus_staff_sid";

export interface StaffHttpOptions {
  sessions: StaffSessions;
  findMember(tenantId: string, staffId: string): Promise<StaffMember | undefined>;
  secureCookies: boolean;
}

/**
 * Guards every back-office route (pages and API) of a municipality: resolves the staff session, answers 404
 * when the browser carries a live session of another municipality's staff (their back office does not exist
 * for them), and checks the permission each route declares; a route without one fails at start-up.
 */
export const staffGuard = fp(
  async (app: FastifyInstance, opts: StaffHttpOptions) => {
    const cookieName = sessionCookieName(opts.secureCookies, staffCookie);
    app.decorateRequest("staff", undefined);
    app.addHook("onRoute", (route) => {
      if (!route.config?.permission) throw new Error(`Back-office route ${route.url} declares no permission`);
    });
    app.addHook("onRequest", async (request, reply) => {
      const value = request.cookies[cookieName];
      if (!value) return;
      reply.header("cache-control", "private, no-store");
      const { tenant } = tenantContext(request);
      const session = await opts.sessions.resolve(value);
      if (session && session.tenantId !== tenant.id) throw NotFound();
      const member = session && (await opts.findMember(tenant.id, session.staffId));
      if (session && member?.status === "active") request.staff = { session, member };
      else clearSessionCookie(reply, opts.secureCookies, staffCookie);
    });
    app.addHook("preHandler", async (request, reply) => {
      // The header's citizen "Anmelden" / "Mein Konto" does not belong here; the bar shows who is signed in.
      if (request.chrome) request.chrome.accountLink = undefined;
      const needed = request.routeOptions.config.permission;
      if (needed === "public") return;
      if (!request.staff) {
        if (isApiPath(request.url))
          throw new AppError(401, "unauthorized", "Sign in to the back office first.");
        const { base } = tenantContext(request);
        const here = request.url.split("?")[0] ?? staffPaths.home(base);
        return reply.redirect(`${staffPaths.login(base)}?weiter=${encodeURIComponent(here)}`, 303);
      }
      if (!needed || !can(request.staff.member.roles, needed)) throw Forbidden();
    });
  },
  { name: "staff-guard" },
);

/** The signed-in member of staff; only called in routes whose guard has made sure there is one. */
export function currentStaff(request: FastifyRequest) {
  if (!request.staff) throw new Error("currentStaff used on a public route");
  return request.staff;
}

/** Records a back-office action in the municipality's audit log, naming the member of staff. */
export function auditStaff(
  request: FastifyRequest,
  audit: AuditLog,
  action: string,
  event: { staffId?: string; target?: string; details?: AuditEvent["details"] } = {},
): Promise<void> {
  const { tenant } = tenantContext(request);
  const staffId = event.staffId ?? request.staff?.member.id;
  return audit.record({
    tenantId: tenant.id,
    actor: staffId ? { type: "staff", id: staffId } : { type: "anonymous" },
    action,
    target: event.target,
    ip: request.ip,
    requestId: request.id,
    details: event.details,
  });
}
