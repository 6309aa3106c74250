import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext } from "#test/browser.ts";
import { startTestApp, type TestApp } from "#test/server.ts";
import { type Lang, tab, texts } from "./support/account-journey.ts";
import { accessibilityAuditor } from "./support/page-checks.ts";

/**
 * "Mit BundID anmelden" as a citizen does it, in Chromium, with and without JavaScript: from a page that
 * needs an account to the sign-in page (which names the identity provider), to the demo identity provider's
 * page (no choice first, then the Usingen test identity), back signed in on "Persönliche Daten", filled from
 * the provider's claims. Also a cancelled sign-in and a callback this browser never started. Every page,
 * the provider's too, passes axe (WCAG 2.1 AA) and shows no console error or CSP violation.
 */

const oidcTexts = {
  de: {
    provider: (host: string) => `Anmeldung über: Demo-Identitätsanbieter – nur zum Testen (${host})`,
    button: "Mit BundID anmelden",
    chooseTitle: "Test-Identität wählen",
    demoBanner: "Demo-Identitätsanbieter – nur für Entwicklung und Tests",
    chooseSubmit: "Anmelden und Daten übermitteln",
    cancel: "Abbrechen",
    chooseMissing: "Wählen Sie eine Test-Identität aus",
    profileTitle: "Persönliche Daten",
    fields: {
      Vorname: "Erika",
      Nachname: "Mustermann",
      Tag: "12",
      Monat: "08",
      Jahr: "1964",
      "Straße und Hausnummer": "Weilburger Straße 12",
      Postleitzahl: "61250",
      Ort: "Usingen",
    },
    trustLevel: "Vertrauensniveau dieser Anmeldung: substantiell",
    cancelledTitle: "Anmeldung abgebrochen",
    failedTitle: "Anmeldung nicht möglich",
    retry: "Zur Anmeldung",
  },
  en: {
    provider: (host: string) => `Identity provider: Demo identity provider – for testing only (${host})`,
    button: "Sign in with BundID",
    chooseTitle: "Choose a test identity",
    demoBanner: "Demo identity provider – for development and testing only",
    chooseSubmit: "Sign in and send data",
    cancel: "Cancel",
    chooseMissing: "Choose a test identity",
    profileTitle: "Personal details",
    fields: {
      "First name": "Erika",
      "Last name": "Mustermann",
      Day: "12",
      Month: "08",
      Year: "1964",
      "Street and house number": "Weilburger Straße 12",
      Postcode: "61250",
      Town: "Usingen",
    },
    trustLevel: "Trust level of this sign-in: substantial",
    cancelledTitle: "Sign-in cancelled",
    failedTitle: "Sign-in not possible",
    retry: "Go to sign in",
  },
} as const;

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp("pglite", { linksReachable: true }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function open(lang: Lang, javaScript: boolean) {
  const { locale } = texts[lang];
  const context = await newContext(browser, { javaScript, locale });
  const auditor = await accessibilityAuditor(browser, { javaScript, locale });
  const me = tab(await context.newPage(), app, lang, auditor);
  const close = async () => {
    await context.close();
    await auditor.close();
  };
  return { me, close };
}

async function signInWithUsingenIdentity(lang: Lang, javaScript: boolean): Promise<void> {
  const t = texts[lang];
  const o = oidcTexts[lang];
  const { me, close } = await open(lang, javaScript);
  try {
    // A page that needs an account sends the citizen to sign in, and back there afterwards.
    await me.visit("/usingen/konto/profil");
    await me.checkPage({ h1: t.signIn, path: "/usingen/konto/anmelden" });
    expect(await me.main.textContent()).toContain(o.provider(new URL(app.url).host));
    await me.go(me.link(o.button));

    // The demo identity provider's page, clearly marked; sending it without a choice is explained.
    expect(me.pathname()).toMatch(/^\/_dev\/idp\/interaction\/[\w-]+$/);
    const interaction = me.pathname();
    await me.checkPage({ h1: o.chooseTitle, path: interaction });
    expect(await me.main.getByRole("note").textContent()).toContain(o.demoBanner);
    await me.go(me.button(o.chooseSubmit));
    await me.checkPage({ h1: o.chooseTitle, path: interaction, status: 422 });
    expect(await me.page.title()).toMatch(new RegExp(`^${t.errorTitle}`));
    const summary = me.page.locator(".error-summary");
    expect((await summary.getByRole("link").allTextContents()).map((s) => s.trim())).toEqual([
      o.chooseMissing,
    ]);

    await me.main.getByLabel("Erika Mustermann", { exact: true }).check();
    await me.go(me.button(o.chooseSubmit));

    // Back at the municipality, signed in, on the page asked for first: filled from the claims.
    await me.checkPage({ h1: o.profileTitle, path: "/usingen/konto/profil" });
    for (const [label, value] of Object.entries(o.fields)) {
      const input = me.main.getByLabel(new RegExp(`^${label}\\s*(\\(optional\\))?$`));
      expect(await input.inputValue(), label).toBe(value);
    }
    expect(await me.main.textContent()).toContain(o.trustLevel);
    expect(await me.headerLink(t.account).isVisible()).toBe(true);
    await me.visit("/usingen/konto");
    await me.checkPage({ h1: t.account, path: "/usingen/konto" });
    expect(await me.main.textContent()).toContain(t.signedInAs("erika.mustermann@example.de"));
  } finally {
    await close();
  }
}

async function cancelAndForge(lang: Lang, javaScript: boolean): Promise<void> {
  const t = texts[lang];
  const o = oidcTexts[lang];
  const { me, close } = await open(lang, javaScript);
  try {
    await me.visit("/usingen/konto/anmelden");
    await me.checkPage({ h1: t.signIn, path: "/usingen/konto/anmelden" });
    await me.go(me.link(o.button));
    await me.checkPage({ h1: o.chooseTitle, path: me.pathname() });
    await me.go(me.button(o.cancel));
    await me.checkPage({ h1: o.cancelledTitle, path: "/usingen/konto/anmelden/oidc/rueckkehr" });
    await me.go(me.link(o.retry));
    await me.checkPage({ h1: t.signIn, path: "/usingen/konto/anmelden" });

    await me.visit("/usingen/konto/anmelden/oidc/rueckkehr?code=gestohlen&state=gefaelscht");
    await me.checkPage({ h1: o.failedTitle, path: "/usingen/konto/anmelden/oidc/rueckkehr", status: 400 });
    expect(await me.headerLink(t.signIn).isVisible()).toBe(true);
  } finally {
    await close();
  }
}

describe("sign-in through the demo identity provider in the browser", () => {
  for (const [lang, javaScript] of [
    ["de", true],
    ["de", false],
    ["en", true],
  ] as const) {
    const run = `${lang}, ${javaScript ? "with" : "without"} JavaScript`;
    it(`signs in as the Usingen test identity and finds the profile filled (${run})`, async () => {
      await signInWithUsingenIdentity(lang, javaScript);
    }, 300_000);
    it(`explains a cancelled and a forged sign-in (${run})`, async () => {
      await cancelAndForge(lang, javaScript);
    }, 300_000);
  }
});
