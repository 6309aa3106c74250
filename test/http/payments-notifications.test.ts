import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Payment, paymentPaths, paymentReceiptQueue } from "#modules/payments/index.ts";
import type { EpayNotification } from "#modules/payments/providers/epay-protocol.ts";
import { epaySignatureHeader } from "#modules/payments/providers/epay-signature.ts";
import type { Tenant } from "#modules/tenants/index.ts";
import { testDrivers } from "../db.ts";
import { createTestPayment, epayNotificationFor, signed } from "../payment-platform.ts";
import { rawRequest } from "../raw-request.ts";
import { startTestApp, type TestApp } from "../server.ts";

const minute = 60_000;

describe.each(testDrivers())("payment notifications over HTTP on %s", (driver) => {
  let t: TestApp;
  let usingen: Tenant;
  let secret: string;

  beforeAll(async () => {
    // PUBLIC_URL is the app itself, so the embedded platform simulator (/_dev/pay) answers attempts over HTTP.
    t = await startTestApp(driver, { linksReachable: true });
    const tenant = await t.services.tenants.bySlug("usingen");
    if (!tenant || !t.config.payments.epay) throw new Error("demo municipality or platform missing");
    usingen = tenant;
    secret = t.config.payments.epay.secret;
  });
  afterAll(() => t?.close());

  /** A payment of 25,00 € with an attempt started at the simulator, as the pay page would start it. */
  async function startedPayment(): Promise<{ payment: Payment; attemptId: string; platformId: string }> {
    const { payment } = await createTestPayment(t.database.db, t.services.payments, {
      tenantId: usingen.id,
      referencePrefix: usingen.referencePrefix,
    });
    await t.services.payments.startAttempt({
      tenantId: usingen.id,
      tenantSlug: usingen.slug,
      paymentId: payment.id,
      actor: "citizen",
      returnUrl: `${t.url}/usingen`,
      callbackUrl: `${t.url}${paymentPaths.notifications("usingen", "epay-sim")}`,
    });
    const attempt = await t.database.db
      .selectFrom("payment_attempts")
      .select(["id", "provider_payment_id"])
      .where("payment_id", "=", payment.id)
      .executeTakeFirstOrThrow();
    if (!attempt.provider_payment_id) throw new Error("the platform's id was not recorded");
    return { payment, attemptId: attempt.id, platformId: attempt.provider_payment_id };
  }

  const notification = (
    started: { payment: Payment; attemptId: string; platformId: string },
    status: EpayNotification["status"],
    changes: Partial<EpayNotification> = {},
  ) =>
    epayNotificationFor(started.payment, started.attemptId, status, {
      paymentId: started.platformId,
      ...changes,
    });

  const post = (
    body: Buffer | string,
    headers: Record<string, string>,
    slug = "usingen",
    provider = "epay-sim",
  ) =>
    rawRequest(t.url, `/api/v1/${slug}/payments/notifications/${provider}`, {
      method: "POST",
      headers,
      body,
    });

  const postSigned = (value: unknown, options: { secret?: string; at?: Date; slug?: string } = {}) => {
    const { body, headers } = signed(value, { secret: options.secret ?? secret, at: options.at });
    return post(body, headers, options.slug);
  };

  const problemType = (response: { status: number; headers: Record<string, unknown>; body: string }) => {
    expect(response.status).toBe(400);
    expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    return (JSON.parse(response.body) as { type: string }).type;
  };

  /** Everything a notification could change about a payment. */
  const snapshot = async (paymentId: string) => ({
    payment: await t.database.db
      .selectFrom("payments")
      .selectAll()
      .where("id", "=", paymentId)
      .executeTakeFirst(),
    attempts: await t.database.db
      .selectFrom("payment_attempts")
      .selectAll()
      .where("payment_id", "=", paymentId)
      .execute(),
    transitions: (await t.services.payments.transitions(usingen.id, paymentId)).length,
  });

  const receiptJobs = async (paymentId: string) =>
    (
      await t.database.db
        .selectFrom("jobs")
        .select("payload")
        .where("queue", "=", paymentReceiptQueue)
        .execute()
    ).filter((job) => (job.payload as { paymentId: string }).paymentId === paymentId);

  it("takes 1,000 replayed success notifications, 50 at a time, without a CSRF token: one success, one receipt job", async () => {
    const started = await startedPayment();
    const { body, headers } = signed(notification(started, "PAYED"), { secret });
    for (let round = 0; round < 20; round++) {
      const responses = await Promise.all(Array.from({ length: 50 }, () => post(body, headers)));
      for (const response of responses) {
        expect(response.status).toBe(200);
        expect(JSON.parse(response.body)).toEqual({ status: "ok" });
      }
    }
    const payment = await t.services.payments.get(usingen.id, started.payment.id);
    expect(payment).toMatchObject({ state: "succeeded", providerPaymentId: started.platformId });
    const transitions = await t.services.payments.transitions(usingen.id, started.payment.id);
    expect(transitions.filter((x) => x.to === "succeeded")).toHaveLength(1);
    expect(await receiptJobs(started.payment.id)).toHaveLength(1);
  });

  const rejections: [
    string,
    (s: Awaited<ReturnType<typeof startedPayment>>) => Promise<Awaited<ReturnType<typeof post>>>,
  ][] = [
    ["a forged signature", (s) => postSigned(notification(s, "PAYED"), { secret: "f".repeat(40) })],
    [
      "a stale timestamp",
      (s) => postSigned(notification(s, "PAYED"), { at: new Date(Date.now() - 10 * minute) }),
    ],
    ["a wrong amount", (s) => postSigned(notification(s, "PAYED", { amountCents: 250 }))],
    ["a wrong currency", (s) => postSigned(notification(s, "PAYED", { currency: "CHF" }))],
    [
      "an unknown Kassenzeichen",
      (s) => postSigned(notification(s, "PAYED", { kassenzeichen: "USI-1999-K000001" })),
    ],
    [
      "an unknown attempt",
      (s) =>
        postSigned(notification(s, "PAYED", { merchantReference: "0190f4a0-0000-7000-8000-00000000beef" })),
    ],
    [
      "an unknown platform payment id",
      (s) => postSigned(notification(s, "PAYED", { paymentId: "pay_unknown" })),
    ],
    [
      "no signature",
      (s) => post(JSON.stringify(notification(s, "PAYED")), { "content-type": "application/json" }),
    ],
    ["a signed body that is not JSON", () => postSigned("not json at all")],
    [
      "a signature over another body",
      async (s) => {
        const { headers } = signed(notification(s, "FAILED"), { secret });
        return post(JSON.stringify(notification(s, "PAYED")), headers);
      },
    ],
    [
      "tenant B's address for tenant A's payment",
      (s) => postSigned(notification(s, "PAYED"), { slug: "neu-anspach" }),
    ],
  ];

  it.each(rejections)("answers %s with 400 and changes nothing", async (_name, send) => {
    const started = await startedPayment();
    const before = await snapshot(started.payment.id);
    const response = await send(started);
    expect(problemType(response)).toBe("/problems/payment-notification-rejected");
    expect(await snapshot(started.payment.id)).toEqual(before);
    expect(await receiptJobs(started.payment.id)).toHaveLength(0);
  });

  it("answers unknown platforms and municipalities with their own problem types", async () => {
    const started = await startedPayment();
    const { body, headers } = signed(notification(started, "PAYED"), { secret });
    expect(problemType(await post(body, headers, "usingen", "paypal"))).toBe(
      "/problems/payment-provider-unknown",
    );
    // No Stripe keys in the test configuration: Stripe is not a platform of this installation.
    expect(problemType(await post(body, headers, "usingen", "stripe"))).toBe(
      "/problems/payment-provider-unknown",
    );
    expect(problemType(await post(body, headers, "nirgendwo"))).toBe("/problems/tenant-unknown");
    expect((await snapshot(started.payment.id)).payment?.state).toBe("started");
  });

  it("answers garbage with 4xx, never 500, and reads no body larger than 64 KB", async () => {
    const large = await post(Buffer.alloc(70_000, 0x7b), { "content-type": "application/json" });
    expect(large.status).toBe(413);
    const multipart = await post("--x--", { "content-type": "multipart/form-data; boundary=x" });
    expect([400, 415]).toContain(multipart.status);
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2000 }),
        fc.constantFrom(
          "application/json",
          "text/plain",
          "application/x-www-form-urlencoded",
          "application/octet-stream",
        ),
        fc.option(fc.string({ maxLength: 120 }), { nil: undefined }),
        async (bytes, contentType, signature) => {
          const headers: Record<string, string> = { "content-type": contentType };
          if (signature !== undefined && /^[\x20-\x7e]*$/.test(signature))
            headers[epaySignatureHeader] = signature;
          const response = await post(Buffer.from(bytes), headers);
          expect(response.status).toBe(400);
          expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
        },
      ),
      { numRuns: 150 },
    );
  });
});
