import type { Selectable } from "kysely";
import type { Lang } from "#core/i18n/lang.ts";
import type {
  PaymentRefundsTable,
  PaymentRow,
  PaymentState,
  PaymentTransitionsTable,
  ProviderName,
} from "./payments.schema.ts";

/** A fee to pay, as the other modules see it: one Kassenzeichen, one amount, its state and its refunds. */
export interface Payment {
  id: string;
  tenantId: string;
  kassenzeichen: string;
  applicationId: string | null;
  serviceSlug: string | null;
  /** Verwendungszweck. */
  purpose: string;
  amountCents: number;
  currency: "EUR";
  state: PaymentState;
  provider: ProviderName;
  /** The platform's id of the attempt that succeeded (or of the latest one). */
  providerPaymentId: string | null;
  method: string | null;
  refundedCents: number;
  /** What staff may still refund: the amount less refunds once paid, else 0. */
  refundableCents: number;
  citizenId: string | null;
  email: string | null;
  lang: Lang;
  createdAt: Date;
  updatedAt: Date;
  succeededAt: Date | null;
  receiptFileId: string | null;
}

/** Who changed a payment's state: the citizen, the platform's notification, a timer, or a staff member. */
export type PaymentActor = "citizen" | "system" | `platform:${ProviderName}` | `staff:${string}`;

export interface PaymentTransition {
  id: string;
  attemptId: string | null;
  from: PaymentState;
  to: PaymentState;
  actor: string;
  providerReference: string | null;
  amountCents: number | null;
  reason: string | null;
  at: Date;
}

export interface PaymentRefund {
  id: string;
  amountCents: number;
  reason: string;
  staffId: string;
  providerRefundId: string | null;
  createdAt: Date;
}

/** startAttempt refused: no such payment, a state that cannot start (e.g. paid or running), or the platform. */
export class PaymentNotPayable extends Error {
  constructor(
    readonly reason: "not_found" | "state" | "no_provider" | "platform_error",
    readonly state?: PaymentState,
    options?: { cause?: unknown },
  ) {
    super(`payment cannot be started: ${reason}${state ? ` (${state})` : ""}`, options);
  }
}

export type RefundRefusal =
  /** The clerk saw another refundable amount than there is now: someone refunded meanwhile, or a double post. */
  | "stale"
  | "too_much"
  | "not_refundable"
  | "not_found"
  /** Amount not a positive whole number of cents, or reason empty or longer than 500 characters. */
  | "invalid"
  | "platform_error";

export class RefundRefused extends Error {
  constructor(
    readonly reason: RefundRefusal,
    options?: { cause?: unknown },
  ) {
    super(`refund refused: ${reason}`, options);
  }
}

export function refundableCents(row: Pick<PaymentRow, "state" | "amount_cents" | "refunded_cents">): number {
  return row.state === "succeeded" || row.state === "partially_refunded"
    ? row.amount_cents - row.refunded_cents
    : 0;
}

export const toPayment = (row: PaymentRow): Payment => ({
  id: row.id,
  tenantId: row.tenant_id,
  kassenzeichen: row.kassenzeichen,
  applicationId: row.application_id,
  serviceSlug: row.service_slug,
  purpose: row.purpose,
  amountCents: row.amount_cents,
  currency: row.currency,
  state: row.state,
  provider: row.provider,
  providerPaymentId: row.provider_payment_id,
  method: row.method,
  refundedCents: row.refunded_cents,
  refundableCents: refundableCents(row),
  citizenId: row.citizen_id,
  email: row.email,
  lang: row.lang,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  succeededAt: row.succeeded_at,
  receiptFileId: row.receipt_file_id,
});

export const toTransition = (row: Selectable<PaymentTransitionsTable>): PaymentTransition => ({
  // A bigint identity, which the drivers hand over as a number (core/db/type-parsers.ts).
  id: String(row.id),
  attemptId: row.attempt_id,
  from: row.from_state,
  to: row.to_state,
  actor: row.actor,
  providerReference: row.provider_reference,
  amountCents: row.amount_cents,
  reason: row.reason,
  at: row.at,
});

export const toRefund = (row: Selectable<PaymentRefundsTable>): PaymentRefund => ({
  id: row.id,
  amountCents: row.amount_cents,
  reason: row.reason,
  staffId: row.staff_id,
  providerRefundId: row.provider_refund_id,
  createdAt: row.created_at,
});
