import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { berlinDateTime } from "#core/dates/berlin.ts";
import type { FieldError } from "#core/http/errors.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import { withQuery } from "#core/http/paths.ts";
import { sendHtml } from "#core/http/reply.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { auditFrom } from "./identity.http.ts";
import { identityMessages } from "./identity.messages.ts";
import { identityPaths } from "./identity.paths.ts";
import type { IdentityRouteOptions } from "./identity.routes.tsx";
import { passkeyPaths } from "./passkeys.paths.ts";
import type { CitizenSession } from "./sessions.service.ts";
import { AccountPage } from "./views/account.tsx";

/** Confirmations shown on "Mein Konto" after a redirect (`?hinweis=`). */
const notices = {
  "sitzung-beendet": "sessionEnded",
  "2fa-aus": "totpDisabled",
  "profil-gespeichert": "profileSaved",
  "passwort-geaendert": "passwordChanged",
} as const;

/** The signed-in citizen of a request; undefined sends the caller to the sign-in page. */
export async function signedInCitizen(request: FastifyRequest, opts: IdentityRouteOptions) {
  const session = request.citizenSession;
  const citizen = session && (await opts.accounts.findCitizen(session.citizenId));
  return session && citizen ? { session, citizen } : undefined;
}

export function toSignIn(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { base } = tenantContext(request);
  return reply.redirect(
    withQuery(identityPaths.login(base), { weiter: request.url.split("?")[0] ?? "/" }),
    303,
  );
}

/** Renders "Mein Konto"; also used to show a failed action on it (422 with the error). */
export async function sendAccountPage(
  request: FastifyRequest,
  reply: FastifyReply,
  opts: IdentityRouteOptions,
  who: { session: CitizenSession; email: string },
  status = 200,
  errors: FieldError[] = [],
): Promise<FastifyReply> {
  const { base, chrome } = tenantContext(request);
  const t = identityMessages[request.lang];
  const noticeKey = notices[(request.query as { hinweis?: string }).hinweis as keyof typeof notices];
  const [live, totp] = await Promise.all([
    opts.sessions.list(who.session.citizenId),
    opts.totp.status(who.session.citizenId),
  ]);
  const model = {
    path: identityPaths.account(base),
    csrfToken: reply.generateCsrf(),
    email: who.email,
    notice: noticeKey ? t[noticeKey] : undefined,
    errors,
    totp: {
      ...totp,
      setupHref: identityPaths.totpSetup(base),
      disableAction: identityPaths.totpDisable(base),
    },
    links: {
      profile: identityPaths.profile(base),
      changePassword: identityPaths.changePassword(base),
      changeEmail: identityPaths.changeEmail(base),
      passkeys: passkeyPaths.manage(base),
    },
    sessions: live.map((s) => ({
      ref: s.id_hash,
      current: s.id_hash === who.session.idHash,
      since: berlinDateTime(s.created_at),
      lastSeen: berlinDateTime(s.last_seen_at),
      device: s.user_agent || "–",
    })),
    endSessionAction: identityPaths.endSession(base),
    logoutAction: identityPaths.logout(base),
  };
  return sendHtml(reply, status, AccountPage({ chrome, model }));
}

/** "Mein Konto": who is signed in, on which devices, and ending those sign-ins. */
export async function accountRoutes(app: FastifyInstance, opts: IdentityRouteOptions) {
  app.get("/konto", async (request, reply) => {
    const who = await signedInCitizen(request, opts);
    if (!who) return toSignIn(request, reply);
    return sendAccountPage(request, reply, opts, { session: who.session, email: who.citizen.email });
  });

  app.post("/konto/sitzungen/beenden", async (request, reply) => {
    const { base } = tenantContext(request);
    const current = request.citizenSession;
    if (!current) return toSignIn(request, reply);
    const which = readString(formBody(request.body), "session");
    if (which === "others") await opts.sessions.endOthers(current.citizenId, current);
    else if (/^[0-9a-f]{64}$/.test(which) && which !== current.idHash) {
      await opts.sessions.endOne(current.citizenId, which);
    }
    await auditFrom(request, opts.audit, "citizen.sessions_ended", {
      details: { which: which === "others" ? "others" : "one" },
    });
    return reply.redirect(withQuery(identityPaths.account(base), { hinweis: "sitzung-beendet" }), 303);
  });
}
