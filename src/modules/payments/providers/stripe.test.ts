import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AttemptRequest } from "../provider.ts";
import { NotificationIgnored, NotificationRejected, ProviderUnavailable } from "../provider.ts";
import { createStripeProvider, stripeSignatureHeader } from "./stripe.ts";

const webhookSecret = "whsec_test_secret_for_the_tests";

interface Seen {
  method: string;
  path: string;
  form: URLSearchParams;
  headers: IncomingMessage["headers"];
}

/** The three Stripe API endpoints the adapter uses, answered locally as Stripe would (form bodies in, JSON out). */
function fakeStripeApi(seen: Seen[]): Server {
  return createServer(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    const path = request.url ?? "";
    seen.push({
      method: request.method ?? "",
      path,
      form: new URLSearchParams(body),
      headers: request.headers,
    });
    const json = (status: number, value: object) =>
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
    if (request.method === "POST" && path === "/v1/checkout/sessions")
      return json(200, {
        id: "cs_test_1",
        object: "checkout.session",
        url: "https://checkout.stripe.test/c/pay/cs_test_1",
      });
    if (request.method === "GET" && path === "/v1/checkout/sessions/cs_test_1")
      return json(200, { id: "cs_test_1", object: "checkout.session", payment_intent: "pi_test_1" });
    if (request.method === "GET" && path === "/v1/checkout/sessions/cs_unpaid")
      return json(200, { id: "cs_unpaid", object: "checkout.session", payment_intent: null });
    if (request.method === "POST" && path === "/v1/refunds")
      return json(200, {
        id: "re_test_1",
        object: "refund",
        amount: Number(new URLSearchParams(body).get("amount")),
      });
    return json(404, { error: { type: "invalid_request_error", message: `No such route ${path}` } });
  });
}

const attempt: AttemptRequest = {
  tenantSlug: "usingen",
  payeeName: "Stadt Usingen",
  kassenzeichen: "USI-2026-K000042",
  attemptId: "0195d2a0-0000-7000-8000-000000000001",
  amountCents: 3070,
  currency: "EUR",
  purpose: "Bewohnerparkausweis",
  email: "erika@example.de",
  lang: "de",
  returnUrl: "http://127.0.0.1:3000/usingen/zahlungen/p1/rueckkehr",
  callbackUrl: "http://127.0.0.1:3000/api/v1/usingen/payments/notifications/stripe",
};

function sessionEvent(type: string, session: Record<string, unknown>) {
  return JSON.stringify({
    id: "evt_test_1",
    object: "event",
    type,
    data: {
      object: {
        id: "cs_test_1",
        object: "checkout.session",
        amount_total: 3070,
        currency: "eur",
        client_reference_id: attempt.attemptId,
        metadata: { kassenzeichen: attempt.kassenzeichen, attemptId: attempt.attemptId, tenant: "usingen" },
        payment_method_types: ["card"],
        payment_status: "paid",
        ...session,
      },
    },
  });
}

const signed = (payload: string, options: { secret?: string; timestamp?: number } = {}) => ({
  [stripeSignatureHeader]: Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? webhookSecret,
    timestamp: options.timestamp,
  }),
});

describe("Stripe provider", () => {
  const seen: Seen[] = [];
  const server = fakeStripeApi(seen);
  let provider: ReturnType<typeof createStripeProvider>;

  beforeAll(async () => {
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    provider = createStripeProvider({
      secretKey: "sk_test_local",
      webhookSecret,
      apiUrl: `http://127.0.0.1:${port}`,
    });
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("starts an attempt as a Checkout Session for the amount, naming our attempt and Kassenzeichen", async () => {
    seen.length = 0;
    const started = await provider.startAttempt(attempt);
    expect(started).toEqual({
      providerPaymentId: "cs_test_1",
      redirectUrl: "https://checkout.stripe.test/c/pay/cs_test_1",
    });
    const [request] = seen;
    expect(request?.headers.authorization).toBe("Bearer sk_test_local");
    expect(request?.headers["idempotency-key"]).toBe(`attempt-${attempt.attemptId}`);
    expect(Object.fromEntries(request?.form ?? [])).toMatchObject({
      mode: "payment",
      "line_items[0][quantity]": "1",
      "line_items[0][price_data][currency]": "eur",
      "line_items[0][price_data][unit_amount]": "3070",
      "line_items[0][price_data][product_data][name]": "Bewohnerparkausweis",
      client_reference_id: attempt.attemptId,
      "metadata[kassenzeichen]": "USI-2026-K000042",
      "metadata[attemptId]": attempt.attemptId,
      "metadata[tenant]": "usingen",
      customer_email: "erika@example.de",
      locale: "de",
      success_url: attempt.returnUrl,
      cancel_url: attempt.returnUrl,
    });
  });

  it("refunds on the session's payment intent", async () => {
    seen.length = 0;
    const refundId = await provider.refund({
      providerPaymentId: "cs_test_1",
      amountCents: 1000,
      reason: "Doppelt",
    });
    expect(refundId).toBe("re_test_1");
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /v1/checkout/sessions/cs_test_1",
      "POST /v1/refunds",
    ]);
    expect(Object.fromEntries(seen[1]?.form ?? [])).toMatchObject({
      payment_intent: "pi_test_1",
      amount: "1000",
      reason: "requested_by_customer",
      "metadata[reason]": "Doppelt",
    });
  });

  it("reports a refund Stripe cannot do, or an unknown session, as ProviderUnavailable", async () => {
    const refund = (providerPaymentId: string) =>
      provider.refund({ providerPaymentId, amountCents: 1, reason: "x" });
    await expect(refund("cs_unpaid")).rejects.toBeInstanceOf(ProviderUnavailable);
    await expect(refund("cs_missing")).rejects.toBeInstanceOf(ProviderUnavailable);
  });

  it.each([
    ["checkout.session.completed", {}, "succeeded"],
    ["checkout.session.async_payment_succeeded", {}, "succeeded"],
    ["checkout.session.async_payment_failed", { payment_status: "unpaid" }, "failed"],
    ["checkout.session.expired", { payment_status: "unpaid" }, "expired"],
  ] as const)("reads a signed %s event as %s", (type, session, outcome) => {
    const payload = sessionEvent(type, session);
    expect(provider.verifyNotification(Buffer.from(payload), signed(payload))).toEqual({
      providerPaymentId: "cs_test_1",
      attemptId: attempt.attemptId,
      kassenzeichen: "USI-2026-K000042",
      outcome,
      amountCents: 3070,
      currency: "EUR",
      method: "card",
      eventId: "evt_test_1",
    });
  });

  it("ignores a completed but unpaid session (direct debit pending) and events it does not use", () => {
    const pending = sessionEvent("checkout.session.completed", { payment_status: "unpaid" });
    expect(() => provider.verifyNotification(Buffer.from(pending), signed(pending))).toThrow(
      NotificationIgnored,
    );
    const other = JSON.stringify({
      id: "evt_2",
      object: "event",
      type: "customer.created",
      data: { object: {} },
    });
    expect(() => provider.verifyNotification(Buffer.from(other), signed(other))).toThrow(NotificationIgnored);
  });

  it("rejects forged, stale, wrongly signed and unsigned events", () => {
    const payload = sessionEvent("checkout.session.completed", {});
    const forged = payload.replace('"amount_total":3070', '"amount_total":1');
    const rejected = (body: string, headers: Record<string, string | undefined>) => {
      try {
        provider.verifyNotification(Buffer.from(body), headers);
      } catch (error) {
        expect(error).toBeInstanceOf(NotificationRejected);
        expect(error).not.toBeInstanceOf(NotificationIgnored);
        return true;
      }
      return false;
    };
    expect(rejected(forged, signed(payload))).toBe(true);
    expect(rejected(payload, signed(payload, { timestamp: Math.floor(Date.now() / 1000) - 600 }))).toBe(true);
    expect(rejected(payload, signed(payload, { secret: "whsec_someone_else" }))).toBe(true);
    expect(rejected(payload, {})).toBe(true);
    expect(rejected("not json", signed("not json"))).toBe(true);
  });
});
