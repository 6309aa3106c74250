import type { FastifyReply, FastifyRequest } from "fastify";
import type { AuditEvent } from "#core/audit/index.ts";
import { berlinDateTime } from "#core/dates/berlin.ts";
import { sendProblem } from "#core/http/error-handler.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { format } from "#core/i18n/messages.ts";
import { installationChrome, tenantContext } from "#modules/tenants/index.ts";
import { siteOrigin, waitMessage } from "./identity.http.ts";
import { passkeyChallengeCookie } from "./passkey-challenge.ts";
import { passkeyMessages } from "./passkeys.messages.ts";
import {
  maxPasskeyNameLength,
  maxPasskeysPerAccount,
  type PasskeyAccount,
  type PasskeyRefusal,
  type PasskeyService,
  passkeyName,
  type RelyingParty,
  type StoredPasskey,
} from "./passkeys.service.ts";
import type { ThrottleService } from "./throttle.service.ts";
import type { PasskeyRow } from "./views/passkeys.tsx";

/** What the ceremonies record, as `<kind>.<event>` of the kind of account. */
export type PasskeyEvent =
  | "passkey_added"
  | "passkey_add_failed"
  | "passkey_removed"
  | "login_failed"
  | "login_succeeded";

export type PasskeyAudit = (
  request: FastifyRequest,
  event: PasskeyEvent,
  data: { accountId?: string; target?: string; details?: AuditEvent["details"] },
) => Promise<void>;

type Messages = (typeof passkeyMessages)["de"];

/** HTTP status and text of each refusal; the stable problem type is `passkey-<refusal>`. */
const refusals: Record<PasskeyRefusal, { status: number; text: (t: Messages) => string }> = {
  challenge: { status: 400, text: (t) => t.expired },
  "unknown-credential": { status: 400, text: (t) => t.notRecognised },
  verification: { status: 400, text: (t) => t.notVerified },
  "already-registered": { status: 409, text: (t) => t.alreadyRegistered },
  limit: { status: 409, text: (t) => format(t.limit, { max: maxPasskeysPerAccount }) },
};

/** RFC 9457 problem+json whose `detail` is the localized text public/passkeys.js shows. */
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

/** An account's passkeys as the rows of its passkey list. */
export function passkeyRows(passkeys: StoredPasskey[], lang: Lang): PasskeyRow[] {
  return passkeys.map((p) => ({
    credentialId: p.credentialId,
    name: p.name,
    created: berlinDateTime(p.createdAt),
    lastUsed: p.lastUsedAt ? berlinDateTime(p.lastUsedAt) : passkeyMessages[lang].neverUsed,
  }));
}

const sendJson = (reply: FastifyReply, body: unknown) => reply.header("cache-control", "no-store").send(body);

/**
 * The JSON calls of public/passkeys.js for any kind of account: options for adding a passkey and the device's
 * answer, options for signing in and the device's signature. Each kind brings its passkey service, its audit
 * trail and what a successful sign-in starts; the challenge rides in a signed cookie named for the kind.
 */
export function passkeyCeremonies(kit: {
  cookieName: string;
  secureCookies: boolean;
  publicUrl: string;
  throttle: ThrottleService;
  audit: PasskeyAudit;
}) {
  const challengeCookie = passkeyChallengeCookie(kit.cookieName, kit.secureCookies);

  /** The site as the browser sees it: the municipality's own hostname, else PUBLIC_URL. */
  const relyingParty = (request: FastifyRequest): RelyingParty => {
    const { base, chrome } = tenantContext(request);
    const { origin, hostname } = new URL(siteOrigin(request, kit.publicUrl));
    // On its own hostname a passkey belongs to the municipality, else to the whole installation.
    const name = base === "" ? chrome.siteName : installationChrome(request.lang).siteName;
    return { id: hostname, name, origin };
  };

  /** The name typed for a new passkey; undefined when too long. */
  const nameFrom = (request: FastifyRequest) =>
    passkeyName(readString(formBody(request.body), "name"), passkeyMessages[request.lang].defaultName);
  const nameTooLong = (request: FastifyRequest, reply: FastifyReply) =>
    problem(
      request,
      reply,
      422,
      "passkey-name-too-long",
      format(passkeyMessages[request.lang].nameTooLong, { max: maxPasskeyNameLength }),
    );

  return {
    /** For a request whose account session has ended: the script tells the person to sign in again. */
    signedOut: (request: FastifyRequest, reply: FastifyReply) =>
      problem(request, reply, 401, "signed-out", passkeyMessages[request.lang].signedOut),

    async offerRegistration(
      request: FastifyRequest,
      reply: FastifyReply,
      service: PasskeyService,
      account: PasskeyAccount,
    ) {
      if (!nameFrom(request)) return nameTooLong(request, reply);
      const result = await service.registrationOptions(relyingParty(request), account);
      if (!result.ok) return refused(request, reply, result.refusal);
      challengeCookie.give(reply, result.value.challenge);
      return sendJson(reply, { options: result.value });
    },

    /** Stores the device's new passkey for `accountId`, then sends the browser on to `next`. */
    async completeRegistration(
      request: FastifyRequest,
      reply: FastifyReply,
      service: PasskeyService,
      to: { accountId: string; next: string },
    ) {
      const name = nameFrom(request);
      if (!name) return nameTooLong(request, reply);
      const result = await service.register(relyingParty(request), to.accountId, {
        response: formBody(request.body).response,
        challenge: challengeCookie.take(request, reply),
        name,
      });
      if (!result.ok) {
        await kit.audit(request, "passkey_add_failed", {
          details: { reason: result.refusal, detail: result.detail.slice(0, 200) },
        });
        return refused(request, reply, result.refusal);
      }
      const { deviceType, backedUp } = result.value;
      await kit.audit(request, "passkey_added", { details: { name, deviceType, backedUp } });
      return sendJson(reply, { redirect: to.next });
    },

    async offerSignIn(request: FastifyRequest, reply: FastifyReply, service: PasskeyService) {
      const options = await service.authenticationOptions(relyingParty(request));
      challengeCookie.give(reply, options.challenge);
      return sendJson(reply, { options });
    },

    /**
     * Checks the device's signature; then `start` begins the account's session (false: the account may not sign
     * in, e.g. disabled) and the browser goes on to `next`. A passkey with user verification is two factors by
     * itself, so no code step follows.
     */
    async signIn(
      request: FastifyRequest,
      reply: FastifyReply,
      service: PasskeyService,
      then: { next: string; start(accountId: string): Promise<boolean> },
    ) {
      const challenge = challengeCookie.take(request, reply);
      // Counted with the password failures of the same client address (a passkey cannot be guessed, so
      // there is no per-account count that a stranger could use to lock the owner out).
      const keys = [`ip:${request.ip}`];
      const wait = await kit.throttle.waitSeconds(keys);
      if (wait > 0) {
        await kit.audit(request, "login_failed", { details: { method: "passkey", reason: "throttled" } });
        return problem(request, reply, 429, "too-many-requests", waitMessage(request, wait).message);
      }
      const result = await service.authenticate(relyingParty(request), {
        response: formBody(request.body).response,
        challenge,
      });
      if (!result.ok) {
        await kit.throttle.recordFailure(keys);
        await kit.audit(request, "login_failed", {
          target: result.claimedOwnerId?.slice(0, 64),
          details: { method: "passkey", reason: result.refusal, detail: result.detail.slice(0, 200) },
        });
        return refused(request, reply, result.refusal);
      }
      const accountId = result.value.ownerId;
      if (!(await then.start(accountId))) {
        await kit.audit(request, "login_failed", {
          target: accountId,
          details: { method: "passkey", reason: "inactive" },
        });
        return refused(request, reply, "unknown-credential");
      }
      await kit.audit(request, "login_succeeded", { accountId, details: { method: "passkey" } });
      return sendJson(reply, { redirect: then.next });
    },
  };
}

export type PasskeyCeremonies = ReturnType<typeof passkeyCeremonies>;
