import { timingSafeEqual } from "node:crypto";
import { isUuid, uuidv7 } from "#core/db/ids.ts";
import { type Db, inTransaction, type Tx } from "#core/db/transaction.ts";
import type { Lang } from "#core/i18n/lang.ts";
import type { JobQueue } from "#core/jobs/index.ts";
import { nextReference } from "#core/references/index.ts";
import { hashSecret, newSecret } from "#core/secrets.ts";
import { createNotificationHandler } from "./notifications.service.ts";
import { createPaymentSettings, kassenzeichenScope } from "./payment-settings.service.ts";
import {
  type Payment,
  type PaymentActor,
  PaymentNotPayable,
  type PaymentRefund,
  type PaymentTransition,
  toPayment,
  toRefund,
  toTransition,
} from "./payments.model.ts";
import { paymentsRepo } from "./payments.repo.ts";
import type { PaymentRow, ProviderName } from "./payments.schema.ts";
import { canTransition, paidStates } from "./payments.states.ts";
import { movePayment } from "./payments.transition.ts";
import { type PaymentProvider, ProviderUnavailable, type StartedAttempt } from "./provider.ts";
import { createRefunds } from "./refunds.service.ts";

export interface NewPayment {
  tenantId: string;
  /** The municipality's reference prefix (`tenant.referencePrefix`), e.g. `USI`. */
  referencePrefix: string;
  applicationId: string | null;
  serviceSlug: string | null;
  purpose: string;
  amountCents: number;
  citizenId: string | null;
  email: string | null;
  lang: Lang;
  /** Who creates it; default `citizen` (the one submitting the application). */
  actor?: PaymentActor;
}

export interface AttemptStart {
  tenantId: string;
  tenantSlug: string;
  /** The municipality's name as the platform shows the payee. */
  payeeName?: string;
  paymentId: string;
  actor: PaymentActor;
  returnUrl: string;
  callbackUrl: string;
}

export interface PaymentsOptions {
  providers: Partial<Record<ProviderName, PaymentProvider>>;
  jobs: JobQueue;
  /** How long the citizen has at the platform before an attempt (and its payment) expires. */
  attemptMinutes: number;
  /**
   * Runs inside the transaction that moves a payment to succeeded (e.g. marks its application paid); if it
   * throws, the notification changes nothing and the platform sends it again.
   */
  onSucceeded?: (tx: Tx, payment: Payment) => Promise<void>;
}

const minute = 60_000;

/** Compares a secret from a link with the stored hash in constant time. */
function secretMatches(secret: string, secretHash: string): boolean {
  return timingSafeEqual(Buffer.from(hashSecret(secret), "hex"), Buffer.from(secretHash, "hex"));
}

/**
 * Payments of fees: created with a gap-free Kassenzeichen inside the submission's transaction, paid in
 * attempts at a platform, settled by the platform's notifications, expired by a timer, refunded by staff.
 * Every change of state passes the state table and is recorded in payment_transitions.
 */
export function createPaymentsService(db: Db, options: PaymentsOptions) {
  const repo = paymentsRepo(db);
  const { providers } = options;
  const providerNames = Object.keys(providers) as ProviderName[];
  const { settings, ...settingsEditing } = createPaymentSettings(db, providerNames);

  /**
   * Gives up an attempt the platform did not start, so the citizen can try again at once. Had the platform
   * acted after all (a timeout), its notification still finds the attempt and settles the payment.
   */
  async function abandonAttempt(tenantId: string, paymentId: string, attemptId: string, cause: unknown) {
    await inTransaction(db, async (tx) => {
      const txRepo = paymentsRepo(tx);
      const payment = await txRepo.lockPayment(tenantId, paymentId);
      const attempt = await txRepo.findAttempt(tenantId, attemptId);
      if (!payment || attempt?.state !== "started") return;
      await txRepo.updateAttempt(tenantId, attemptId, { state: "failed", finished_at: new Date() });
      if (payment.state === "started")
        await movePayment(txRepo, payment, "failed", {
          actor: "system",
          attemptId,
          reason: `the platform could not start the attempt: ${String(cause)}`,
        });
    });
  }

  /** Records the platform's id of a started attempt (a notification may have recorded it already). */
  async function recordStarted(
    tenantId: string,
    paymentId: string,
    attemptId: string,
    started: StartedAttempt,
  ) {
    await inTransaction(db, async (tx) => {
      const txRepo = paymentsRepo(tx);
      const payment = await txRepo.lockPayment(tenantId, paymentId);
      const attempt = await txRepo.findAttempt(tenantId, attemptId);
      if (attempt?.provider_payment_id === null)
        await txRepo.updateAttempt(tenantId, attemptId, { provider_payment_id: started.providerPaymentId });
      if (payment && !paidStates.includes(payment.state))
        await txRepo.updatePayment(tenantId, paymentId, { provider_payment_id: started.providerPaymentId });
    });
  }

  /** Expires one attempt whose time ran out, and its payment if that still waits for this attempt. */
  async function expireAttempt(tenantId: string, paymentId: string, attemptId: string, now: Date) {
    return inTransaction(db, async (tx) => {
      const txRepo = paymentsRepo(tx);
      const payment = await txRepo.lockPayment(tenantId, paymentId);
      const attempt = await txRepo.findAttempt(tenantId, attemptId);
      if (!payment || attempt?.state !== "started" || attempt.expires_at > now) return false;
      await txRepo.updateAttempt(tenantId, attemptId, { state: "expired", finished_at: now });
      const latest = await txRepo.latestAttempt(tenantId, paymentId);
      if (payment.state === "started" && latest?.id === attemptId)
        await movePayment(txRepo, payment, "expired", {
          actor: "system",
          attemptId,
          reason: `attempt ${attempt.attempt_no} expired`,
        });
      return true;
    });
  }

  return {
    settings: (tenantId: string) => settings(tenantId),
    ...settingsEditing,

    /** Names of the platforms this installation is configured for. */
    providerNames,

    /**
     * Inside the caller's transaction (the submission): a new payment with the next Kassenzeichen; returns it
     * with the secret for the guest's payment links (only its hash is stored).
     */
    async create(tx: Tx, input: NewPayment): Promise<{ payment: Payment; secret: string }> {
      const txRepo = paymentsRepo(tx);
      const { kassenzeichenPattern, provider } = await settings(input.tenantId, tx);
      const kassenzeichen = await nextReference(tx, {
        tenantId: input.tenantId,
        scope: kassenzeichenScope,
        prefix: input.referencePrefix,
        pattern: kassenzeichenPattern,
      });
      const secret = newSecret();
      const row = await txRepo.insertPayment(input.tenantId, {
        id: uuidv7(),
        kassenzeichen,
        application_id: input.applicationId,
        service_slug: input.serviceSlug,
        purpose: input.purpose,
        amount_cents: input.amountCents,
        provider,
        provider_payment_id: null,
        method: null,
        citizen_id: input.citizenId,
        email: input.email,
        lang: input.lang,
        secret_hash: hashSecret(secret),
        succeeded_at: null,
        receipt_file_id: null,
      });
      // The first row records the creation itself (from and to `created`).
      await txRepo.insertTransition(input.tenantId, {
        payment_id: row.id,
        attempt_id: null,
        from_state: "created",
        to_state: "created",
        actor: input.actor ?? "citizen",
        provider_reference: null,
        amount_cents: row.amount_cents,
        reason: null,
      });
      return { payment: toPayment(row), secret };
    },

    async get(tenantId: string, id: string): Promise<Payment | undefined> {
      const row = isUuid(id) ? await repo.findPayment(tenantId, id) : undefined;
      return row && toPayment(row);
    },

    /** The payment if `access` may see it: its signed-in citizen, or whoever holds the secret of its links. */
    async accessible(
      tenantId: string,
      id: string,
      access: { citizenId?: string | null; secret?: string | null },
    ): Promise<Payment | undefined> {
      const row = isUuid(id) ? await repo.findPayment(tenantId, id) : undefined;
      if (!row) return undefined;
      const owner = row.citizen_id !== null && row.citizen_id === access.citizenId;
      return owner || (typeof access.secret === "string" && secretMatches(access.secret, row.secret_hash))
        ? toPayment(row)
        : undefined;
    },

    /** The latest payment of each of the applications that has one. */
    async forApplications(
      tenantId: string,
      applicationIds: readonly string[],
    ): Promise<Map<string, Payment>> {
      const rows = await repo.paymentsOfApplications(tenantId, applicationIds.filter(isUuid));
      return new Map(
        rows.flatMap((row: PaymentRow) => (row.application_id ? [[row.application_id, toPayment(row)]] : [])),
      );
    },

    /**
     * A new attempt at the municipality's platform, from created, failed, cancelled or expired (a retry keeps
     * the Kassenzeichen). The attempt is recorded first, so the platform's notification always finds it;
     * the platform is called outside any transaction. Throws PaymentNotPayable.
     */
    async startAttempt(request: AttemptStart): Promise<{ redirectUrl: string }> {
      const { tenantId, paymentId } = request;
      const { provider: providerName } = await settings(tenantId);
      const platform = providers[providerName];
      if (!platform) throw new PaymentNotPayable("no_provider");
      if (!isUuid(paymentId)) throw new PaymentNotPayable("not_found");
      const { payment, attempt } = await inTransaction(db, async (tx) => {
        const txRepo = paymentsRepo(tx);
        let locked = await txRepo.lockPayment(tenantId, paymentId);
        if (!locked) throw new PaymentNotPayable("not_found");
        const previous = await txRepo.latestAttempt(tenantId, paymentId);
        // The citizen left the platform's page (back button, closed tab) and asks again: the running attempt
        // is given up as cancelled. Should it be paid after all, its notification still settles the payment.
        if (locked.state === "started" && previous?.state === "started") {
          await txRepo.updateAttempt(tenantId, previous.id, { state: "cancelled", finished_at: new Date() });
          locked = await movePayment(txRepo, locked, "cancelled", {
            actor: request.actor,
            attemptId: previous.id,
            reason: `attempt ${previous.attempt_no} given up for a new one`,
          });
        }
        if (!canTransition(locked.state, "started")) throw new PaymentNotPayable("state", locked.state);
        const attemptNo = (previous?.attempt_no ?? 0) + 1;
        const inserted = await txRepo.insertAttempt(tenantId, {
          id: uuidv7(),
          payment_id: paymentId,
          attempt_no: attemptNo,
          provider: providerName,
          provider_payment_id: null,
          method: null,
          expires_at: new Date(Date.now() + options.attemptMinutes * minute),
          finished_at: null,
        });
        const started = await movePayment(
          txRepo,
          locked,
          "started",
          {
            actor: request.actor,
            attemptId: inserted.id,
            reason: attemptNo > 1 ? `attempt ${attemptNo}` : null,
          },
          { provider: providerName },
        );
        return { payment: started, attempt: inserted };
      });
      let started: StartedAttempt;
      try {
        started = await platform.startAttempt({
          tenantSlug: request.tenantSlug,
          payeeName: request.payeeName,
          kassenzeichen: payment.kassenzeichen,
          attemptId: attempt.id,
          amountCents: payment.amount_cents,
          currency: payment.currency,
          purpose: payment.purpose,
          email: payment.email,
          lang: payment.lang,
          returnUrl: request.returnUrl,
          callbackUrl: request.callbackUrl,
        });
      } catch (error) {
        await abandonAttempt(tenantId, paymentId, attempt.id, error);
        if (error instanceof ProviderUnavailable)
          throw new PaymentNotPayable("platform_error", undefined, { cause: error });
        throw error;
      }
      await recordStarted(tenantId, paymentId, attempt.id, started);
      return { redirectUrl: started.redirectUrl };
    },

    ...createNotificationHandler(db, options),

    /**
     * Expires started attempts whose time ran out (`now` default: now) and the payments that waited for
     * them (actor `system`); returns how many attempts it expired. Safe to run anywhere, any time.
     */
    async expireStale(now = new Date()): Promise<number> {
      const batch = 100;
      let expired = 0;
      for (;;) {
        const stale = await repo.staleAttempts(now, batch);
        for (const attempt of stale)
          if (await expireAttempt(attempt.tenant_id, attempt.payment_id, attempt.id, now)) expired++;
        if (stale.length < batch) return expired;
      }
    },

    refund: createRefunds(db, providers),

    /** Keeps the payment receipt's file with the payment (for the receipt job). */
    async attachReceipt(tenantId: string, paymentId: string, fileId: string): Promise<void> {
      await repo.updatePayment(tenantId, paymentId, { receipt_file_id: fileId });
    },

    async transitions(tenantId: string, paymentId: string): Promise<PaymentTransition[]> {
      return isUuid(paymentId) ? (await repo.transitions(tenantId, paymentId)).map(toTransition) : [];
    },

    async refunds(tenantId: string, paymentId: string): Promise<PaymentRefund[]> {
      return isUuid(paymentId) ? (await repo.refunds(tenantId, paymentId)).map(toRefund) : [];
    },
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
