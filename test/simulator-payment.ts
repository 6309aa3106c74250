import type { Lang } from "#core/i18n/lang.ts";
import { type Payment, paymentPaths } from "#modules/payments/index.ts";
import { FormClient } from "./form-client.ts";
import { createTestPayment } from "./payment-platform.ts";
import type { TestApp } from "./server.ts";

/**
 * A payment of a seeded municipality, paid as a citizen pays it: an attempt at the payment platform simulator
 * of the app (started with `linksReachable`), SEPA direct debit on its hosted page, and the platform's signed
 * notification to our callback route. Resolves once our side has recorded the success.
 */
export async function payWithSimulator(
  t: TestApp,
  slug: string,
  input: { amountCents: number; email?: string; lang?: Lang; purpose?: string; serviceSlug?: string },
): Promise<Payment> {
  const tenant = await t.services.tenants.bySlug(slug);
  if (!tenant) throw new Error(`no municipality ${slug}`);
  const { payment } = await createTestPayment(t.database.db, t.services.payments, {
    tenantId: tenant.id,
    referencePrefix: tenant.referencePrefix,
    ...input,
  });
  const { redirectUrl } = await t.services.payments.startAttempt({
    tenantId: tenant.id,
    tenantSlug: slug,
    paymentId: payment.id,
    actor: "citizen",
    returnUrl: `${t.url}/${slug}`,
    callbackUrl: `${t.url}${paymentPaths.notifications(slug, "epay-sim")}`,
  });
  const citizen = new FormClient(t.url);
  const page = new URL(redirectUrl).pathname;
  await citizen.get(page);
  const paid = await citizen.post(page, {
    method: "sepa",
    iban: "DE02120300000000202051",
    accountHolder: "Erika Mustermann",
    mandate: "yes",
    action: "pay",
  });
  if (paid.status !== 303) throw new Error(`the simulator answered ${paid.status}`);
  for (let tries = 0; tries < 100; tries++) {
    const current = await t.services.payments.get(tenant.id, payment.id);
    if (current?.state === "succeeded") return current;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the payment did not succeed");
}
