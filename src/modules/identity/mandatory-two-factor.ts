import type { FastifyReply, FastifyRequest } from "fastify";
import type { AuditEvent } from "#core/audit/index.ts";
import type { FieldError } from "#core/http/errors.ts";
import { sendHtml } from "#core/http/reply.ts";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { waitMessage } from "./identity.http.ts";
import type { secondStepCookie } from "./second-step.ts";
import type { ThrottleService } from "./throttle.service.ts";
import type { TotpService } from "./totp.service.ts";
import { RecoveryCodesPage, SecondStepPage, TotpSetupPage } from "./views/totp.tsx";

/** What happens while signing in, recorded by each kind of account as `<kind>.<event>`. */
export type SignInEvent =
  | "login_failed"
  | "password_accepted"
  | "second_factor_failed"
  | "totp_enabled"
  | "login_succeeded";

export type SignInAudit = (
  request: FastifyRequest,
  event: SignInEvent,
  data: { accountId?: string; target?: string; details?: AuditEvent["details"] },
) => Promise<void>;

export type SecondFactorMethod = "password+totp" | "password+recovery_code";

/** A step that did not get through: the page is shown again with this status and these errors. */
export interface Refused {
  status: 422 | 429;
  errors: FieldError[];
}

interface CodeForm {
  path: string;
  action: string;
  csrfToken: string;
  errors: FieldError[];
}

/**
 * Signing in to an account that must use a second factor (staff of a municipality, installation operators):
 * the right password leads to a code step (a short-lived cookie, no session yet), which sets up the
 * authenticator app when the account has none and otherwise asks for a code; only a valid code ends in a
 * session. Each kind of account brings its pages, words, audit trail, throttle keys and session.
 */
export function mandatoryTwoFactor<Owner>(kit: {
  totp: TotpService<Owner>;
  throttle: ThrottleService;
  secondStep: ReturnType<typeof secondStepCookie>;
  secureCookies: boolean;
  audit: SignInAudit;
}) {
  const { totp, throttle, audit } = kit;

  return {
    /**
     * The password step: waits out earlier failures, checks the password (`check` answers the account id or
     * undefined) and on success starts the code step. `keys[0]` is the account's throttle key.
     */
    async password(
      request: FastifyRequest,
      reply: FastifyReply,
      attempt: {
        keys: string[];
        target: string;
        failedMessage: string;
        check(): Promise<string | undefined>;
      },
    ): Promise<{ accountId: string } | Refused> {
      const wait = await throttle.waitSeconds(attempt.keys);
      if (wait > 0) {
        await audit(request, "login_failed", { target: attempt.target, details: { reason: "throttled" } });
        return { status: 429, errors: [waitMessage(request, wait)] };
      }
      const accountId = await attempt.check();
      if (!accountId) {
        await throttle.recordFailure(attempt.keys);
        await audit(request, "login_failed", { target: attempt.target, details: { reason: "password" } });
        return { status: 422, errors: [{ field: "email", message: attempt.failedMessage }] };
      }
      await throttle.reset(attempt.keys[0] ?? "");
      await audit(request, "password_accepted", { accountId });
      kit.secondStep.start(reply, accountId, kit.secureCookies);
      return { accountId };
    },

    /** The code step's page: the code form, or the setup of the app (with `notice` saying it is required). */
    async codePage(
      reply: FastifyReply,
      page: {
        owner: Owner;
        accountLabel(): Promise<string>;
        chrome: SiteChrome;
        form: CodeForm;
        notice: string;
        status: number;
      },
    ): Promise<FastifyReply> {
      const { owner, chrome, form } = page;
      if ((await totp.status(owner)).enabled)
        return sendHtml(reply, page.status, SecondStepPage({ chrome, model: form }));
      const account = await page.accountLabel();
      const pending = await totp.pendingSecret(owner);
      const setup = pending ? await totp.setupView(pending, account) : await totp.beginSetup(owner, account);
      const model = { ...form, ...setup, notice: page.notice };
      return sendHtml(reply, page.status, TotpSetupPage({ chrome, model }));
    },

    /**
     * Checks the code: confirms the app's setup (then `recoveryCodes` are there, to be shown once) or verifies
     * a code or recovery code. On success the code step ends; the caller starts the session.
     */
    async code(
      request: FastifyRequest,
      reply: FastifyReply,
      attempt: { owner: Owner; accountId: string; keys: string[]; code: string; invalidMessage: string },
    ): Promise<{ method: SecondFactorMethod; recoveryCodes?: string[] } | Refused> {
      const { owner, accountId } = attempt;
      const wait = await throttle.waitSeconds(attempt.keys);
      if (wait > 0) return { status: 429, errors: [{ ...waitMessage(request, wait), field: "code" }] };
      const enabled = (await totp.status(owner)).enabled;
      const factor = enabled ? await totp.verify(owner, attempt.code) : undefined;
      const recoveryCodes = enabled ? undefined : await totp.confirmSetup(owner, attempt.code);
      if (!factor && !recoveryCodes) {
        await throttle.recordFailure(attempt.keys);
        await audit(request, "second_factor_failed", { accountId });
        return { status: 422, errors: [{ field: "code", message: attempt.invalidMessage }] };
      }
      await throttle.reset(attempt.keys[0] ?? "");
      kit.secondStep.end(reply, kit.secureCookies);
      if (recoveryCodes) await audit(request, "totp_enabled", { accountId });
      const method = factor === "recovery_code" ? "password+recovery_code" : "password+totp";
      await audit(request, "login_succeeded", { accountId, details: { method } });
      return { method, recoveryCodes };
    },

    /** After the session has started: the recovery codes of a just-set-up app, once, or on to `next`. */
    signedIn(
      reply: FastifyReply,
      result: { recoveryCodes?: string[] },
      page: { chrome: SiteChrome; path: string; next: string },
    ): Promise<FastifyReply> | FastifyReply {
      if (!result.recoveryCodes) return reply.redirect(page.next, 303);
      const model = { path: page.path, codes: result.recoveryCodes, doneHref: page.next };
      return sendHtml(reply, 200, RecoveryCodesPage({ chrome: page.chrome, model }));
    },
  };
}

export type MandatoryTwoFactor<Owner> = ReturnType<typeof mandatoryTwoFactor<Owner>>;
