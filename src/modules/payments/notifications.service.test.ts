import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#core/db/connect.ts";
import { createJobQueue } from "#core/jobs/index.ts";
import { testDrivers } from "#test/db.ts";
import { createTestPayment, epayNotificationFor, paymentsTestBed, signed } from "#test/payment-platform.ts";
import { paymentReceiptQueue } from "./notifications.service.ts";
import type { Payment } from "./payments.model.ts";
import { createPaymentsService, type PaymentsService } from "./payments.service.ts";
import { NotificationRejected } from "./provider.ts";

const minute = 60_000;

describe.each(testDrivers())("payment notifications on %s", (driver) => {
  let bed: Awaited<ReturnType<typeof paymentsTestBed>>;
  let database: DatabaseHandle;
  let usingen: string;
  let other: string;
  let payments: PaymentsService;

  beforeAll(async () => {
    bed = await paymentsTestBed(driver);
    ({ database, usingen, other, payments } = bed);
  });
  afterAll(() => bed?.database.close());

  const start = (paymentId: string) => bed.start(paymentId);

  const started = async (): Promise<{ payment: Payment; attemptId: string }> => {
    const { payment } = await createTestPayment(database.db, payments, { tenantId: usingen });
    return { payment, attemptId: await start(payment.id) };
  };

  const apply = (notification: unknown, options: { tenantId?: string; secret?: string; at?: Date } = {}) => {
    const { body, headers } = signed(notification, options);
    return payments.applyNotification(options.tenantId ?? usingen, "epay-sim", body, headers);
  };

  const receiptJobs = async (paymentId: string) =>
    (
      await database.db
        .selectFrom("jobs")
        .select("payload")
        .where("queue", "=", paymentReceiptQueue)
        .execute()
    ).filter((job) => (job.payload as { paymentId: string }).paymentId === paymentId);

  /** Everything a notification could change about a payment. */
  const snapshot = async (paymentId: string) => ({
    payment: await database.db
      .selectFrom("payments")
      .selectAll()
      .where("id", "=", paymentId)
      .executeTakeFirst(),
    attempts: await database.db
      .selectFrom("payment_attempts")
      .selectAll()
      .where("payment_id", "=", paymentId)
      .orderBy("attempt_no")
      .execute(),
    transitions: (await payments.transitions(usingen, paymentId)).length,
    jobs: (await receiptJobs(paymentId)).length,
  });

  it("applies a success exactly once under concurrent duplicates and replays, with one receipt job", async () => {
    const { payment, attemptId } = await started();
    const success = epayNotificationFor(payment, attemptId, "PAYED", { method: "giropay" });
    const concurrent = await Promise.all(Array.from({ length: 50 }, () => apply(success)));
    expect(concurrent.filter((r) => r.changed)).toHaveLength(1);
    for (let i = 0; i < 100; i++) expect((await apply(success)).changed).toBe(false);
    const now = await payments.get(usingen, payment.id);
    expect(now).toMatchObject({
      state: "succeeded",
      providerPaymentId: `sim-${attemptId}`,
      method: "giropay",
      refundableCents: 2500,
    });
    expect(now?.succeededAt).toBeInstanceOf(Date);
    const transitions = await payments.transitions(usingen, payment.id);
    expect(transitions.filter((t) => t.to === "succeeded")).toMatchObject([
      {
        from: "started",
        actor: "platform:epay-sim",
        attemptId,
        providerReference: `sim-${attemptId}`,
        amountCents: 2500,
      },
    ]);
    expect(await receiptJobs(payment.id)).toEqual([
      { payload: { tenantId: usingen, paymentId: payment.id } },
    ]);
  });

  it("ignores a failure that arrives after the success", async () => {
    const { payment, attemptId } = await started();
    await apply(epayNotificationFor(payment, attemptId, "PAYED"));
    const before = await snapshot(payment.id);
    const late = await apply(epayNotificationFor(payment, attemptId, "FAILED"));
    expect(late).toMatchObject({ changed: false, payment: { state: "succeeded" } });
    expect(late.note).toMatch(/ignored/);
    expect(await snapshot(payment.id)).toEqual(before);
  });

  it("moves a started payment to failed or cancelled, and a retry may then succeed", async () => {
    const { payment, attemptId } = await started();
    expect(await apply(epayNotificationFor(payment, attemptId, "CANCELED"))).toMatchObject({
      changed: true,
      payment: { state: "cancelled" },
    });
    const second = await start(payment.id);
    expect(await apply(epayNotificationFor(payment, second, "FAILED"))).toMatchObject({
      payment: { state: "failed" },
    });
    const third = await start(payment.id);
    expect(await apply(epayNotificationFor(payment, third, "PAYED"))).toMatchObject({
      payment: { state: "succeeded", providerPaymentId: `sim-${third}` },
    });
    expect((await payments.transitions(usingen, payment.id)).map((t) => `${t.from}→${t.to}`)).toEqual([
      "created→created",
      "created→started",
      "started→cancelled",
      "cancelled→started",
      "started→failed",
      "failed→started",
      "started→succeeded",
    ]);
  });

  it("lets a late success of an older attempt pay the payment, and records a second success as a double payment", async () => {
    const { payment, attemptId: first } = await started();
    await payments.expireStale(new Date(Date.now() + 31 * minute));
    const second = await start(payment.id);
    // The citizen had paid in the first attempt's window after all; the platform reports it late.
    const late = await apply(epayNotificationFor(payment, first, "PAYED"));
    expect(late).toMatchObject({
      changed: true,
      payment: { state: "succeeded", providerPaymentId: `sim-${first}` },
    });
    // The newer attempt's failure, and its expiry, no longer touch the paid payment.
    expect(await apply(epayNotificationFor(payment, second, "EXPIRED"))).toMatchObject({
      changed: false,
      payment: { state: "succeeded" },
    });
    // Paid a second time in the newer attempt: recorded on the attempt, the payment stays paid by the first.
    const third = await start(payment.id).catch((error: unknown) => error);
    expect(third).toMatchObject({ reason: "state", state: "succeeded" });
    const { payment: twice } = await createTestPayment(database.db, payments, { tenantId: usingen });
    const a = await start(twice.id);
    await payments.expireStale(new Date(Date.now() + 31 * minute));
    const b = await start(twice.id);
    await apply(epayNotificationFor(twice, b, "PAYED"));
    const double = await apply(epayNotificationFor(twice, a, "PAYED"));
    expect(double).toMatchObject({
      changed: false,
      payment: { state: "succeeded", providerPaymentId: `sim-${b}` },
    });
    expect(double.note).toMatch(/double payment/);
    const attempts = await snapshot(twice.id);
    expect(attempts.attempts.map((x) => x.state)).toEqual(["succeeded", "succeeded"]);
    expect(attempts.jobs).toBe(1);
    expect((await payments.transitions(usingen, twice.id)).filter((t) => t.to === "succeeded")).toHaveLength(
      1,
    );
  });

  it("reopens an expired payment when the platform reports a success after the expiry", async () => {
    const { payment, attemptId } = await started();
    await payments.expireStale(new Date(Date.now() + 31 * minute));
    expect((await payments.get(usingen, payment.id))?.state).toBe("expired");
    await apply(epayNotificationFor(payment, attemptId, "PAYED"));
    expect((await payments.transitions(usingen, payment.id)).slice(-3)).toMatchObject([
      { from: "started", to: "expired", actor: "system" },
      {
        from: "expired",
        to: "started",
        actor: "platform:epay-sim",
        reason: expect.stringMatching(/late success/),
      },
      { from: "started", to: "succeeded", actor: "platform:epay-sim" },
    ]);
    expect((await receiptJobs(payment.id)).length).toBe(1);
  });

  it("runs onSucceeded once, inside the success's transaction; if it fails, nothing changes", async () => {
    const seen: string[] = [];
    let failing = true;
    const hooked = createPaymentsService(database.db, {
      providers: { "epay-sim": bed.platform.provider },
      jobs: createJobQueue(database.db),
      attemptMinutes: 30,
      onSucceeded: async (tx, payment) => {
        const row = await tx
          .selectFrom("payments")
          .select("state")
          .where("id", "=", payment.id)
          .executeTakeFirst();
        if (failing) throw new Error("marking the application failed");
        seen.push(`${payment.id}:${row?.state}`);
      },
    });
    const { payment, attemptId } = await started();
    const { body, headers } = signed(epayNotificationFor(payment, attemptId, "PAYED"));
    const before = await snapshot(payment.id);
    await expect(hooked.applyNotification(usingen, "epay-sim", body, headers)).rejects.toThrow(
      /application failed/,
    );
    expect(await snapshot(payment.id)).toEqual(before);
    failing = false;
    await Promise.all(
      Array.from({ length: 20 }, () => hooked.applyNotification(usingen, "epay-sim", body, headers)),
    );
    expect(seen).toEqual([`${payment.id}:succeeded`]);
  });

  describe("rejects without changing anything", () => {
    const cases: [string, (p: Payment, attemptId: string) => Parameters<typeof apply>, RegExp][] = [
      [
        "a forged signature",
        (p, a) => [epayNotificationFor(p, a, "PAYED"), { secret: "forged-secret" }],
        /signature mismatch/,
      ],
      [
        "a stale timestamp",
        (p, a) => [epayNotificationFor(p, a, "PAYED"), { at: new Date(Date.now() - 10 * minute) }],
        /signature stale/,
      ],
      ["a wrong amount", (p, a) => [epayNotificationFor(p, a, "PAYED", { amountCents: 1 })], /amount/],
      ["a wrong currency", (p, a) => [epayNotificationFor(p, a, "PAYED", { currency: "USD" })], /currency/],
      [
        "an unknown Kassenzeichen",
        (p, a) => [epayNotificationFor(p, a, "PAYED", { kassenzeichen: "USI-2026-K999999" })],
        /Kassenzeichen/,
      ],
      [
        "an unknown attempt",
        (p) => [epayNotificationFor(p, "0190f4a0-0000-7000-8000-00000000beef", "PAYED")],
        /unknown attempt/,
      ],
      [
        "a malformed attempt id",
        (p) => [epayNotificationFor(p, "x'; drop table payments; --", "PAYED")],
        /attempt id/,
      ],
      [
        "another platform payment id",
        (p, a) => [epayNotificationFor(p, a, "PAYED", { paymentId: "sim-someone-else" })],
        /platform payment id/,
      ],
      ["an unparseable body", () => [{ hello: "world" }], /unparseable/],
      [
        "the payment of another municipality",
        (p, a) => [epayNotificationFor(p, a, "PAYED"), { tenantId: other }],
        /unknown attempt/,
      ],
    ];

    it.each(cases)("%s", async (_name, build, reason) => {
      const { payment, attemptId } = await started();
      const before = await snapshot(payment.id);
      const [notification, options] = build(payment, attemptId);
      const error = await apply(notification, options).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(NotificationRejected);
      expect((error as NotificationRejected).reason).toMatch(reason);
      expect(await snapshot(payment.id)).toEqual(before);
    });

    it("a notification for a platform that is not configured", async () => {
      const { payment, attemptId } = await started();
      const before = await snapshot(payment.id);
      const { body, headers } = signed(epayNotificationFor(payment, attemptId, "PAYED"));
      await expect(payments.applyNotification(usingen, "stripe", body, headers)).rejects.toBeInstanceOf(
        NotificationRejected,
      );
      expect(await snapshot(payment.id)).toEqual(before);
    });
  });
});
