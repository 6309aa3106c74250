import { recordAudit } from "#core/audit/index.ts";
import { isUuid, uuidv7 } from "#core/db/ids.ts";
import { type Db, inTransaction } from "#core/db/transaction.ts";
import { type Payment, RefundRefused, refundableCents, toPayment } from "./payments.model.ts";
import { paymentsRepo } from "./payments.repo.ts";
import type { ProviderName } from "./payments.schema.ts";
import { movePayment } from "./payments.transition.ts";
import { type PaymentProvider, ProviderUnavailable } from "./provider.ts";

export interface RefundRequest {
  tenantId: string;
  paymentId: string;
  staffId: string;
  amountCents: number;
  reason: string;
  /** The refundable amount the clerk's form showed: a refund counted on another amount is stale. */
  expectedRefundableCents: number;
  ip?: string;
  requestId?: string;
}

/**
 * Refunds by staff. The payment row stays locked from the checks through the platform's refund to the
 * recorded result, so two clerks (or a double post) cannot both refund the same money: the second finds a
 * refundable amount other than the one its form showed and is refused as stale. The lock is held across the
 * platform call on purpose; on PGlite that blocks other queries meanwhile (production runs on PostgreSQL).
 */
export function createRefunds(db: Db, providers: Partial<Record<ProviderName, PaymentProvider>>) {
  return async function refund(request: RefundRequest): Promise<Payment> {
    const reason = request.reason.trim();
    if (!isUuid(request.staffId)) throw new Error("refund needs the staff member's id");
    if (
      !Number.isSafeInteger(request.amountCents) ||
      request.amountCents <= 0 ||
      !reason ||
      reason.length > 500
    )
      throw new RefundRefused("invalid");
    if (!isUuid(request.paymentId)) throw new RefundRefused("not_found");
    return inTransaction(db, async (tx) => {
      const repo = paymentsRepo(tx);
      const payment = await repo.lockPayment(request.tenantId, request.paymentId);
      if (!payment) throw new RefundRefused("not_found");
      const refundable = refundableCents(payment);
      const platform = providers[payment.provider];
      if (refundable === 0 || !payment.provider_payment_id || !platform)
        throw new RefundRefused("not_refundable");
      if (request.expectedRefundableCents !== refundable) throw new RefundRefused("stale");
      if (request.amountCents > refundable) throw new RefundRefused("too_much");
      const providerRefundId = await platform
        .refund({ providerPaymentId: payment.provider_payment_id, amountCents: request.amountCents, reason })
        .catch((error: unknown) => {
          throw error instanceof ProviderUnavailable
            ? new RefundRefused("platform_error", { cause: error })
            : error;
        });
      await repo.insertRefund(request.tenantId, {
        id: uuidv7(),
        payment_id: payment.id,
        amount_cents: request.amountCents,
        reason,
        staff_id: request.staffId,
        provider_refund_id: providerRefundId.slice(0, 200),
      });
      const refundedCents = payment.refunded_cents + request.amountCents;
      const updated = await movePayment(
        repo,
        payment,
        refundedCents === payment.amount_cents ? "refunded" : "partially_refunded",
        {
          actor: `staff:${request.staffId}`,
          providerReference: providerRefundId,
          amountCents: request.amountCents,
          reason,
        },
        { refunded_cents: refundedCents },
      );
      await recordAudit(tx, {
        tenantId: request.tenantId,
        actor: { type: "staff", id: request.staffId },
        action: "payment.refunded",
        target: payment.kassenzeichen,
        ip: request.ip,
        requestId: request.requestId,
        details: { paymentId: payment.id, amountCents: request.amountCents, refundedCents, reason },
      });
      return toPayment(updated);
    });
  };
}
