import type { FastifyInstance } from "fastify";
import { berlinDateTime } from "#core/dates/berlin.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import { withQuery } from "#core/http/paths.ts";
import { sendHtml } from "#core/http/reply.ts";
import { validationErrors } from "#modules/identity/auth-kit.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import type { DepartmentInput } from "./departments.service.ts";
import { backOfficeFrame } from "./frame.ts";
import { permissionsOf } from "./permissions.ts";
import { auditStaff, currentStaff } from "./staff.http.ts";
import { staffMessages } from "./staff.messages.ts";
import type { StaffRouteOptions } from "./staff.options.ts";
import { staffPaths } from "./staff.paths.ts";
import { AuditPage } from "./views/audit.tsx";
import { DashboardPage } from "./views/dashboard.tsx";
import { DepartmentsPage } from "./views/departments.tsx";

const auditPageSize = 50;
const uuidPattern = /^[0-9a-f-]{36}$/;

/** The start page, the departments and the audit log of the back office. */
export async function backOfficeRoutes(app: FastifyInstance, opts: StaffRouteOptions) {
  app.get("/", { config: { permission: "backoffice.enter" } }, async (request, reply) => {
    const { tenant, chrome } = tenantContext(request);
    const { member } = currentStaff(request);
    const departments = await opts.departments.list(tenant.id);
    const model = {
      roles: member.roles,
      departments: departments.filter((d) => member.departmentIds.includes(d.id)).map((d) => d.name),
      permissions: permissionsOf(member.roles),
    };
    return sendHtml(reply, 200, DashboardPage({ chrome, frame: backOfficeFrame(request, reply), model }));
  });

  const renderDepartments = async (
    request: Parameters<typeof backOfficeFrame>[0],
    reply: Parameters<typeof backOfficeFrame>[1],
    status: number,
    values: DepartmentInput,
    errors: { field: string; message: string }[],
    notice?: string,
  ) => {
    const { tenant, base, chrome } = tenantContext(request);
    const model = {
      departments: await opts.departments.list(tenant.id),
      values,
      errors,
      action: staffPaths.departments(base),
    };
    return sendHtml(
      reply,
      status,
      DepartmentsPage({ chrome, frame: backOfficeFrame(request, reply, { notice }), model }),
    );
  };
  const empty = { name: "", email: "", phone: "" };

  app.get<{ Querystring: { hinweis?: string } }>(
    "/fachbereiche",
    { config: { permission: "departments.manage" } },
    async (request, reply) => {
      const notice =
        request.query.hinweis === "angelegt"
          ? staffMessages[request.lang].departmentCreatedNotice
          : undefined;
      return renderDepartments(request, reply, 200, empty, [], notice);
    },
  );

  app.post("/fachbereiche", { config: { permission: "departments.manage" } }, async (request, reply) => {
    const { tenant, base } = tenantContext(request);
    const body = formBody(request.body);
    const input = {
      name: readString(body, "name"),
      email: readString(body, "email"),
      phone: readString(body, "phone"),
    };
    try {
      const created = await opts.departments.create(tenant.id, input, request.lang);
      await auditStaff(request, opts.audit, "department.created", { target: created.name });
      return reply.redirect(withQuery(staffPaths.departments(base), { hinweis: "angelegt" }), 303);
    } catch (error) {
      return renderDepartments(request, reply, 422, input, validationErrors(error));
    }
  });

  app.get<{ Querystring: { vor?: string } }>(
    "/protokoll",
    { config: { permission: "audit.read" } },
    async (request, reply) => {
      const { tenant, base, chrome } = tenantContext(request);
      const before = uuidPattern.test(request.query.vor ?? "") ? request.query.vor : undefined;
      const [rows, members] = await Promise.all([
        opts.audit.list(tenant.id, { limit: auditPageSize, before }),
        opts.staff.list(tenant.id),
      ]);
      const names = new Map(members.map((m) => [m.id, m.displayName]));
      const t = staffMessages[request.lang];
      const entries = rows.map((row) => ({
        when: berlinDateTime(row.occurred_at),
        actor: names.get(row.actor_id ?? "") ?? t[`actor.${row.actor_type}`],
        action: row.action,
        target: row.target ?? "",
        ip: row.ip ?? "",
      }));
      const last = rows.at(-1);
      const olderHref =
        rows.length === auditPageSize && last
          ? withQuery(staffPaths.audit(base), { vor: last.id })
          : undefined;
      return sendHtml(
        reply,
        200,
        AuditPage({ chrome, frame: backOfficeFrame(request, reply), model: { entries, olderHref } }),
      );
    },
  );
}
