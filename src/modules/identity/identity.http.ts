import type { FastifyReply, FastifyRequest } from "fastify";
import type { AuditEvent, AuditLog } from "#core/audit/index.ts";
import { AppError, type FieldError } from "#core/http/errors.ts";
import { withQuery } from "#core/http/paths.ts";
import { format } from "#core/i18n/messages.ts";
import type { MessagePageModel } from "#core/views/message-page.tsx";
import { tenantContext } from "#modules/tenants/index.ts";
import type { AccountLinks } from "./accounts.service.ts";
import { identityMessages } from "./identity.messages.ts";
import { identityPaths } from "./identity.paths.ts";
import { clearSessionCookie } from "./identity.session-plugin.ts";
import type { ThrottleService } from "./throttle.service.ts";

/** The field errors of a failed validation; any other error is passed on to the error handler. */
export function validationErrors(error: unknown): FieldError[] {
  if (error instanceof AppError && error.status === 422) return error.fields;
  throw error;
}

/**
 * Absolute links for mails. Never built from the Host header as sent (an attacker could make a reset link
 * point to their own server): a municipality on its own hostname uses that registered hostname, every
 * other request the configured PUBLIC_URL.
 */
export function siteOrigin(request: FastifyRequest, publicUrl: string): string {
  const { base } = tenantContext(request);
  // request.host keeps the port; its hostname is one registered for the municipality (else base is not "").
  const host = request.host.replace(/\.(?=:\d+$|$)/, "");
  return base === "" ? `${new URL(publicUrl).protocol}//${host}` : publicUrl;
}

export function accountLinks(request: FastifyRequest, publicUrl: string): AccountLinks {
  const { base } = tenantContext(request);
  const origin = siteOrigin(request, publicUrl);
  const absolute = (path: string) => `${origin}${path}`;
  return {
    verify: (token) => absolute(withQuery(identityPaths.verify(base), { token })),
    reset: (token) => absolute(withQuery(identityPaths.resetPassword(base), { token })),
    forgotPassword: () => absolute(identityPaths.forgotPassword(base)),
    confirmEmailChange: (token) => absolute(withQuery(identityPaths.confirmEmailChange(base), { token })),
  };
}

export function linkInvalidMessage(request: FastifyRequest): Omit<MessagePageModel, "path"> {
  const t = identityMessages[request.lang];
  const { base } = tenantContext(request);
  return {
    title: t.linkInvalidTitle,
    paragraphs: [t.linkInvalidText],
    next: { href: identityPaths.forgotPassword(base), label: t.forgotTitle },
  };
}

export function waitMessage(request: FastifyRequest, seconds: number): FieldError {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return { field: "email", message: format(identityMessages[request.lang].tooManyAttempts, { minutes }) };
}

/** Records what happened on this request in the municipality's audit log (who, from where, which request). */
export function auditFrom(
  request: FastifyRequest,
  audit: AuditLog,
  action: string,
  event: { citizenId?: string; target?: string; details?: AuditEvent["details"] } = {},
): Promise<void> {
  const { tenant } = tenantContext(request);
  const citizenId = event.citizenId ?? request.citizenSession?.citizenId;
  return audit.record({
    tenantId: tenant.id,
    actor: citizenId ? { type: "citizen", id: citizenId } : { type: "anonymous" },
    action,
    target: event.target,
    ip: request.ip,
    requestId: request.id,
    details: event.details,
  });
}

/**
 * Re-checks of the current password (before changing it, the address or the second factor) count towards a
 * per-account limit like sign-in does, so a stolen session cannot be used to guess the password.
 */
export function reauthGuard(
  request: FastifyRequest,
  throttle: ThrottleService,
  citizenId: string,
  field: string,
) {
  const keys = [`reauth:${citizenId}`];
  return {
    /** The error to show instead of checking, while the account must wait. */
    async blocked(): Promise<FieldError[] | undefined> {
      const wait = await throttle.waitSeconds(keys);
      return wait > 0 ? [{ ...waitMessage(request, wait), field }] : undefined;
    },
    /** Counts the attempt when the password was wrong. */
    async check(errors: FieldError[]): Promise<FieldError[]> {
      if (errors.some((e) => e.field === field)) await throttle.recordFailure(keys);
      return errors;
    },
  };
}

/**
 * "Anmelden" or "Mein Konto" in the header of a municipality's pages, as the request's session is now;
 * handlers that sign in or out call it again so the page they render says the right thing.
 */
export function showAccountLink(request: FastifyRequest): void {
  if (!request.chrome || !request.tenant) return;
  const t = identityMessages[request.lang];
  const base = request.tenantBase;
  request.chrome.accountLink = request.citizenSession
    ? { href: identityPaths.account(base), label: t.accountLinkSignedIn }
    : { href: identityPaths.login(base), label: t.accountLinkSignedOut };
}

/** This browser is signed out: its cookie goes, and the page being rendered shows "Anmelden" again. */
export function signedOutHere(request: FastifyRequest, reply: FastifyReply, secureCookies: boolean): void {
  clearSessionCookie(reply, secureCookies);
  request.citizenSession = undefined;
  showAccountLink(request);
}
