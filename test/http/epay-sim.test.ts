import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AttemptRequest, PaymentProvider } from "#modules/payments/provider.ts";
import { NotificationRejected, ProviderUnavailable } from "#modules/payments/provider.ts";
import { checkEpaySignature, epaySignatureHeader } from "#modules/payments/providers/epay-signature.ts";
import { createEpayProvider } from "#modules/payments/providers/epay-sim.ts";
import { createPaymentProviders } from "#modules/payments/providers/index.ts";
import { FormClient, textOf } from "../form-client.ts";
import { type CallbackListener, startCallbackListener } from "../payment-callback.ts";
import { startTestApp, type TestApp } from "../server.ts";

/**
 * The payment platform simulator at /_dev/pay, driven as in production: our merchant side starts attempts
 * and refunds over real HTTP, a cookie-keeping client plays the citizen's browser on the hosted page, and the
 * platform's notifications arrive at a small local listener standing in for our callback route.
 */

describe("payment platform simulator", () => {
  let t: TestApp;
  let provider: PaymentProvider;
  let callback: CallbackListener;
  let attemptNo = 0;

  const attempt = (overrides: Partial<AttemptRequest> = {}): AttemptRequest => ({
    tenantSlug: "usingen",
    payeeName: "Stadt Usingen",
    kassenzeichen: "USI-2026-K000042",
    attemptId: `attempt-${++attemptNo}`,
    amountCents: 3070,
    currency: "EUR",
    purpose: "Bewohnerparkausweis Zone A",
    email: "erika@example.de",
    lang: "de",
    returnUrl: `${t.url}/usingen/zahlungen/p1/rueckkehr`,
    callbackUrl: callback.url,
    ...overrides,
  });

  /** A started attempt and the citizen's browser on its hosted page. */
  async function openPage(overrides: Partial<AttemptRequest> = {}) {
    const request = attempt(overrides);
    const started = await provider.startAttempt(request);
    const browser = new FormClient(t.url);
    const page = await browser.get(started.redirectUrl);
    return { request, started, browser, page, path: new URL(started.redirectUrl).pathname };
  }

  beforeAll(async () => {
    callback = await startCallbackListener();
    t = await startTestApp("pglite", { linksReachable: true, seed: false });
    const providers = createPaymentProviders(t.config.payments);
    provider = providers["epay-sim"] as PaymentProvider;
    expect(providers.stripe).toBeUndefined();
  });
  afterAll(async () => {
    await t?.close();
    await callback?.close();
  });

  it("is embedded at PUBLIC_URL/_dev/pay, which the app really listens on", () => {
    expect(t.config.payments.epay).toMatchObject({ url: `${t.url}/_dev/pay`, embedded: true });
  });

  it("starts an attempt over HTTP and shows the hosted page, labelled as the simulator", async () => {
    const { started, page } = await openPage();
    expect(started.providerPaymentId).toMatch(/^ep_[0-9a-f]{24}$/);
    expect(started.redirectUrl).toBe(`${t.url}/_dev/pay/${started.providerPaymentId}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    const text = textOf(page.html);
    expect(text).toContain("Bezahlplattform (Simulator)");
    for (const fact of ["Stadt Usingen", "Bewohnerparkausweis Zone A", "USI-2026-K000042", "30,70 €"])
      expect(text).toContain(fact);
    for (const button of ["Jetzt bezahlen", "Abbrechen", "Zahlung fehlschlagen lassen"])
      expect(text).toContain(button);
    expect(text).toContain("4242 4242 4242 4242");
  });

  it("shows the page in English too", async () => {
    const { browser, path } = await openPage({ lang: "en" });
    const text = textOf((await browser.get(`${path}?lang=en`)).html);
    expect(text).toContain("Payment platform (simulator)");
    expect(text).toContain("Pay now");
  });

  it("pays by direct debit: bad IBAN shown at its field, then success notified, signed, and the browser sent back", async () => {
    const { request, started, browser, path } = await openPage();
    const sepa = { method: "sepa", iban: "DE03 1203 0000 0000 2020 51", accountHolder: "Erika Mustermann" };
    const invalid = await browser.post(path, { ...sepa, mandate: "yes", action: "pay" });
    expect(invalid.status).toBe(422);
    expect(invalid.html).toContain('href="#field-iban"');
    expect(textOf(invalid.html)).toContain("Prüfen Sie die IBAN: Die Prüfziffer passt nicht");
    expect(invalid.html).toContain('value="DE03 1203 0000 0000 2020 51"');
    expect(invalid.html).toContain('value="Erika Mustermann"');
    expect(textOf(invalid.html)).toMatch(/^Fehler: Bezahlen/);

    const noMandate = await browser.post(path, { ...sepa, iban: "DE02120300000000202051", action: "pay" });
    expect(noMandate.status).toBe(422);
    expect(noMandate.html).toContain('href="#field-mandate"');

    const before = callback.received.length;
    const paid = await browser.post(path, {
      ...sepa,
      iban: "DE02120300000000202051",
      mandate: "yes",
      action: "pay",
    });
    expect(paid.status).toBe(303);
    expect(paid.location).toBe(request.returnUrl);
    const [notification] = (await callback.until(before + 1)).slice(before);
    const header = notification?.headers[epaySignatureHeader] as string;
    expect(checkEpaySignature(t.config.payments.epay?.secret ?? "", notification?.body ?? "", header)).toBe(
      "valid",
    );
    expect(
      provider.verifyNotification(notification?.body ?? Buffer.alloc(0), notification?.headers ?? {}),
    ).toEqual({
      providerPaymentId: started.providerPaymentId,
      attemptId: request.attemptId,
      kassenzeichen: "USI-2026-K000042",
      outcome: "succeeded",
      amountCents: 3070,
      currency: "EUR",
      method: "sepa",
      eventId: expect.stringMatching(/^ev_/),
    });

    // A second submit (back button) changes nothing and notifies nobody; the page says it is finished.
    const again = await browser.post(path, { action: "cancel" });
    expect(again.location).toBe(request.returnUrl);
    expect(textOf((await browser.get(path)).html)).toContain("Zahlung bereits abgeschlossen");
    expect(callback.received.length).toBe(before + 1);
  });

  it("pays by credit card only with a number that passes the Luhn check", async () => {
    const { browser, path } = await openPage();
    const bad = await browser.post(path, {
      method: "creditcard",
      cardNumber: "4242 4242 4242 4241",
      cardExpiry: "12/99",
    });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('href="#field-cardNumber"');
    const before = callback.received.length;
    const paid = await browser.post(path, {
      method: "creditcard",
      cardNumber: "4242 4242 4242 4242",
      cardExpiry: "12/99",
    });
    expect(paid.status).toBe(303);
    const [notification] = (await callback.until(before + 1)).slice(before);
    const verified = provider.verifyNotification(
      notification?.body ?? Buffer.alloc(0),
      notification?.headers ?? {},
    );
    expect(verified).toMatchObject({ outcome: "succeeded", method: "creditcard" });
  });

  it("asks for a payment method before paying", async () => {
    const { browser, path } = await openPage();
    const page = await browser.post(path, { action: "pay" });
    expect(page.status).toBe(422);
    expect(page.html).toContain('href="#field-method"');
  });

  it.each([
    ["fail", "failed"],
    ["cancel", "cancelled"],
  ] as const)("lets the citizen %s, and notifies the merchant", async (action, outcome) => {
    const { request, browser, path } = await openPage();
    const before = callback.received.length;
    const page = await browser.post(path, { action });
    expect(page.location).toBe(request.returnUrl);
    const [notification] = (await callback.until(before + 1)).slice(before);
    const verified = provider.verifyNotification(
      notification?.body ?? Buffer.alloc(0),
      notification?.headers ?? {},
    );
    expect(verified).toMatchObject({ outcome, attemptId: request.attemptId, method: null });
  });

  it("delivers a notification again while the merchant does not answer 2xx", async () => {
    const { browser, path } = await openPage();
    const before = callback.received.length;
    callback.answerNext(500);
    expect((await browser.post(path, { action: "cancel" })).status).toBe(303);
    const [first, second] = (await callback.until(before + 2)).slice(before);
    expect(second?.body.toString()).toBe(first?.body.toString());
  });

  it("refunds a paid payment up to its amount, and nothing else", async () => {
    const { started, browser, path } = await openPage();
    await browser.post(path, { method: "paypal", action: "pay" });
    const refund = (amountCents: number, providerPaymentId = started.providerPaymentId) =>
      provider.refund({ providerPaymentId, amountCents, reason: "Antrag zurückgenommen" });
    expect(await refund(1000)).toMatch(/^er_/);
    expect(await refund(2070)).toMatch(/^er_/);
    await expect(refund(1)).rejects.toThrow(/409/);
    await expect(refund(1, "ep_unknown")).rejects.toThrow(/404/);
    const open = await openPage();
    await expect(refund(1, open.started.providerPaymentId)).rejects.toBeInstanceOf(ProviderUnavailable);
  });

  it("refuses API requests that are unsigned, signed with another secret or malformed", async () => {
    const api = `${t.url}/_dev/pay/api/zahlungen`;
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(api, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    expect((await post(JSON.stringify(attempt()))).status).toBe(401);
    const stranger = createEpayProvider({ url: `${t.url}/_dev/pay`, secret: "x".repeat(43) });
    await expect(stranger.startAttempt(attempt())).rejects.toBeInstanceOf(ProviderUnavailable);
    await expect(provider.startAttempt(attempt({ amountCents: 0 }))).rejects.toThrow(/400/);
  });

  it("rejects notifications that are forged, replayed late or unsigned", async () => {
    const { browser, path } = await openPage();
    const before = callback.received.length;
    await browser.post(path, { action: "fail" });
    const [notification] = (await callback.until(before + 1)).slice(before);
    const body = notification?.body ?? Buffer.alloc(0);
    const headers = notification?.headers ?? {};
    const forged = Buffer.from(body.toString().replace('"FAILED"', '"PAYED"'));
    expect(() => provider.verifyNotification(forged, headers)).toThrow(NotificationRejected);
    expect(() => provider.verifyNotification(body, {})).toThrow(/signature missing/);
    const late = {
      [epaySignatureHeader]: (headers[epaySignatureHeader] as string).replace(/t=\d+/, "t=1000"),
    };
    expect(() => provider.verifyNotification(body, late)).toThrow(NotificationRejected);
  });

  it("answers unknown payments with a page, and posts without the CSRF token with 403", async () => {
    const browser = new FormClient(t.url);
    const unknown = await browser.get("/_dev/pay/ep_000000000000000000000000");
    expect(unknown.status).toBe(404);
    expect(textOf(unknown.html)).toContain("Zahlung nicht gefunden");
    const { path } = await openPage();
    const forged = await new FormClient(t.url).post(path, { action: "cancel", _csrf: "" });
    expect(forged.status).toBe(403);
  });
});
