import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { berlinDateTime } from "#core/dates/berlin.ts";
import { type FieldError, NotFound } from "#core/http/errors.ts";
import { formBody, readString, readStrings } from "#core/http/form-page.ts";
import { withQuery } from "#core/http/paths.ts";
import { sendHtml } from "#core/http/reply.ts";
import { format } from "#core/i18n/messages.ts";
import { siteOrigin, validationErrors } from "#modules/identity/auth-kit.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { backOfficeFrame } from "./frame.ts";
import { auditStaff, currentStaff } from "./staff.http.ts";
import { staffMessages } from "./staff.messages.ts";
import type { StaffRouteOptions } from "./staff.options.ts";
import { staffPaths } from "./staff.paths.ts";
import type { StaffInput, StaffMember } from "./staff.service.ts";
import { StaffFormPage } from "./views/staff-form.tsx";
import { StaffListPage } from "./views/staff-list.tsx";

const manage = { permission: "staff.manage" as const };
const notices = {
  eingeladen: "invitedNotice",
  gespeichert: "savedNotice",
  zurueckgesetzt: "resetNotice",
  deaktiviert: "disabledNotice",
  aktiviert: "enabledNotice",
} as const;

const readInput = (body: unknown): StaffInput => {
  const form = formBody(body);
  return {
    displayName: readString(form, "displayName"),
    email: readString(form, "email"),
    roles: readStrings(form, "roles"),
    departmentIds: readStrings(form, "departments"),
  };
};

/** Administrators invite staff, change their roles and departments, reset their access or disable them. */
export async function staffAdminRoutes(app: FastifyInstance, opts: StaffRouteOptions) {
  const { staff } = opts;
  const invitationLink = (request: FastifyRequest) => (token: string) =>
    `${siteOrigin(request, opts.publicUrl)}${withQuery(staffPaths.invitation(tenantContext(request).base), { token })}`;

  app.get("/mitarbeitende", { config: manage }, async (request, reply) => {
    const { tenant, base, chrome } = tenantContext(request);
    const [members, departments] = await Promise.all([
      staff.list(tenant.id),
      opts.departments.list(tenant.id),
    ]);
    const departmentName = new Map(departments.map((d) => [d.id, d.name]));
    const model = {
      inviteHref: staffPaths.invite(base),
      members: members.map((m) => ({
        name: m.displayName,
        email: m.email,
        roles: m.roles,
        departments: m.departmentIds.map((id) => departmentName.get(id) ?? ""),
        status: m.status,
        lastLogin: m.lastLoginAt ? berlinDateTime(m.lastLoginAt) : undefined,
        editHref: staffPaths.member(base, m.id),
      })),
    };
    return sendHtml(reply, 200, StaffListPage({ chrome, frame: backOfficeFrame(request, reply), model }));
  });

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    values: StaffInput,
    errors: FieldError[],
    member?: StaffMember,
    notice?: string,
  ) => {
    const { tenant, base, chrome } = tenantContext(request);
    const t = staffMessages[request.lang];
    const self = member?.id === currentStaff(request).member.id;
    const model = {
      title: member ? format(t.editTitle, { name: member.displayName }) : t.inviteTitle,
      intro: member ? undefined : t.inviteIntro,
      action: member ? staffPaths.member(base, member.id) : staffPaths.invite(base),
      submitLabel: member ? t.saveSubmit : t.inviteSubmit,
      askEmail: !member,
      values,
      departments: await opts.departments.list(tenant.id),
      errors,
      access:
        member && !self
          ? {
              resetAction: staffPaths.memberAccess(base, member.id),
              statusAction: staffPaths.memberStatus(base, member.id),
              disabled: member.status === "disabled",
            }
          : undefined,
    };
    const frame = backOfficeFrame(request, reply, { notice });
    return sendHtml(reply, status, StaffFormPage({ chrome, frame, model }));
  };

  app.get("/mitarbeitende/einladen", { config: manage }, async (request, reply) =>
    renderForm(request, reply, 200, { displayName: "", email: "", roles: [], departmentIds: [] }, []),
  );

  app.post("/mitarbeitende/einladen", { config: manage }, async (request, reply) => {
    const { tenant, base } = tenantContext(request);
    const input = readInput(request.body);
    try {
      const invited = await staff.invite(tenant.id, input, request.lang, invitationLink(request));
      await auditStaff(request, opts.audit, "staff.invited", {
        target: invited.email,
        details: { staff: invited.id, roles: input.roles.join(",") },
      });
      return reply.redirect(withQuery(staffPaths.member(base, invited.id), { hinweis: "eingeladen" }), 303);
    } catch (error) {
      return renderForm(request, reply, 422, input, validationErrors(error));
    }
  });

  const memberOf = async (request: FastifyRequest) => {
    const { id } = request.params as { id: string };
    const member = await staff.find(tenantContext(request).tenant.id, id);
    if (!member) throw NotFound();
    return member;
  };
  const valuesOf = (m: StaffMember): StaffInput => ({
    displayName: m.displayName,
    email: m.email,
    roles: m.roles,
    departmentIds: m.departmentIds,
  });

  app.get<{ Querystring: { hinweis?: string } }>(
    "/mitarbeitende/:id",
    { config: manage },
    async (request, reply) => {
      const member = await memberOf(request);
      const key = notices[request.query.hinweis as keyof typeof notices];
      const notice = key && format(staffMessages[request.lang][key], { email: member.email });
      return renderForm(request, reply, 200, valuesOf(member), [], member, notice);
    },
  );

  app.post("/mitarbeitende/:id", { config: manage }, async (request, reply) => {
    const { tenant, base } = tenantContext(request);
    const member = await memberOf(request);
    const input = readInput(request.body);
    try {
      const change = await staff.update(tenant.id, member.id, input, request.lang);
      await auditStaff(request, opts.audit, "staff.updated", { target: member.email });
      if (change.rolesBefore.join() !== change.rolesAfter.join()) {
        await auditStaff(request, opts.audit, "staff.roles_changed", {
          target: member.email,
          details: { before: change.rolesBefore.join(","), after: change.rolesAfter.join(",") },
        });
      }
      return reply.redirect(withQuery(staffPaths.member(base, member.id), { hinweis: "gespeichert" }), 303);
    } catch (error) {
      return renderForm(
        request,
        reply,
        422,
        { ...input, email: member.email },
        validationErrors(error),
        member,
      );
    }
  });

  /** Reset and disable are refused for one's own account (an administrator could lock themselves out). */
  const refuseSelf = (request: FastifyRequest, reply: FastifyReply, member: StaffMember, field: string) =>
    member.id === currentStaff(request).member.id
      ? renderForm(
          request,
          reply,
          422,
          valuesOf(member),
          [{ field, message: staffMessages[request.lang].notSelf }],
          member,
        )
      : undefined;

  app.post("/mitarbeitende/:id/zugang", { config: manage }, async (request, reply) => {
    const { tenant, base } = tenantContext(request);
    const member = await memberOf(request);
    const refused = refuseSelf(request, reply, member, "access");
    if (refused) return refused;
    await staff.resetAccess(tenant.id, member.id, request.lang, invitationLink(request));
    await auditStaff(request, opts.audit, "staff.access_reset", { target: member.email });
    return reply.redirect(withQuery(staffPaths.member(base, member.id), { hinweis: "zurueckgesetzt" }), 303);
  });

  app.post("/mitarbeitende/:id/status", { config: manage }, async (request, reply) => {
    const { tenant, base } = tenantContext(request);
    const member = await memberOf(request);
    const refused = refuseSelf(request, reply, member, "status");
    if (refused) return refused;
    const disable = readString(formBody(request.body), "action") !== "enable";
    try {
      await staff.setDisabled(tenant.id, member.id, disable, request.lang);
    } catch (error) {
      return renderForm(request, reply, 422, valuesOf(member), validationErrors(error), member);
    }
    await auditStaff(request, opts.audit, disable ? "staff.disabled" : "staff.enabled", {
      target: member.email,
    });
    const hinweis = disable ? "deaktiviert" : "aktiviert";
    return reply.redirect(withQuery(staffPaths.member(base, member.id), { hinweis }), 303);
  });
}
