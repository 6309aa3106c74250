import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PaymentProvider } from "#modules/payments/provider.ts";
import { createPaymentProviders } from "#modules/payments/providers/index.ts";
import { launchBrowser, newContext } from "#test/browser.ts";
import { type CallbackListener, startCallbackListener } from "#test/payment-callback.ts";
import { startTestApp, type TestApp } from "#test/server.ts";
import { accessibilityAuditor, watchPage } from "./support/page-checks.ts";

/**
 * The citizen on the payment platform simulator's hosted page: a mistyped IBAN is pointed out at its field,
 * the corrected direct debit is paid, the merchant is notified and the browser is back at the municipality's
 * site; in German and English, with and without JavaScript, axe on every page.
 */

const texts = {
  de: {
    locale: "de-DE",
    title: "Bezahlen",
    sepa: "SEPA-Lastschrift",
    holder: "Kontoinhaberin oder Kontoinhaber",
    mandate: /SEPA-Lastschriftmandat/,
    pay: "Jetzt bezahlen",
    summary: "Es gibt ein Problem",
  },
  en: {
    locale: "en-GB",
    title: "Pay",
    sepa: "SEPA direct debit",
    holder: "Account holder",
    mandate: /SEPA direct debit mandate/,
    pay: "Pay now",
    summary: "There is a problem",
  },
} as const;

let app: TestApp;
let browser: Browser;
let callback: CallbackListener;
let provider: PaymentProvider;

beforeAll(async () => {
  callback = await startCallbackListener();
  [app, browser] = await Promise.all([startTestApp("pglite", { linksReachable: true }), launchBrowser()]);
  provider = createPaymentProviders(app.config.payments)["epay-sim"] as PaymentProvider;
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await callback?.close();
});

async function journey(lang: "de" | "en", javaScript: boolean): Promise<void> {
  const t = texts[lang];
  const started = await provider.startAttempt({
    tenantSlug: "usingen",
    payeeName: "Stadt Usingen",
    kassenzeichen: "USI-2026-K000007",
    attemptId: `e2e-${lang}-${javaScript}`,
    amountCents: 3070,
    currency: "EUR",
    purpose: "Bewohnerparkausweis",
    email: null,
    lang,
    returnUrl: `${app.url}/usingen`,
    callbackUrl: callback.url,
  });
  const context = await newContext(browser, { javaScript, locale: t.locale });
  const auditor = await accessibilityAuditor(browser, { javaScript, locale: t.locale });
  const page = await context.newPage();
  const watch = watchPage(page);
  try {
    await page.goto(`${started.redirectUrl}?lang=${lang}`);
    expect(watch.lastStatus()).toBe(200);
    expect(await page.locator("html").getAttribute("lang")).toBe(lang);
    expect((await page.locator("h1").textContent())?.trim()).toBe(t.title);
    expect(await page.getByRole("main").textContent()).toContain("30,70 €");
    await auditor.check(page);
    watch.expectNoProblems();

    await page.getByLabel(t.sepa, { exact: true }).check();
    await page.getByLabel("IBAN", { exact: true }).fill("DE03 1203 0000 0000 2020 51");
    await page.getByLabel(t.holder).fill("Erika Mustermann");
    await page.getByLabel(t.mandate).check();
    await page.getByRole("button", { name: t.pay }).click();
    await page.waitForLoadState();
    expect(watch.lastStatus()).toBe(422);
    await expect.poll(() => page.getByRole("alert").textContent()).toContain(t.summary);
    expect(await page.getByLabel("IBAN", { exact: true }).inputValue()).toBe("DE03 1203 0000 0000 2020 51");
    await auditor.check(page);
    watch.expectNoProblems();

    const before = callback.received.length;
    await page.getByLabel("IBAN", { exact: true }).fill("DE02 1203 0000 0000 2020 51");
    await page.getByRole("button", { name: t.pay }).click();
    await page.waitForURL(`${app.url}/usingen`);
    const [notification] = (await callback.until(before + 1)).slice(before);
    const verified = provider.verifyNotification(
      notification?.body ?? Buffer.alloc(0),
      notification?.headers ?? {},
    );
    expect(verified).toMatchObject({
      outcome: "succeeded",
      method: "sepa",
      attemptId: `e2e-${lang}-${javaScript}`,
    });
    await page.waitForLoadState("networkidle");
  } finally {
    await context.close();
    await auditor.close();
  }
}

describe("payment platform simulator in the browser", () => {
  for (const lang of ["de", "en"] as const) {
    for (const javaScript of [true, false]) {
      it(`${lang}, JavaScript ${javaScript ? "on" : "off"}: a wrong IBAN, corrected, then paid by direct debit`, async () => {
        await journey(lang, javaScript);
      }, 120_000);
    }
  }
});
