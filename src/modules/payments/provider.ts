import type { Lang } from "#core/i18n/lang.ts";
import type { ProviderName } from "./payments.schema.ts";

/** What our side asks a payment platform to collect in one attempt. */
export interface AttemptRequest {
  tenantSlug: string;
  /** The municipality's name, as the platform's payment page shows the payee (falls back to the slug). */
  payeeName?: string;
  kassenzeichen: string;
  /** Our attempt id: the platform echoes it back, so a callback names the attempt it belongs to. */
  attemptId: string;
  amountCents: number;
  currency: "EUR";
  purpose: string;
  email: string | null;
  lang: Lang;
  /** Where the platform sends the citizen's browser afterwards (any outcome); it only shows the status. */
  returnUrl: string;
  /** Where the platform posts its signed server-to-server notification. */
  callbackUrl: string;
}

export interface StartedAttempt {
  /** The platform's own id for this attempt. */
  providerPaymentId: string;
  /** The hosted payment page the citizen's browser is sent to. */
  redirectUrl: string;
}

/** A notification whose signature checked out; amounts are still compared with our record by the caller. */
export interface VerifiedNotification {
  providerPaymentId: string;
  attemptId: string | null;
  kassenzeichen: string | null;
  outcome: "succeeded" | "failed" | "cancelled" | "expired";
  amountCents: number;
  currency: string;
  method: string | null;
  /** The platform's id of the notification itself, for the log. */
  eventId: string;
}

/** A notification that must change nothing: bad signature, stale timestamp, unparseable or irrelevant. */
export class NotificationRejected extends Error {
  constructor(readonly reason: string) {
    super(`payment notification rejected: ${reason}`);
  }
}

/**
 * A genuine notification (its signature checked out) that changes nothing here, e.g. a Stripe event we do not
 * act on: answer it with 2xx, so the platform stops resending it. Still a rejection for callers that do not
 * tell the two apart.
 */
export class NotificationIgnored extends NotificationRejected {}

/**
 * The platform could not be reached or refused our request (network, timeout, 4xx/5xx): tell the citizen or
 * clerk to try again later. After a timeout the platform may still have acted; its notification then says so.
 */
export class ProviderUnavailable extends Error {}

export interface PaymentProvider {
  readonly name: ProviderName;
  startAttempt(request: AttemptRequest): Promise<StartedAttempt>;
  /** Checks signature and freshness and reads the notification; throws NotificationRejected otherwise. */
  verifyNotification(
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
  ): VerifiedNotification;
  /** Pays money back at the platform; returns the platform's refund id. */
  refund(request: { providerPaymentId: string; amountCents: number; reason: string }): Promise<string>;
}
