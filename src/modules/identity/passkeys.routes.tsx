import type { FastifyInstance } from "fastify";
import { NotFound } from "#core/http/errors.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import { safeReturnPath, withQuery } from "#core/http/paths.ts";
import { sendHtml } from "#core/http/reply.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { signedInCitizen, toSignIn } from "./account.routes.tsx";
import { auditFrom } from "./identity.http.ts";
import { identityPaths } from "./identity.paths.ts";
import { type IdentityRouteOptions, startSession, submitRateLimit } from "./identity.routes.tsx";
import { passkeyCeremonies, passkeyRows } from "./passkey-http.ts";
import { passkeyMessages } from "./passkeys.messages.ts";
import { passkeyPaths } from "./passkeys.paths.ts";
import type { PasskeyService } from "./passkeys.service.ts";
import { PasskeysPage } from "./views/passkeys.tsx";

export type PasskeyRouteOptions = IdentityRouteOptions & { passkeys: PasskeyService };

/** Confirmations on the passkeys page after a redirect (`?hinweis=`). */
const notices = { hinzugefuegt: "added", entfernt: "removed" } as const;

/**
 * Passkeys of citizens: the page to list, add and remove them under "Mein Konto", and signing in with one.
 * Adding and signing in are JSON calls of public/passkeys.js (WebAuthn needs the browser's API).
 */
export async function passkeyRoutes(app: FastifyInstance, opts: PasskeyRouteOptions) {
  const { passkeys } = opts;
  const ceremonies = passkeyCeremonies({
    cookieName: "rathaus_passkey",
    secureCookies: opts.secureCookies,
    publicUrl: opts.publicUrl,
    throttle: opts.throttle,
    audit: (request, event, data) =>
      auditFrom(request, opts.audit, `citizen.${event}`, { ...data, citizenId: data.accountId }),
  });

  app.get("/konto/passkeys", async (request, reply) => {
    const who = await signedInCitizen(request, opts);
    if (!who) return toSignIn(request, reply);
    const { base, chrome } = tenantContext(request);
    const t = passkeyMessages[request.lang];
    const noticeKey = notices[(request.query as { hinweis?: string }).hinweis as keyof typeof notices];
    const model = {
      path: passkeyPaths.manage(base),
      accountHref: identityPaths.account(base),
      notice: noticeKey ? t[noticeKey] : undefined,
      passkeys: passkeyRows(await passkeys.list(who.citizen.id), request.lang),
      removeAction: passkeyPaths.remove(base),
      ceremony: {
        csrfToken: reply.generateCsrf(),
        optionsUrl: passkeyPaths.registrationOptions(base),
        verifyUrl: passkeyPaths.register(base),
      },
    };
    return sendHtml(reply, 200, PasskeysPage({ chrome, model }));
  });

  app.post("/konto/passkeys/optionen", { config: submitRateLimit }, async (request, reply) => {
    const who = await signedInCitizen(request, opts);
    if (!who) return ceremonies.signedOut(request, reply);
    const { citizen } = who;
    const displayName = `${citizen.given_name} ${citizen.family_name}`.trim() || citizen.email;
    return ceremonies.offerRegistration(request, reply, passkeys, {
      id: citizen.id,
      name: citizen.email,
      displayName,
    });
  });

  app.post("/konto/passkeys/hinzufuegen", { config: submitRateLimit }, async (request, reply) => {
    const who = await signedInCitizen(request, opts);
    if (!who) return ceremonies.signedOut(request, reply);
    const { base } = tenantContext(request);
    return ceremonies.completeRegistration(request, reply, passkeys, {
      accountId: who.citizen.id,
      next: withQuery(passkeyPaths.manage(base), { hinweis: "hinzugefuegt" }),
    });
  });

  app.post("/konto/passkeys/entfernen", async (request, reply) => {
    const who = await signedInCitizen(request, opts);
    if (!who) return toSignIn(request, reply);
    const removed = await passkeys.remove(who.citizen.id, readString(formBody(request.body), "credential"));
    if (!removed) throw NotFound();
    await auditFrom(request, opts.audit, "citizen.passkey_removed", { details: { name: removed.name } });
    const { base } = tenantContext(request);
    return reply.redirect(withQuery(passkeyPaths.manage(base), { hinweis: "entfernt" }), 303);
  });

  app.post("/konto/anmelden/passkey/optionen", { config: submitRateLimit }, (request, reply) =>
    ceremonies.offerSignIn(request, reply, passkeys),
  );

  app.post<{ Querystring: { weiter?: string } }>(
    "/konto/anmelden/passkey",
    { config: submitRateLimit },
    (request, reply) => {
      const { base } = tenantContext(request);
      return ceremonies.signIn(request, reply, passkeys, {
        next: safeReturnPath(request.query.weiter, identityPaths.account(base)),
        start: async (citizenId) => {
          await startSession(request, reply, opts, citizenId, "passkey");
          return true;
        },
      });
    },
  );
}
