import { isUuid } from "#core/db/ids.ts";
import { type Db, inTransaction, type Tx } from "#core/db/transaction.ts";
import { type Payment, toPayment } from "./payments.model.ts";
import { type PaymentsRepo, paymentsRepo } from "./payments.repo.ts";
import type { AttemptRow, PaymentRow, ProviderName } from "./payments.schema.ts";
import type { PaymentsOptions } from "./payments.service.ts";
import { paidStates } from "./payments.states.ts";
import { movePayment } from "./payments.transition.ts";
import { NotificationRejected, type VerifiedNotification } from "./provider.ts";

/** The queue of payment receipts (PDF + mail); its job is queued with the transition to succeeded. */
export const paymentReceiptQueue = "payment_receipt";

export interface PaymentReceiptJob {
  tenantId: string;
  paymentId: string;
}

export interface NotificationResult {
  /** Whether the payment's state changed (false for replays and for late or out-of-order news). */
  changed: boolean;
  payment: Payment;
  /** Why something unusual happened (late, out of order, paid twice), for the log; none for a replay. */
  note?: string;
}

type Headers = Record<string, string | string[] | undefined>;

/** The attempt a verified notification names, by our attempt id or else by the platform's payment id. */
async function attemptOf(
  repo: PaymentsRepo,
  tenantId: string,
  provider: ProviderName,
  notice: VerifiedNotification,
): Promise<AttemptRow> {
  if (notice.attemptId !== null && !isUuid(notice.attemptId))
    throw new NotificationRejected("malformed attempt id");
  const attempt = notice.attemptId
    ? await repo.findAttempt(tenantId, notice.attemptId)
    : await repo.findAttemptByProviderId(tenantId, provider, notice.providerPaymentId);
  if (!attempt || attempt.provider !== provider) throw new NotificationRejected("unknown attempt");
  if (attempt.provider_payment_id === notice.providerPaymentId) return attempt;
  // The attempt has no platform id yet (its start has not been recorded): the one reported must be unused.
  const holder = await repo.findAttemptByProviderId(tenantId, provider, notice.providerPaymentId);
  if (attempt.provider_payment_id !== null || (holder && holder.id !== attempt.id))
    throw new NotificationRejected("platform payment id differs from the attempt's");
  return attempt;
}

/** The platform must report exactly what we asked it to collect. */
function compare(payment: PaymentRow, notice: VerifiedNotification): void {
  if (notice.amountCents !== payment.amount_cents) throw new NotificationRejected("amount differs");
  if (notice.currency !== payment.currency) throw new NotificationRejected("currency differs");
  if (notice.kassenzeichen !== null && notice.kassenzeichen !== payment.kassenzeichen)
    throw new NotificationRejected("Kassenzeichen differs");
}

/**
 * Applies verified notifications of payment platforms. Each runs in one transaction with the payment row
 * locked, so concurrent duplicates queue and the later ones find the work done: replays change nothing.
 */
export function createNotificationHandler(
  db: Db,
  options: Pick<PaymentsOptions, "providers" | "jobs" | "onSucceeded">,
) {
  const { providers, jobs } = options;

  async function succeed(
    tx: Tx,
    payment: PaymentRow,
    attempt: AttemptRow,
    notice: VerifiedNotification,
  ): Promise<NotificationResult> {
    // A replay (platforms resend until answered; duplicates may run concurrently): the work is done.
    if (attempt.state === "succeeded") return { changed: false, payment: toPayment(payment) };
    const repo = paymentsRepo(tx);
    const actor = `platform:${attempt.provider}` as const;
    const finished = {
      state: "succeeded" as const,
      provider_payment_id: notice.providerPaymentId,
      method: notice.method,
      finished_at: new Date(),
    };
    if (paidStates.includes(payment.state)) {
      // Paid twice (two attempts both completed at the platform): the payment stays paid by the first; the
      // attempt is kept as succeeded so the treasury sees the second payment, which must be refunded.
      await repo.updateAttempt(payment.tenant_id, attempt.id, finished);
      const note = `double payment: attempt ${attempt.attempt_no} succeeded after the payment was paid`;
      return { changed: false, payment: toPayment(payment), note };
    }
    let current = payment;
    let note: string | undefined;
    if (payment.state !== "started") {
      // Money was taken after we had given the attempt up (expired, or failed/cancelled news came first):
      // the platform is right, so the payment is reopened by that attempt and then succeeds.
      note = `late success of attempt ${attempt.attempt_no} (payment was ${payment.state})`;
      current = await movePayment(repo, current, "started", { actor, attemptId: attempt.id, reason: note });
    }
    await repo.updateAttempt(payment.tenant_id, attempt.id, finished);
    const updated = await movePayment(
      repo,
      current,
      "succeeded",
      {
        actor,
        attemptId: attempt.id,
        providerReference: notice.providerPaymentId,
        amountCents: notice.amountCents,
        reason: note ?? null,
      },
      {
        provider: attempt.provider,
        provider_payment_id: notice.providerPaymentId,
        method: notice.method,
        succeeded_at: new Date(),
      },
    );
    const job: PaymentReceiptJob = { tenantId: payment.tenant_id, paymentId: payment.id };
    await jobs.enqueue(tx, paymentReceiptQueue, job);
    const paid = toPayment(updated);
    await options.onSucceeded?.(tx, paid);
    return { changed: true, payment: paid, note };
  }

  async function fail(
    tx: Tx,
    payment: PaymentRow,
    attempt: AttemptRow,
    notice: VerifiedNotification,
  ): Promise<NotificationResult> {
    const outcome = notice.outcome as "failed" | "cancelled" | "expired";
    if (attempt.state !== "started") {
      const note = `${outcome} of attempt ${attempt.attempt_no} ignored: the attempt is ${attempt.state}`;
      return { changed: false, payment: toPayment(payment), note };
    }
    const repo = paymentsRepo(tx);
    await repo.updateAttempt(payment.tenant_id, attempt.id, {
      state: outcome,
      provider_payment_id: notice.providerPaymentId,
      method: notice.method,
      finished_at: new Date(),
    });
    const latest = await repo.latestAttempt(payment.tenant_id, payment.id);
    if (payment.state !== "started" || latest?.id !== attempt.id) {
      const note = `${outcome} of attempt ${attempt.attempt_no} recorded; the payment is ${payment.state} by another attempt`;
      return { changed: false, payment: toPayment(payment), note };
    }
    const updated = await movePayment(repo, payment, outcome, {
      actor: `platform:${attempt.provider}`,
      attemptId: attempt.id,
      providerReference: notice.providerPaymentId,
    });
    return { changed: true, payment: toPayment(updated) };
  }

  return {
    /**
     * Verifies a platform's notification, checks it against our records and applies it once. Throws
     * NotificationRejected, having changed nothing, when it is forged, stale, unknown or disagrees with us.
     */
    async applyNotification(
      tenantId: string,
      provider: ProviderName,
      rawBody: Buffer,
      headers: Headers,
    ): Promise<NotificationResult> {
      const platform = providers[provider];
      if (!platform) throw new NotificationRejected("provider not configured");
      const notice = platform.verifyNotification(rawBody, headers);
      return inTransaction(db, async (tx) => {
        const repo = paymentsRepo(tx);
        const found = await attemptOf(repo, tenantId, provider, notice);
        const payment = await repo.lockPayment(tenantId, found.payment_id);
        // Read again under the payment's lock: a concurrent duplicate may have finished the attempt meanwhile.
        const attempt = await repo.findAttempt(tenantId, found.id);
        if (!payment || !attempt) throw new NotificationRejected("unknown attempt");
        compare(payment, notice);
        return notice.outcome === "succeeded"
          ? succeed(tx, payment, attempt, notice)
          : fail(tx, payment, attempt, notice);
      });
    },
  };
}
