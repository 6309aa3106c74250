import type { FastifyInstance } from "fastify";
import type { Db } from "#core/db/transaction.ts";
import type { FileStore } from "#core/files/index.ts";
import { runPeriodically } from "#core/jobs/hourly.ts";
import type { JobQueue } from "#core/jobs/index.ts";
import type { Mailer } from "#core/mail/index.ts";
import { registerTenantScoped, type TenantsService } from "#modules/tenants/index.ts";
import { handlePaymentReceipts } from "./payment-receipt.ts";
import { paymentsApiRoutes } from "./payments.api.ts";
import type { PaymentsService } from "./payments.service.ts";
import { treasuryApiRoutes } from "./treasury.api.ts";
import type { TreasuryService } from "./treasury.service.ts";

export {
  type NotificationResult,
  type PaymentReceiptJob,
  paymentReceiptQueue,
} from "./notifications.service.ts";
export {
  defaultPaymentSettings,
  kassenzeichenPatternProblem,
  type PatternProblem,
  type PaymentSettings,
  type SettingsChange,
  type SettingsSaved,
} from "./payment-settings.service.ts";
export { paymentMessages, paymentStateLabel } from "./payments.messages.ts";
export {
  type Payment,
  type PaymentActor,
  PaymentNotPayable,
  type PaymentRefund,
  type PaymentTransition,
  type RefundRefusal,
  RefundRefused,
} from "./payments.model.ts";
export { paymentPaths } from "./payments.paths.ts";
export type { AttemptState, PaymentState, PaymentsTables, ProviderName } from "./payments.schema.ts";
export {
  type AttemptStart,
  createPaymentsService,
  type NewPayment,
  type PaymentsOptions,
  type PaymentsService,
} from "./payments.service.ts";
export {
  assertTransition,
  canTransition,
  InvalidTransition,
  paidStates,
  paymentStates,
  paymentTransitions,
  type XBezahldiensteState,
  xBezahldiensteStates,
} from "./payments.states.ts";
export { type PaymentsBackOfficeOptions, paymentsBackOffice } from "./payments-staff.routes.tsx";
export {
  type AttemptRequest,
  NotificationIgnored,
  NotificationRejected,
  type PaymentProvider,
  ProviderUnavailable,
  type StartedAttempt,
  type VerifiedNotification,
} from "./provider.ts";
export { createPaymentProviders } from "./providers/index.ts";
export type { RefundRequest } from "./refunds.service.ts";
export { treasuryOpenApi } from "./treasury.openapi.ts";
export { createTreasuryService, type TreasuryService } from "./treasury.service.ts";
export { handlePaymentReceipts };

/**
 * The platforms' notification endpoint (/api/v1/{slug}/payments/notifications/{provider}), the timer that
 * expires attempts whose time ran out (every minute by default, and once at start), the payment receipt job
 * and the treasury's bookings API (/api/v1/{slug}/treasury/bookings).
 */
export async function registerPayments(
  app: FastifyInstance,
  opts: {
    payments: PaymentsService;
    tenants: TenantsService;
    expiryEveryMs?: number;
    treasury: TreasuryService;
    db: Db;
    jobs: JobQueue;
    mailer: Mailer;
    files: FileStore;
  },
): Promise<void> {
  runPeriodically(app, "payment expiry", opts.expiryEveryMs ?? 60_000, async () => ({
    attempts: await opts.payments.expireStale(),
  }));
  await app.register(paymentsApiRoutes, {
    prefix: "/api/v1",
    payments: opts.payments,
    tenants: opts.tenants,
  });
  handlePaymentReceipts(opts);
  const treasuryApi = { treasury: opts.treasury };
  await registerTenantScoped(
    app,
    opts.tenants,
    async (api) => {
      await api.register(treasuryApiRoutes, treasuryApi);
    },
    { under: "/api/v1" },
  );
}
