import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { formBody, readString } from "#core/http/form-page.ts";
import { sendHtml, sendMessage } from "#core/http/reply.ts";
import { validationErrors } from "#modules/identity/auth-kit.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { auditStaff } from "./staff.http.ts";
import { staffMessages } from "./staff.messages.ts";
import type { StaffRouteOptions } from "./staff.options.ts";
import { staffPaths } from "./staff.paths.ts";
import { staffSecondStep } from "./staff-sessions.ts";
import { InvitationPage } from "./views/sign-in.tsx";

const publicRoute = { permission: "public" as const };

/** The mailed invitation link: choose a password, then on to setting up the second factor. */
export async function invitationRoutes(app: FastifyInstance, opts: StaffRouteOptions) {
  const invalid = (request: FastifyRequest, reply: FastifyReply) => {
    const t = staffMessages[request.lang];
    return sendMessage(
      request,
      reply,
      { title: t.invitationInvalidTitle, paragraphs: [t.invitationInvalidText] },
      400,
    );
  };

  app.get<{ Querystring: { token?: string } }>(
    "/einladung",
    { config: publicRoute },
    async (request, reply) => {
      const { tenant, base, chrome } = tenantContext(request);
      const token = String(request.query.token ?? "");
      const member = await opts.staff.invitation(tenant.id, token);
      if (!member) return invalid(request, reply);
      const model = {
        path: staffPaths.invitation(base),
        csrfToken: reply.generateCsrf(),
        token,
        name: member.displayName,
        tenant: tenant.name,
        errors: [],
      };
      return sendHtml(reply, 200, InvitationPage({ chrome, model }));
    },
  );

  app.post(
    "/einladung",
    { config: { ...publicRoute, rateLimit: { max: 20, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const { tenant, base, chrome } = tenantContext(request);
      const body = formBody(request.body);
      const input = {
        token: readString(body, "token"),
        password: readString(body, "password"),
        confirm: readString(body, "confirm"),
      };
      try {
        const staffId = await opts.staff.acceptInvitation(tenant.id, input, request.lang);
        if (!staffId) return invalid(request, reply);
        await auditStaff(request, opts.audit, "staff.invitation_accepted", { staffId });
        staffSecondStep.start(reply, staffId, opts.secureCookies);
        return reply.redirect(staffPaths.secondStep(base), 303);
      } catch (error) {
        const errors = validationErrors(error);
        const member = await opts.staff.invitation(tenant.id, input.token);
        if (!member) return invalid(request, reply);
        const model = {
          path: staffPaths.invitation(base),
          csrfToken: reply.generateCsrf(),
          token: input.token,
          name: member.displayName,
          tenant: tenant.name,
          errors,
        };
        return sendHtml(reply, 422, InvitationPage({ chrome, model }));
      }
    },
  );
}
