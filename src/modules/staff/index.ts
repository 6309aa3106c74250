import type { FastifyInstance, FastifyPluginAsync } from "fastify";
import type { AuditLog } from "#core/audit/index.ts";
import type { Db } from "#core/db/transaction.ts";
import { runHourly } from "#core/jobs/hourly.ts";
import type { Mailer } from "#core/mail/index.ts";
import {
  createSecretBox,
  createThrottleService,
  createTotpService,
  type SessionPolicy,
  totpStore,
} from "#modules/identity/auth-kit.ts";
import { registerTenantScoped, type TenantsService } from "#modules/tenants/index.ts";
import { backOfficeRoutes } from "./back-office.routes.tsx";
import { createDepartmentsService } from "./departments.service.ts";
import { invitationRoutes } from "./invitation.routes.tsx";
import { ownAccessRoutes } from "./own-access.routes.tsx";
import { staffPasskeyRoutes } from "./passkeys.routes.tsx";
import { staffSignInRoutes } from "./sign-in.routes.tsx";
import { staffApiRoutes } from "./staff.api.ts";
import { staffGuard } from "./staff.http.ts";
import { invitationMailer } from "./staff.mails.ts";
import type { StaffRouteOptions } from "./staff.options.ts";
import { createStaffService } from "./staff.service.ts";
import { staffAdminRoutes } from "./staff-admin.routes.tsx";
import { createStaffMaintenance } from "./staff-maintenance.ts";
import { createStaffSessions, staffPasskeys, staffTotpTables } from "./staff-sessions.ts";

export { backOfficeFrame } from "./frame.ts";
export { can, type Permission, permissionMatrix, type Role, roles } from "./permissions.ts";
export { auditStaff, currentStaff } from "./staff.http.ts";
export { staffPaths } from "./staff.paths.ts";
export type { StaffService } from "./staff.service.ts";

/** The staff services; `serverSecret` keys the encryption of TOTP seeds (as for citizens, separate key). */
export function createStaffServices(
  db: Db,
  mailer: Mailer,
  tenants: TenantsService,
  policy: SessionPolicy,
  serverSecret: string,
) {
  const tenantName = async (tenantId: string) =>
    (await tenants.list()).find((t) => t.id === tenantId)?.name ?? "";
  return {
    staff: createStaffService(db, invitationMailer(mailer, tenantName)),
    departments: createDepartmentsService(db),
    sessions: createStaffSessions(db, policy),
    totp: createTotpService(
      db,
      totpStore(staffTotpTables),
      createSecretBox(serverSecret, "staff-totp-seeds"),
    ),
    passkeys: staffPasskeys(db),
    throttle: createThrottleService(db),
    maintenance: createStaffMaintenance(db),
  };
}

export type StaffServices = ReturnType<typeof createStaffServices>;

/** The back office of every municipality under /{slug}/verwaltung, and its JSON API under /api/v1/{slug}/verwaltung. */
export async function registerStaff(
  app: FastifyInstance,
  opts: StaffServices & {
    tenants: TenantsService;
    audit: AuditLog;
    publicUrl: string;
    secureCookies: boolean;
    /**
     * Back-office pages of other modules (e.g. payments), mounted under /{slug}/verwaltung behind the same
     * guard: each route declares its permission, and uses `backOfficeFrame` and `currentStaff`.
     */
    areas?: FastifyPluginAsync[];
  },
): Promise<void> {
  runHourly(app, "staff data", () => opts.maintenance.purge());
  const routeOptions: StaffRouteOptions = opts;
  const guard = {
    sessions: opts.sessions,
    findMember: opts.staff.find,
    secureCookies: opts.secureCookies,
  };
  await registerTenantScoped(app, opts.tenants, async (scoped) => {
    await scoped.register(
      async (backOffice) => {
        await backOffice.register(staffGuard, guard);
        await backOffice.register(staffSignInRoutes, routeOptions);
        await backOffice.register(invitationRoutes, routeOptions);
        await backOffice.register(backOfficeRoutes, routeOptions);
        await backOffice.register(staffAdminRoutes, routeOptions);
        await backOffice.register(ownAccessRoutes, routeOptions);
        await backOffice.register(staffPasskeyRoutes, routeOptions);
        for (const area of opts.areas ?? []) await backOffice.register(area);
      },
      { prefix: "/verwaltung" },
    );
  });
  await registerTenantScoped(
    app,
    opts.tenants,
    async (scoped) => {
      await scoped.register(
        async (api) => {
          await api.register(staffGuard, guard);
          await api.register(staffApiRoutes, routeOptions);
        },
        { prefix: "/verwaltung" },
      );
    },
    { under: "/api/v1" },
  );
}
