import { type Static, Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { maxAmountCents } from "#core/money/index.ts";

/**
 * The JSON protocol of the ePayBL-style payment platform, spoken by our merchant side (epay-sim.ts) and by
 * the embedded simulator (src/dev-pay). Every request and every notification is signed as
 * epay-signature.ts describes; statuses are those of XBezahldienste (INITIAL, PAYED, FAILED, CANCELED, EXPIRED).
 */
export const epayApiPaths = {
  payments: "/api/zahlungen",
  refunds: (paymentId: string) => `/api/zahlungen/${encodeURIComponent(paymentId)}/erstattungen`,
};

const text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const httpUrl = Type.String({ pattern: "^https?://", maxLength: 2000 });
const cents = Type.Integer({ minimum: 1, maximum: maxAmountCents });

export const epayMethods = ["giropay", "creditcard", "sepa", "paypal"] as const;
export type EpayMethod = (typeof epayMethods)[number];

export const epayPaymentRequest = Type.Object(
  {
    kassenzeichen: text(60),
    amountCents: cents,
    currency: Type.Literal("EUR"),
    purpose: text(140),
    payee: text(200),
    /** Our attempt id; every notification of this payment names it. */
    merchantReference: text(100),
    language: Type.Union([Type.Literal("de"), Type.Literal("en")]),
    email: Type.Union([Type.String({ maxLength: 320 }), Type.Null()]),
    returnUrl: httpUrl,
    callbackUrl: httpUrl,
  },
  { additionalProperties: false },
);
export type EpayPaymentRequest = Static<typeof epayPaymentRequest>;

export const epayPaymentCreated = Type.Object({
  paymentId: text(100),
  paymentPageUrl: httpUrl,
  status: Type.Literal("INITIAL"),
});
export type EpayPaymentCreated = Static<typeof epayPaymentCreated>;

export const epayFinalStatuses = ["PAYED", "FAILED", "CANCELED", "EXPIRED"] as const;
export type EpayFinalStatus = (typeof epayFinalStatuses)[number];

export const epayNotification = Type.Object({
  eventId: text(100),
  paymentId: text(100),
  merchantReference: text(100),
  kassenzeichen: text(60),
  status: Type.Union(epayFinalStatuses.map((status) => Type.Literal(status))),
  amountCents: cents,
  currency: text(3),
  method: Type.Union([...epayMethods.map((method) => Type.Literal(method)), Type.Null()]),
  /** ISO 8601, e.g. "2026-11-27T10:15:00.000Z". */
  occurredAt: Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}T", maxLength: 40 }),
});
export type EpayNotification = Static<typeof epayNotification>;

export const epayRefundRequest = Type.Object(
  {
    /** Repeated from the path, so the signature covers it. */
    paymentId: text(100),
    amountCents: cents,
    reason: text(500),
  },
  { additionalProperties: false },
);
export type EpayRefundRequest = Static<typeof epayRefundRequest>;

export const epayRefundDone = Type.Object({ refundId: text(100), paymentId: text(100), amountCents: cents });
export type EpayRefundDone = Static<typeof epayRefundDone>;

/** Parses JSON text and checks it against a schema; undefined for anything else (never throws). */
export function parseEpayJson<S extends Parameters<typeof Value.Check>[0]>(
  schema: S,
  body: string | Buffer,
): Static<S> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString());
    return Value.Check(schema, value) ? (value as Static<S>) : undefined;
  } catch {
    return undefined;
  }
}
