import type { FastifyInstance } from "fastify";
import { tenantContext } from "#modules/tenants/index.ts";
import { permissionsOf } from "./permissions.ts";
import { currentStaff } from "./staff.http.ts";
import type { StaffRouteOptions } from "./staff.options.ts";
import type { StaffMember } from "./staff.service.ts";

const asJson = (m: StaffMember) => ({
  id: m.id,
  name: m.displayName,
  email: m.email,
  status: m.status,
  roles: m.roles,
  departmentIds: m.departmentIds,
  twoFactor: m.totpEnabled,
  lastLoginAt: m.lastLoginAt?.toISOString() ?? null,
});

/** JSON for back-office clients, authenticated by the staff session; errors are problem+json. */
export async function staffApiRoutes(app: FastifyInstance, opts: StaffRouteOptions) {
  app.get("/ich", { config: { permission: "backoffice.enter" } }, async (request) => {
    const { member } = currentStaff(request);
    return { ...asJson(member), permissions: permissionsOf(member.roles) };
  });

  app.get("/mitarbeitende", { config: { permission: "staff.manage" } }, async (request) => {
    const members = await opts.staff.list(tenantContext(request).tenant.id);
    return { items: members.map(asJson) };
  });
}
