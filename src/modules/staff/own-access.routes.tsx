import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { berlinDateTime } from "#core/dates/berlin.ts";
import type { FieldError } from "#core/http/errors.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import { withQuery } from "#core/http/paths.ts";
import { sendHtml } from "#core/http/reply.ts";
import { passkeyRows, waitMessage } from "#modules/identity/auth-kit.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { backOfficeFrame } from "./frame.ts";
import { startStaffSession } from "./sign-in.routes.tsx";
import { auditStaff, currentStaff } from "./staff.http.ts";
import { staffMessages } from "./staff.messages.ts";
import type { StaffRouteOptions } from "./staff.options.ts";
import { staffPaths } from "./staff.paths.ts";
import { OwnAccessPage } from "./views/own-access.tsx";

const enter = { permission: "backoffice.enter" as const };
const notices = {
  passwort: "passwordChangedNotice",
  sitzungen: "sessionsEndedNotice",
  "passkey-hinzugefuegt": "passkeyAddedNotice",
  "passkey-entfernt": "passkeyRemovedNotice",
} as const;

/** "Mein Zugang": every member of staff sees their devices and changes their own password. */
export async function ownAccessRoutes(app: FastifyInstance, opts: StaffRouteOptions) {
  const owner = (request: FastifyRequest) => ({
    tenantId: tenantContext(request).tenant.id,
    staffId: currentStaff(request).member.id,
  });

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    errors: FieldError[],
  ) => {
    const { base, chrome } = tenantContext(request);
    const { session } = currentStaff(request);
    const { tenantId, staffId } = owner(request);
    const [sessions, totp, passkeys] = await Promise.all([
      opts.sessions.list(owner(request)),
      opts.totp.status(owner(request)),
      opts.passkeys(tenantId).list(staffId),
    ]);
    const key = notices[(request.query as { hinweis?: string }).hinweis as keyof typeof notices];
    const frame = backOfficeFrame(request, reply, { notice: key && staffMessages[request.lang][key] });
    const model = {
      recoveryCodesLeft: totp.recoveryCodesLeft,
      sessions: sessions.map((s) => ({
        current: s.id_hash === session.idHash,
        since: berlinDateTime(s.created_at),
        lastSeen: berlinDateTime(s.last_seen_at),
        device: s.user_agent || "–",
      })),
      endOthersAction: staffPaths.ownSessions(base),
      passwordAction: staffPaths.ownPassword(base),
      errors,
      passkeys: {
        passkeys: passkeyRows(passkeys, request.lang),
        removeAction: staffPaths.ownPasskeyRemove(base),
        ceremony: {
          csrfToken: frame.csrfToken,
          optionsUrl: staffPaths.ownPasskeyOptions(base),
          verifyUrl: staffPaths.ownPasskeyAdd(base),
        },
      },
    };
    return sendHtml(reply, status, OwnAccessPage({ chrome, frame, model }));
  };

  app.get("/zugang", { config: enter }, (request, reply) => render(request, reply, 200, []));

  app.post("/zugang/sitzungen", { config: enter }, async (request, reply) => {
    await opts.sessions.endOthers(owner(request), currentStaff(request).session);
    await auditStaff(request, opts.audit, "staff.sessions_ended");
    return reply.redirect(
      withQuery(staffPaths.ownAccess(tenantContext(request).base), { hinweis: "sitzungen" }),
      303,
    );
  });

  app.post(
    "/zugang/passwort",
    { config: { ...enter, rateLimit: { max: 20, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const { tenantId, staffId } = owner(request);
      // Re-checks of the current password count like sign-ins, so a stolen session cannot guess it.
      const keys = [`reauth:staff:${tenantId}:${staffId}`];
      const wait = await opts.throttle.waitSeconds(keys);
      if (wait > 0) return render(request, reply, 429, [{ ...waitMessage(request, wait), field: "current" }]);
      const body = formBody(request.body);
      const input = {
        current: readString(body, "current"),
        password: readString(body, "password"),
        confirm: readString(body, "confirm"),
      };
      const errors = await opts.staff.changePassword(tenantId, staffId, input, request.lang);
      if (errors.length) {
        if (errors.some((e) => e.field === "current")) await opts.throttle.recordFailure(keys);
        return render(request, reply, 422, errors);
      }
      await opts.sessions.endOthers({ tenantId, staffId });
      await auditStaff(request, opts.audit, "staff.password_changed");
      await startStaffSession(request, reply, opts, staffId, currentStaff(request).session.authMethod);
      return reply.redirect(
        withQuery(staffPaths.ownAccess(tenantContext(request).base), { hinweis: "passwort" }),
        303,
      );
    },
  );
}
