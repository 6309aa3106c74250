import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { berlinDateTime } from "#core/dates/berlin.ts";
import { sendProblem } from "#core/http/error-handler.ts";
import { NotFound } from "#core/http/errors.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import { format } from "#core/i18n/messages.ts";
import { installationChrome, tenantContext } from "#modules/tenants/index.ts";
import { signedInCitizen, toSignIn } from "./account.routes.tsx";
import { accountLinks, auditFrom, sendHtml, waitMessage } from "./identity.http.ts";
import { identityPaths, safeReturnPath, withQuery } from "./identity.paths.ts";
import { type IdentityRouteOptions, startSession, submitRateLimit } from "./identity.routes.tsx";
import { passkeyChallengeCookie } from "./passkey-challenge.ts";
import { passkeyMessages } from "./passkeys.messages.ts";
import { passkeyPaths } from "./passkeys.paths.ts";
import {
  maxPasskeyNameLength,
  maxPasskeysPerAccount,
  type PasskeyRefusal,
  type PasskeyService,
  passkeyName,
  type RelyingParty,
} from "./passkeys.service.ts";
import { PasskeysPage } from "./views/passkeys.tsx";

export type PasskeyRouteOptions = IdentityRouteOptions & { passkeys: PasskeyService };

/** Confirmations on the passkeys page after a redirect (`?hinweis=`). */
const notices = { hinzugefuegt: "added", entfernt: "removed" } as const;

type Messages = (typeof passkeyMessages)["de"];

/** HTTP status and text of each refusal; the stable problem type is `passkey-<refusal>`. */
const refusals: Record<PasskeyRefusal, { status: number; text: (t: Messages) => string }> = {
  challenge: { status: 400, text: (t) => t.expired },
  "unknown-credential": { status: 400, text: (t) => t.notRecognised },
  verification: { status: 400, text: (t) => t.notVerified },
  "already-registered": { status: 409, text: (t) => t.alreadyRegistered },
  limit: { status: 409, text: (t) => format(t.limit, { max: maxPasskeysPerAccount }) },
};

/** RFC 9457 problem+json whose `detail` is the localized text the script shows. */
function problem(request: FastifyRequest, reply: FastifyReply, status: number, type: string, detail: string) {
  const page = status === 429 ? "tooMany" : status === 401 ? "forbidden" : "badRequest";
  reply.header("cache-control", "no-store");
  return sendProblem(request, reply, {
    status,
    type,
    detail,
    fields: [],
    page: { title: `${page}Title`, text: `${page}Text` },
  });
}

function refused(request: FastifyRequest, reply: FastifyReply, refusal: PasskeyRefusal) {
  const { status, text } = refusals[refusal];
  return problem(request, reply, status, `passkey-${refusal}`, text(passkeyMessages[request.lang]));
}

const sendJson = (reply: FastifyReply, body: unknown) => reply.header("cache-control", "no-store").send(body);

/**
 * Passkeys of citizens: the page to list, add and remove them under "Mein Konto", and signing in with one.
 * Adding and signing in are JSON calls of public/passkeys.js (WebAuthn needs the browser's API); a passkey
 * with user verification is two factors by itself, so it signs in without the TOTP step.
 */
export async function passkeyRoutes(app: FastifyInstance, opts: PasskeyRouteOptions) {
  const { passkeys } = opts;
  const challengeCookie = passkeyChallengeCookie("rathaus_passkey", opts.secureCookies);

  /** The site as the browser sees it: the origin of the account's mailed links (own hostname, else PUBLIC_URL). */
  const relyingParty = (request: FastifyRequest): RelyingParty => {
    const { base, chrome } = tenantContext(request);
    const { origin, hostname } = new URL(accountLinks(request, opts.publicUrl).forgotPassword());
    // On its own hostname a passkey belongs to the municipality, else to the whole installation.
    const name = base === "" ? chrome.siteName : installationChrome(request.lang).siteName;
    return { id: hostname, name, origin };
  };

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
      passkeys: (await passkeys.list(who.citizen.id)).map((p) => ({
        credentialId: p.credentialId,
        name: p.name,
        created: berlinDateTime(p.createdAt),
        lastUsed: p.lastUsedAt ? berlinDateTime(p.lastUsedAt) : t.neverUsed,
      })),
      removeAction: passkeyPaths.remove(base),
      ceremony: {
        csrfToken: reply.generateCsrf(),
        optionsUrl: passkeyPaths.registrationOptions(base),
        verifyUrl: passkeyPaths.register(base),
      },
    };
    return sendHtml(reply, 200, PasskeysPage({ chrome, model }));
  });

  /** The name typed for a new passkey, or the problem to answer with. */
  const nameFrom = (request: FastifyRequest) => {
    const t = passkeyMessages[request.lang];
    return passkeyName(readString(formBody(request.body), "name"), t.defaultName);
  };
  const nameTooLong = (request: FastifyRequest, reply: FastifyReply) =>
    problem(
      request,
      reply,
      422,
      "passkey-name-too-long",
      format(passkeyMessages[request.lang].nameTooLong, { max: maxPasskeyNameLength }),
    );
  const signedOut = (request: FastifyRequest, reply: FastifyReply) =>
    problem(request, reply, 401, "signed-out", passkeyMessages[request.lang].signedOut);

  app.post("/konto/passkeys/optionen", { config: submitRateLimit }, async (request, reply) => {
    const who = await signedInCitizen(request, opts);
    if (!who) return signedOut(request, reply);
    if (!nameFrom(request)) return nameTooLong(request, reply);
    const { citizen } = who;
    const displayName = `${citizen.given_name} ${citizen.family_name}`.trim() || citizen.email;
    const result = await passkeys.registrationOptions(relyingParty(request), {
      id: citizen.id,
      name: citizen.email,
      displayName,
    });
    if (!result.ok) return refused(request, reply, result.refusal);
    challengeCookie.give(reply, result.value.challenge);
    return sendJson(reply, { options: result.value });
  });

  app.post("/konto/passkeys/hinzufuegen", { config: submitRateLimit }, async (request, reply) => {
    const who = await signedInCitizen(request, opts);
    if (!who) return signedOut(request, reply);
    const name = nameFrom(request);
    if (!name) return nameTooLong(request, reply);
    const result = await passkeys.register(relyingParty(request), who.citizen.id, {
      response: formBody(request.body).response,
      challenge: challengeCookie.take(request, reply),
      name,
    });
    if (!result.ok) {
      await auditFrom(request, opts.audit, "citizen.passkey_add_failed", {
        details: { reason: result.refusal, detail: result.detail.slice(0, 200) },
      });
      return refused(request, reply, result.refusal);
    }
    await auditFrom(request, opts.audit, "citizen.passkey_added", {
      details: { name, deviceType: result.value.deviceType, backedUp: result.value.backedUp },
    });
    const { base } = tenantContext(request);
    return sendJson(reply, { redirect: withQuery(passkeyPaths.manage(base), { hinweis: "hinzugefuegt" }) });
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

  app.post("/konto/anmelden/passkey/optionen", { config: submitRateLimit }, async (request, reply) => {
    const options = await passkeys.authenticationOptions(relyingParty(request));
    challengeCookie.give(reply, options.challenge);
    return sendJson(reply, { options });
  });

  app.post<{ Querystring: { weiter?: string } }>(
    "/konto/anmelden/passkey",
    { config: submitRateLimit },
    async (request, reply) => {
      const { base } = tenantContext(request);
      const returnTo = safeReturnPath(request.query.weiter, identityPaths.account(base));
      const challenge = challengeCookie.take(request, reply);
      // Counted with the password failures of the same client address (a passkey cannot be guessed, so
      // there is no per-account count that a stranger could use to lock the owner out).
      const keys = [`ip:${request.ip}`];
      const wait = await opts.throttle.waitSeconds(keys);
      if (wait > 0) {
        await auditFrom(request, opts.audit, "citizen.login_failed", {
          details: { method: "passkey", reason: "throttled" },
        });
        return problem(request, reply, 429, "too-many-requests", waitMessage(request, wait).message);
      }
      const result = await passkeys.authenticate(relyingParty(request), {
        response: formBody(request.body).response,
        challenge,
      });
      if (!result.ok) {
        await opts.throttle.recordFailure(keys);
        await auditFrom(request, opts.audit, "citizen.login_failed", {
          target: result.claimedOwnerId?.slice(0, 64),
          details: { method: "passkey", reason: result.refusal, detail: result.detail.slice(0, 200) },
        });
        return refused(request, reply, result.refusal);
      }
      const citizenId = result.value.ownerId;
      await auditFrom(request, opts.audit, "citizen.login_succeeded", {
        citizenId,
        details: { method: "passkey" },
      });
      await startSession(request, reply, opts, citizenId, "passkey");
      return sendJson(reply, { redirect: returnTo });
    },
  );
}
