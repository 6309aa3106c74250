import { randomUUID } from "node:crypto";
import type { Driver } from "#core/db/connect.ts";
import { type Db, inTransaction } from "#core/db/transaction.ts";
import { createJobQueue } from "#core/jobs/index.ts";
import {
  type AttemptRequest,
  createPaymentsService,
  type NewPayment,
  type Payment,
  type PaymentProvider,
  type PaymentsService,
  ProviderUnavailable,
} from "#modules/payments/index.ts";
import type { EpayFinalStatus, EpayNotification } from "#modules/payments/providers/epay-protocol.ts";
import { epaySignatureHeader, signEpayNotification } from "#modules/payments/providers/epay-signature.ts";
import { createEpayProvider } from "#modules/payments/providers/epay-sim.ts";
import { freshDatabase } from "./db.ts";
import { insertTenantRow } from "./tenant-rows.ts";

export const testPlatformSecret = "test-platform-secret-0123456789abcdef";

/**
 * The ePayBL-style platform for tests of the payments core without its simulator: notifications are verified
 * by the real merchant side (providers/epay-sim.ts with the real signature code); starting attempts and
 * refunds are recorded instead of sent over HTTP.
 */
export function testPlatform(options: { unreachable?: boolean } = {}) {
  const merchant = createEpayProvider({ url: "http://127.0.0.1:9", secret: testPlatformSecret });
  const started: AttemptRequest[] = [];
  const refunded: { providerPaymentId: string; amountCents: number; reason: string }[] = [];
  const provider: PaymentProvider = {
    name: "epay-sim",
    async startAttempt(request) {
      if (options.unreachable) throw new ProviderUnavailable("payment platform not reachable");
      started.push(request);
      return {
        providerPaymentId: `sim-${request.attemptId}`,
        redirectUrl: `https://pay.test/${request.attemptId}`,
      };
    },
    verifyNotification: merchant.verifyNotification,
    async refund(request) {
      if (options.unreachable) throw new ProviderUnavailable("payment platform not reachable");
      refunded.push(request);
      return `refund-${refunded.length}`;
    },
  };
  return { provider, started, refunded };
}

/** The platform's notification of `status` for an attempt of `payment`, as the platform would word it. */
export function epayNotificationFor(
  payment: Pick<Payment, "kassenzeichen" | "amountCents">,
  attemptId: string,
  status: EpayFinalStatus,
  changes: Partial<EpayNotification> = {},
): EpayNotification {
  return {
    eventId: randomUUID(),
    paymentId: `sim-${attemptId}`,
    merchantReference: attemptId,
    kassenzeichen: payment.kassenzeichen,
    status,
    amountCents: payment.amountCents,
    currency: "EUR",
    method: "sepa",
    occurredAt: new Date().toISOString(),
    ...changes,
  };
}

/** The body and signature header the platform posts; `secret` and `at` may be forged or stale. */
export function signed(
  notification: unknown,
  options: { secret?: string; at?: Date } = {},
): { body: Buffer; headers: Record<string, string> } {
  const body = Buffer.from(JSON.stringify(notification));
  const signature = signEpayNotification(options.secret ?? testPlatformSecret, body, options.at);
  return { body, headers: { "content-type": "application/json", [epaySignatureHeader]: signature } };
}

/** A payment of 25,00 € for tests, made in a transaction of its own as the submission would. */
export function createTestPayment(
  db: Db,
  payments: PaymentsService,
  input: Partial<NewPayment> & { tenantId: string },
) {
  return inTransaction(db, (tx) =>
    payments.create(tx, {
      referencePrefix: "USI",
      applicationId: null,
      serviceSlug: "bewohnerparkausweis",
      purpose: "Bewohnerparkausweis",
      amountCents: 2500,
      citizenId: null,
      email: "buerger@example.org",
      lang: "de",
      ...input,
    }),
  );
}

/**
 * A fresh database with two municipalities and the payments service on the test platform (attempts of 30
 * minutes); `start` begins an attempt and returns its id.
 */
export async function paymentsTestBed(driver: Driver) {
  const database = await freshDatabase(driver);
  const usingen = await insertTenantRow(database.db, "usingen");
  const other = await insertTenantRow(database.db, "other");
  const platform = testPlatform();
  const payments = createPaymentsService(database.db, {
    providers: { "epay-sim": platform.provider },
    jobs: createJobQueue(database.db),
    attemptMinutes: 30,
  });
  const start = async (paymentId: string, tenantId = usingen): Promise<string> => {
    await payments.startAttempt({
      tenantId,
      tenantSlug: "usingen",
      paymentId,
      actor: "citizen",
      returnUrl: "http://localhost/zurueck",
      callbackUrl: "http://localhost/api/v1/usingen/payments/notifications/epay-sim",
    });
    const attemptId = platform.started.at(-1)?.attemptId;
    if (!attemptId) throw new Error("no attempt started");
    return attemptId;
  };
  return { database, usingen, other, platform, payments, start };
}
