import type { Tx } from "#core/db/transaction.ts";
import type { JobQueue } from "#core/jobs/index.ts";
import { type ApplicationsService, receiptQueue } from "#modules/applications/index.ts";
import {
  type Payment,
  type PaymentActor,
  PaymentNotPayable,
  type PaymentsService,
  paymentPaths,
} from "#modules/payments/index.ts";
import type { Tenant } from "#modules/tenants/index.ts";

export interface PayFeeDependencies {
  payments: PaymentsService;
  publicUrl: string;
}

export type PayFeeStart =
  | { ok: true; redirectUrl: string }
  | { ok: false; reason: PaymentNotPayable["reason"] };

/**
 * Paying an application's fee: a new attempt at the municipality's payment platform for the payment's
 * Kassenzeichen (the first one or a retry after failure, cancel or expiry), answered with the platform's
 * hosted page to send the browser to. The platform reports the outcome to the notification endpoint (the
 * source of truth) and then sends the browser to `returnUrl`, which only shows the state.
 */
export async function startFeePayment(
  deps: PayFeeDependencies,
  input: { tenant: Tenant; payment: Payment; returnUrl: string; actor: PaymentActor },
): Promise<PayFeeStart> {
  const { tenant, payment } = input;
  const { provider } = await deps.payments.settings(tenant.id);
  try {
    const { redirectUrl } = await deps.payments.startAttempt({
      tenantId: tenant.id,
      tenantSlug: tenant.slug,
      payeeName: tenant.name,
      paymentId: payment.id,
      actor: input.actor,
      returnUrl: input.returnUrl,
      callbackUrl: `${deps.publicUrl}${paymentPaths.notifications(tenant.slug, provider)}`,
    });
    return { ok: true, redirectUrl };
  } catch (error) {
    if (error instanceof PaymentNotPayable) return { ok: false, reason: error.reason };
    throw error;
  }
}

/**
 * When a payment succeeds (inside the notification's transaction): its application is marked paid, and one
 * that waited for its fee is submitted now, with its receipt (PDF and mail) queued like any other.
 */
export function markApplicationPaid(deps: { applications: ApplicationsService; jobs: JobQueue }) {
  return async (tx: Tx, payment: Payment): Promise<void> => {
    if (!payment.applicationId) return;
    const marked = await deps.applications.markFeePaid(tx, payment.tenantId, payment.applicationId);
    if (!marked?.submittedNow) return;
    await deps.jobs.enqueue(tx, receiptQueue, {
      tenantId: payment.tenantId,
      applicationId: marked.application.id,
      statusSecret: marked.statusSecret,
    });
  };
}
