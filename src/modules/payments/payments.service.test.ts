import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#core/db/connect.ts";
import { uuidv7 } from "#core/db/ids.ts";
import { inTransaction } from "#core/db/transaction.ts";
import { createJobQueue } from "#core/jobs/index.ts";
import { testDrivers } from "#test/db.ts";
import {
  createTestPayment,
  epayNotificationFor,
  paymentsTestBed,
  signed,
  testPlatform,
} from "#test/payment-platform.ts";
import { insertTenantRow } from "#test/tenant-rows.ts";
import { PaymentNotPayable, RefundRefused } from "./payments.model.ts";
import { createPaymentsService, type PaymentsService } from "./payments.service.ts";

const minute = 60_000;
const year = new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", year: "numeric" }).format(
  new Date(),
);

describe.each(testDrivers())("payments on %s", (driver) => {
  let bed: Awaited<ReturnType<typeof paymentsTestBed>>;
  let database: DatabaseHandle;
  let usingen: string;
  let other: string;
  let payments: PaymentsService;
  let platform: ReturnType<typeof testPlatform>;
  const staffId = "0190f4a0-0000-7000-8000-000000000001";

  beforeAll(async () => {
    bed = await paymentsTestBed(driver);
    ({ database, usingen, other, payments, platform } = bed);
  });
  afterAll(() => bed?.database.close());

  const newPayment = (tenantId = usingen, amountCents = 2500) =>
    createTestPayment(database.db, payments, { tenantId, amountCents });
  const start = (tenantId: string, paymentId: string) => bed.start(paymentId, tenantId);

  const paid = async (amountCents = 2500) => {
    const { payment } = await newPayment(usingen, amountCents);
    const attemptId = await start(usingen, payment.id);
    const { body, headers } = signed(epayNotificationFor(payment, attemptId, "PAYED"));
    const result = await payments.applyNotification(usingen, "epay-sim", body, headers);
    expect(result.payment.state).toBe("succeeded");
    return result.payment;
  };

  describe("creation", () => {
    it("numbers Kassenzeichen by the default pattern, records the creation and stores only the secret's hash", async () => {
      const { payment, secret } = await newPayment(other);
      expect(payment.kassenzeichen).toBe(`USI-${year}-K000001`);
      expect(payment).toMatchObject({
        state: "created",
        amountCents: 2500,
        currency: "EUR",
        refundableCents: 0,
      });
      const row = await database.db
        .selectFrom("payments")
        .selectAll()
        .where("id", "=", payment.id)
        .executeTakeFirstOrThrow();
      expect(row.secret_hash).toBe(createHash("sha256").update(secret).digest("hex"));
      expect(JSON.stringify(row)).not.toContain(secret);
      expect(await payments.transitions(other, payment.id)).toMatchObject([
        { from: "created", to: "created", actor: "citizen", amountCents: 2500 },
      ]);
    });

    it("uses the municipality's pattern and counts without gaps, also when submissions roll back", async () => {
      const tenant = await insertTenantRow(database.db, "pattern-town");
      await database.db
        .insertInto("payment_settings")
        .values({ tenant_id: tenant, kassenzeichen_pattern: "KZ/{year}/{prefix}{number}" })
        .execute();
      expect((await payments.settings(tenant)).kassenzeichenPattern).toBe("KZ/{year}/{prefix}{number}");
      const results = await Promise.allSettled(
        Array.from({ length: 30 }, (_, i) =>
          inTransaction(database.db, async (tx) => {
            const { payment } = await payments.create(tx, {
              tenantId: tenant,
              referencePrefix: "PT",
              applicationId: null,
              serviceSlug: null,
              purpose: "Gebühr",
              amountCents: 100 + i,
              citizenId: null,
              email: null,
              lang: "de",
            });
            if (i % 6 === 0) throw new Error("submission failed later");
            return payment.kassenzeichen;
          }),
        ),
      );
      const numbers = results
        .flatMap((r) => (r.status === "fulfilled" ? [r.value] : []))
        .map((k) => {
          expect(k).toMatch(new RegExp(`^KZ/${year}/PT\\d{6}$`));
          return Number(k.slice(-6));
        })
        .sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    });

    it("lets the owner or the holder of the secret see a payment, nobody else", async () => {
      const citizenId = uuidv7();
      await database.db
        .insertInto("citizens")
        .values({ id: citizenId, email: "owner@example.org" })
        .execute();
      const { payment, secret } = await createTestPayment(database.db, payments, {
        tenantId: usingen,
        citizenId,
      });
      expect(await payments.accessible(usingen, payment.id, { secret })).toMatchObject({ id: payment.id });
      expect(await payments.accessible(usingen, payment.id, { secret: `${secret}x` })).toBeUndefined();
      expect(await payments.accessible(usingen, payment.id, {})).toBeUndefined();
      expect(await payments.accessible(other, payment.id, { secret })).toBeUndefined();
      expect(await payments.accessible(usingen, "not-a-uuid", { secret })).toBeUndefined();
      expect(await payments.accessible(usingen, payment.id, { citizenId })).toMatchObject({ id: payment.id });
      expect(await payments.accessible(usingen, payment.id, { citizenId: uuidv7() })).toBeUndefined();
    });

    it("finds the latest payment of each application", async () => {
      const application = "0190f4a0-0000-7000-8000-0000000000a1";
      await createTestPayment(database.db, payments, { tenantId: usingen, applicationId: application });
      const { payment: later } = await createTestPayment(database.db, payments, {
        tenantId: usingen,
        applicationId: application,
        amountCents: 999,
      });
      const found = await payments.forApplications(usingen, [application, "nonsense"]);
      expect([...found.keys()]).toEqual([application]);
      expect(found.get(application)?.id).toBe(later.id);
      expect((await payments.forApplications(other, [application])).size).toBe(0);
    });
  });

  describe("attempts and expiry", () => {
    it("starts an attempt, gives a running one up for a new one, and refuses one of a paid payment", async () => {
      const { payment } = await newPayment();
      const attemptId = await start(usingen, payment.id);
      expect(platform.started.at(-1)).toMatchObject({
        attemptId,
        kassenzeichen: payment.kassenzeichen,
        amountCents: 2500,
        currency: "EUR",
        tenantSlug: "usingen",
      });
      expect((await payments.get(usingen, payment.id))?.state).toBe("started");
      // Back from the platform's page without paying, the citizen asks again: attempt 1 is given up.
      const second = await start(usingen, payment.id);
      const attempts = await database.db
        .selectFrom("payment_attempts")
        .select(["id", "state"])
        .where("payment_id", "=", payment.id)
        .orderBy("attempt_no")
        .execute();
      expect(attempts).toEqual([
        { id: attemptId, state: "cancelled" },
        { id: second, state: "started" },
      ]);
      expect((await payments.transitions(usingen, payment.id)).map((step) => step.to)).toEqual([
        "created",
        "started",
        "cancelled",
        "started",
      ]);
      const settled = await paid();
      await expect(start(usingen, settled.id)).rejects.toBeInstanceOf(PaymentNotPayable);
      await expect(start(other, payment.id)).rejects.toMatchObject({ reason: "not_found" });
    });

    it("expires stale attempts and their payments; a retry starts attempt 2 on the same Kassenzeichen", async () => {
      const { payment } = await newPayment();
      const first = await start(usingen, payment.id);
      expect(await payments.expireStale(new Date(Date.now() + 29 * minute))).toBe(0);
      expect(await payments.expireStale(new Date(Date.now() + 31 * minute))).toBeGreaterThanOrEqual(1);
      expect(await payments.expireStale(new Date(Date.now() + 31 * minute))).toBe(0);
      expect((await payments.get(usingen, payment.id))?.state).toBe("expired");
      const second = await start(usingen, payment.id);
      expect(second).not.toBe(first);
      expect(platform.started.at(-1)?.kassenzeichen).toBe(payment.kassenzeichen);
      const attempts = await database.db
        .selectFrom("payment_attempts")
        .select(["id", "attempt_no", "state"])
        .where("payment_id", "=", payment.id)
        .orderBy("attempt_no")
        .execute();
      expect(attempts).toEqual([
        { id: first, attempt_no: 1, state: "expired" },
        { id: second, attempt_no: 2, state: "started" },
      ]);
      const transitions = await payments.transitions(usingen, payment.id);
      expect(transitions.map((t) => [t.from, t.to, t.actor, t.attemptId])).toEqual([
        ["created", "created", "citizen", null],
        ["created", "started", "citizen", first],
        ["started", "expired", "system", first],
        ["expired", "started", "citizen", second],
      ]);
    });

    it("gives an attempt up when the platform cannot be reached, so the citizen can retry", async () => {
      const down = testPlatform({ unreachable: true });
      const service = createPaymentsService(database.db, {
        providers: { "epay-sim": down.provider },
        jobs: createJobQueue(database.db),
        attemptMinutes: 30,
      });
      const { payment } = await newPayment();
      const request = {
        tenantId: usingen,
        tenantSlug: "usingen",
        paymentId: payment.id,
        actor: "citizen" as const,
      };
      await expect(
        service.startAttempt({ ...request, returnUrl: "http://x/", callbackUrl: "http://x/" }),
      ).rejects.toMatchObject({ reason: "platform_error" });
      expect((await payments.get(usingen, payment.id))?.state).toBe("failed");
      await start(usingen, payment.id);
      expect((await payments.get(usingen, payment.id))?.state).toBe("started");
    });

    it("refuses to start without a configured platform", async () => {
      const none = createPaymentsService(database.db, {
        providers: {},
        jobs: createJobQueue(database.db),
        attemptMinutes: 30,
      });
      const { payment } = await newPayment();
      await expect(
        none.startAttempt({
          tenantId: usingen,
          tenantSlug: "usingen",
          paymentId: payment.id,
          actor: "citizen",
          returnUrl: "http://x/",
          callbackUrl: "http://x/",
        }),
      ).rejects.toMatchObject({ reason: "no_provider" });
    });
  });

  describe("refunds", () => {
    const refund = (paymentId: string, amountCents: number, expectedRefundableCents: number) =>
      payments.refund({
        tenantId: usingen,
        paymentId,
        staffId,
        amountCents,
        reason: "Antrag zurückgenommen",
        expectedRefundableCents,
      });

    it("refunds fully, records the refund and the transition, and audits it", async () => {
      const payment = await paid();
      const refunded = await refund(payment.id, 2500, 2500);
      expect(refunded).toMatchObject({ state: "refunded", refundedCents: 2500, refundableCents: 0 });
      expect(platform.refunded.at(-1)).toMatchObject({
        providerPaymentId: payment.providerPaymentId,
        amountCents: 2500,
        reason: "Antrag zurückgenommen",
      });
      expect(await payments.refunds(usingen, payment.id)).toMatchObject([
        { amountCents: 2500, staffId, reason: "Antrag zurückgenommen", providerRefundId: expect.any(String) },
      ]);
      expect((await payments.transitions(usingen, payment.id)).at(-1)).toMatchObject({
        from: "succeeded",
        to: "refunded",
        actor: `staff:${staffId}`,
        amountCents: 2500,
        reason: "Antrag zurückgenommen",
      });
      const audit = await database.db
        .selectFrom("audit_log")
        .selectAll()
        .where("tenant_id", "=", usingen)
        .where("action", "=", "payment.refunded")
        .where("target", "=", payment.kassenzeichen)
        .execute();
      expect(audit).toMatchObject([{ actor_type: "staff", actor_id: staffId }]);
      await expect(refund(payment.id, 1, 0)).rejects.toMatchObject({ reason: "not_refundable" });
    });

    it("refunds in parts, refusing stale, duplicated and too large refunds", async () => {
      const payment = await paid(5000);
      const part = await refund(payment.id, 1000, 5000);
      expect(part).toMatchObject({ state: "partially_refunded", refundedCents: 1000, refundableCents: 4000 });
      // The same form posted again: it still says 5000 are refundable.
      await expect(refund(payment.id, 1000, 5000)).rejects.toMatchObject({ reason: "stale" });
      await expect(refund(payment.id, 4001, 4000)).rejects.toMatchObject({ reason: "too_much" });
      await expect(refund(payment.id, 0, 4000)).rejects.toMatchObject({ reason: "invalid" });
      await expect(refund(payment.id, 10.5, 4000)).rejects.toMatchObject({ reason: "invalid" });
      const second = await refund(payment.id, 1500, 4000);
      expect(second).toMatchObject({
        state: "partially_refunded",
        refundedCents: 2500,
        refundableCents: 2500,
      });
      const last = await refund(payment.id, 2500, 2500);
      expect(last).toMatchObject({ state: "refunded", refundedCents: 5000 });
      expect((await payments.refunds(usingen, payment.id)).map((r) => r.amountCents)).toEqual([
        1000, 1500, 2500,
      ]);
      expect(
        (await payments.transitions(usingen, payment.id))
          .filter((t) => t.actor.startsWith("staff:"))
          .map((t) => t.to),
      ).toEqual(["partially_refunded", "partially_refunded", "refunded"]);
    });

    it("lets only one of two concurrent identical refunds through", async () => {
      const payment = await paid(3000);
      const results = await Promise.allSettled([
        refund(payment.id, 3000, 3000),
        refund(payment.id, 3000, 3000),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected");
      expect(refused?.status === "rejected" && refused.reason).toBeInstanceOf(RefundRefused);
      expect(await payments.refunds(usingen, payment.id)).toHaveLength(1);
    });

    it("refuses refunds of unpaid, unknown and foreign payments", async () => {
      const { payment } = await newPayment();
      await expect(refund(payment.id, 100, 0)).rejects.toMatchObject({ reason: "not_refundable" });
      await expect(refund("0190f4a0-0000-7000-8000-00000000dead", 100, 100)).rejects.toMatchObject({
        reason: "not_found",
      });
      const foreign = await paid();
      await expect(
        payments.refund({
          tenantId: other,
          paymentId: foreign.id,
          staffId,
          amountCents: 100,
          reason: "x",
          expectedRefundableCents: 2500,
        }),
      ).rejects.toMatchObject({ reason: "not_found" });
    });
  });
});
