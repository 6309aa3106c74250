import type { Static, TSchema } from "@sinclair/typebox";
import {
  NotificationRejected,
  type PaymentProvider,
  ProviderUnavailable,
  type VerifiedNotification,
} from "../provider.ts";
import {
  type EpayFinalStatus,
  type EpayPaymentRequest,
  type EpayRefundRequest,
  epayApiPaths,
  epayNotification,
  epayPaymentCreated,
  epayRefundDone,
  parseEpayJson,
} from "./epay-protocol.ts";
import { checkEpaySignature, epaySignatureHeader, signEpayNotification } from "./epay-signature.ts";

const outcomes: Record<EpayFinalStatus, VerifiedNotification["outcome"]> = {
  PAYED: "succeeded",
  FAILED: "failed",
  CANCELED: "cancelled",
  EXPIRED: "expired",
};

const requestTimeoutMs = 15_000;

export interface EpayOptions {
  /** Base URL of the platform (EPAY_URL, or PUBLIC_URL/_dev/pay for the simulator). */
  url: string;
  /** Shared HMAC secret of our requests and the platform's notifications. */
  secret: string;
}

/**
 * Our merchant side of an ePayBL-style payment platform (in development the simulator at /_dev/pay, reached
 * over real HTTP like any remote platform): signed JSON requests out, signed notifications in.
 */
export function createEpayProvider(config: EpayOptions): PaymentProvider {
  /** Posts a signed JSON request to the platform and reads its answer, or throws ProviderUnavailable. */
  async function call<S extends TSchema>(path: string, payload: object, answer: S): Promise<Static<S>> {
    const body = JSON.stringify(payload);
    let status: number;
    let text: string;
    try {
      const response = await fetch(`${config.url}${path}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [epaySignatureHeader]: signEpayNotification(config.secret, body),
        },
        body,
        redirect: "error",
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      throw new ProviderUnavailable(`payment platform not reachable at ${config.url}`, { cause: error });
    }
    if (status < 200 || status > 299)
      throw new ProviderUnavailable(`payment platform answered ${status}: ${text.slice(0, 300)}`);
    const parsed = parseEpayJson(answer, text);
    if (!parsed)
      throw new ProviderUnavailable(`payment platform sent an unexpected answer: ${text.slice(0, 300)}`);
    return parsed;
  }

  return {
    name: "epay-sim",

    async startAttempt(request) {
      const payload: EpayPaymentRequest = {
        kassenzeichen: request.kassenzeichen,
        amountCents: request.amountCents,
        currency: request.currency,
        purpose: request.purpose,
        payee: request.payeeName ?? request.tenantSlug,
        merchantReference: request.attemptId,
        language: request.lang,
        email: request.email,
        returnUrl: request.returnUrl,
        callbackUrl: request.callbackUrl,
      };
      const created = await call(epayApiPaths.payments, payload, epayPaymentCreated);
      return { providerPaymentId: created.paymentId, redirectUrl: created.paymentPageUrl };
    },

    verifyNotification(rawBody, headers) {
      const header = headers[epaySignatureHeader];
      if (Array.isArray(header)) throw new NotificationRejected("signature malformed");
      const check = checkEpaySignature(config.secret, rawBody, header);
      if (check !== "valid") throw new NotificationRejected(`signature ${check}`);
      const notification = parseEpayJson(epayNotification, rawBody);
      if (!notification) throw new NotificationRejected("unparseable");
      return {
        providerPaymentId: notification.paymentId,
        attemptId: notification.merchantReference,
        kassenzeichen: notification.kassenzeichen,
        outcome: outcomes[notification.status],
        amountCents: notification.amountCents,
        currency: notification.currency,
        method: notification.method,
        eventId: notification.eventId,
      };
    },

    async refund({ providerPaymentId, amountCents, reason }) {
      const payload: EpayRefundRequest = { paymentId: providerPaymentId, amountCents, reason };
      const done = await call(epayApiPaths.refunds(providerPaymentId), payload, epayRefundDone);
      if (done.paymentId !== providerPaymentId || done.amountCents !== amountCents)
        throw new ProviderUnavailable(
          `payment platform confirmed a different refund: ${JSON.stringify(done)}`,
        );
      return done.refundId;
    },
  };
}
