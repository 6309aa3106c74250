import type { FastifyInstance } from "fastify";
import { berlinDateTime } from "#core/dates/berlin.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { sendHtml } from "./identity.http.ts";
import { identityMessages } from "./identity.messages.ts";
import { identityPaths, withQuery } from "./identity.paths.ts";
import type { IdentityRouteOptions } from "./identity.routes.tsx";
import { AccountPage } from "./views/account.tsx";

/** "Mein Konto": who is signed in, on which devices, and ending those sign-ins. */
export async function accountRoutes(app: FastifyInstance, opts: IdentityRouteOptions) {
  const { accounts, sessions } = opts;

  app.get<{ Querystring: { beendet?: string } }>("/konto", async (request, reply) => {
    const { base, chrome } = tenantContext(request);
    const current = request.citizenSession;
    const citizen = current && (await accounts.findCitizen(current.citizenId));
    if (!current || !citizen)
      return reply.redirect(
        withQuery(identityPaths.login(base), { weiter: identityPaths.account(base) }),
        303,
      );
    const t = identityMessages[request.lang];
    const live = await sessions.list(current.citizenId);
    const model = {
      path: identityPaths.account(base),
      csrfToken: reply.generateCsrf(),
      email: citizen.email,
      notice: request.query.beendet === "1" ? t.sessionEnded : undefined,
      sessions: live.map((s) => ({
        ref: s.id_hash,
        current: s.id_hash === current.idHash,
        since: berlinDateTime(s.created_at),
        lastSeen: berlinDateTime(s.last_seen_at),
        device: s.user_agent || "–",
      })),
      endSessionAction: identityPaths.endSession(base),
      logoutAction: identityPaths.logout(base),
    };
    return sendHtml(reply, 200, AccountPage({ chrome, model }));
  });

  app.post("/konto/sitzungen/beenden", async (request, reply) => {
    const { base } = tenantContext(request);
    const current = request.citizenSession;
    if (!current) return reply.redirect(identityPaths.login(base), 303);
    const which = readString(formBody(request.body), "session");
    if (which === "others") await sessions.endOthers(current.citizenId, current);
    else if (/^[0-9a-f]{64}$/.test(which) && which !== current.idHash)
      await sessions.endOne(current.citizenId, which);
    return reply.redirect(withQuery(identityPaths.account(base), { beendet: "1" }), 303);
  });
}
