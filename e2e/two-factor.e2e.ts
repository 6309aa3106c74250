import { generate } from "otplib";
import type { Browser, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext } from "#test/browser.ts";
import { waitForMail } from "#test/mailbox.ts";
import { startTestApp, type TestApp } from "#test/server.ts";
import { accessibilityAuditor, watchPage } from "./support/page-checks.ts";

/**
 * Two-factor sign-in as a citizen does it, in Chromium, with and without JavaScript: register from the
 * Usingen header, confirm the address with the link from the mail at /_dev/mail, sign in, set up an
 * authenticator app from the key under the QR code (a wrong code first), keep the recovery codes, sign out,
 * sign in with password and code, then with a recovery code, and turn it off with the password (a wrong one
 * first). Every page visited passes axe (WCAG 2.1 AA) and shows no console error or CSP violation.
 */

// Browser globals for the functions passed to evaluate() (the project compiles without the DOM library).
declare const document: { activeElement: { id: string; className: string } | null };

type Lang = "de" | "en";

/** What a citizen reads in each language; written out here so that a changed text is a visible decision. */
const texts = {
  de: {
    locale: "de-DE",
    home: "Digitales Rathaus Usingen",
    signIn: "Anmelden",
    register: "Konto erstellen",
    registerSubmit: "Konto erstellen",
    email: "E-Mail-Adresse",
    password: "Passwort",
    checkMailbox: "Prüfen Sie Ihr E-Mail-Postfach",
    outbox: "Postausgang (Entwicklung)",
    verifySubject: "Bestätigen Sie Ihre E-Mail-Adresse",
    verifyTitle: "E-Mail-Adresse bestätigen",
    verifyButton: "E-Mail-Adresse bestätigen",
    verified: "E-Mail-Adresse bestätigt",
    toLogin: "Zur Anmeldung",
    account: "Mein Konto",
    signedInAs: (email: string) => `Angemeldet als ${email}`,
    totpOff: "Die Zwei-Faktor-Anmeldung ist ausgeschaltet.",
    totpOn: (n: number) =>
      `Die Zwei-Faktor-Anmeldung ist eingeschaltet. Unbenutzte Wiederherstellungscodes: ${n}`,
    setup: "Zwei-Faktor-Anmeldung einrichten",
    qrAlt: "QR-Code zum Einrichten der Authenticator-App",
    codeLabel: "Sicherheitscode",
    turnOn: "Einschalten",
    codeInvalid: "Der Code ist falsch oder abgelaufen. Geben Sie den aktuellen Code aus Ihrer App ein",
    recoveryTitle: "Ihre Wiederherstellungscodes",
    recoveryDone: "Ich habe die Codes gespeichert",
    signOut: "Abmelden",
    signedOut: "Sie sind abgemeldet",
    secondStep: "Sicherheitscode eingeben",
    secondStepLabel: "Sicherheitscode oder Wiederherstellungscode",
    secondStepSubmit: "Bestätigen",
    turnOff: "Zwei-Faktor-Anmeldung ausschalten",
    passwordWrong: "Das Passwort ist falsch",
    errorTitle: "Fehler: ",
    summaryHeading: "Es gibt ein Problem",
  },
  en: {
    locale: "en-GB",
    home: "Digital Town Hall Usingen",
    signIn: "Sign in",
    register: "Create an account",
    registerSubmit: "Create account",
    email: "Email address",
    password: "Password",
    checkMailbox: "Check your email",
    outbox: "Outbox (development)",
    verifySubject: "Confirm your email address",
    verifyTitle: "Confirm your email address",
    verifyButton: "Confirm email address",
    verified: "Email address confirmed",
    toLogin: "Go to sign in",
    account: "My account",
    signedInAs: (email: string) => `Signed in as ${email}`,
    totpOff: "Two-factor sign-in is off.",
    totpOn: (n: number) => `Two-factor sign-in is on. Unused recovery codes: ${n}`,
    setup: "Set up two-factor sign-in",
    qrAlt: "QR code to set up the authenticator app",
    codeLabel: "Security code",
    turnOn: "Turn on",
    codeInvalid: "The code is wrong or has expired. Enter the current code from your app",
    recoveryTitle: "Your recovery codes",
    recoveryDone: "I have saved the codes",
    signOut: "Sign out",
    signedOut: "You are signed out",
    secondStep: "Enter your security code",
    secondStepLabel: "Security code or recovery code",
    secondStepSubmit: "Confirm",
    turnOff: "Turn off two-factor sign-in",
    passwordWrong: "The password is wrong",
    errorTitle: "Error: ",
    summaryHeading: "There is a problem",
  },
} as const;

const password = "Sieben Seehunde singen Shanties";

/** The authenticator app: the code for now plus `offsetSeconds`. */
const codeAt = (secret: string, offsetSeconds: number) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

/** A six-digit code that is certainly wrong: none of the codes the server would accept right now. */
async function wrongCode(secret: string): Promise<string> {
  const valid = await Promise.all([-60, -30, 0, 30, 60].map((offset) => codeAt(secret, offset)));
  const code = ["000000", "111111", "222222", "333333", "444444", "555555"].find((c) => !valid.includes(c));
  if (!code) throw new Error("no wrong code found");
  return code;
}

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp("pglite", { linksReachable: true }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function journey(lang: Lang, javaScript: boolean): Promise<void> {
  const t = texts[lang];
  const email = `zwei-faktor-${lang}-${javaScript ? "js" : "ohne-js"}@example.de`;
  const context = await newContext(browser, { javaScript, locale: t.locale });
  const auditor = await accessibilityAuditor(browser, { javaScript, locale: t.locale });
  const page = await context.newPage();
  const watch = watchPage(page);
  const main = page.getByRole("main");
  const field = (label: string) => main.getByLabel(label, { exact: true });
  const pathname = () => new URL(page.url()).pathname;

  /** Every page: status, path, language, heading, no browser problems, 0 axe violations. */
  async function checkPage(expected: { h1: string; path: string; status?: number }): Promise<void> {
    expect(watch.lastStatus(), page.url()).toBe(expected.status ?? 200);
    expect(pathname()).toBe(expected.path);
    expect(await page.locator("html").getAttribute("lang")).toBe(lang);
    expect((await page.locator("h1").textContent())?.trim()).toBe(expected.h1);
    await auditor.check(page);
    watch.expectNoProblems();
  }

  /** Clicks a link or button and waits until the page it leads to (after any redirect) has loaded. */
  async function go(target: Locator): Promise<void> {
    const loaded = page.waitForEvent("load");
    await target.click();
    await loaded;
  }
  const button = (name: string) => main.getByRole("button", { name, exact: true });

  /** The error summary is shown, has the focus, and its link moves the focus to the field. */
  async function expectError(message: string, fieldId: string): Promise<void> {
    expect(await page.title()).toMatch(new RegExp(`^${t.errorTitle}`));
    const summary = page.locator(".error-summary");
    expect(await summary.getAttribute("role")).toBe("alert");
    expect((await summary.getByRole("heading", { level: 2 }).textContent())?.trim()).toBe(t.summaryHeading);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className))
      .toContain("error-summary");
    expect((await summary.getByRole("link").allTextContents()).map((s) => s.trim())).toEqual([message]);
    await summary.getByRole("link", { name: message }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(fieldId);
    expect(await page.locator(`#${fieldId}`).getAttribute("aria-invalid")).toBe("true");
  }

  async function expectAccount(status: string): Promise<void> {
    await checkPage({ h1: t.account, path: "/usingen/konto" });
    expect(await main.textContent()).toContain(t.signedInAs(email));
    expect(await main.textContent()).toContain(status);
    const headerLink = page.getByRole("banner").getByRole("link", { name: t.account });
    expect(await headerLink.getAttribute("aria-current")).toBe("page");
  }

  async function signOut(): Promise<void> {
    await go(button(t.signOut));
    await checkPage({ h1: t.signedOut, path: "/usingen/konto/abmelden" });
    await go(main.getByRole("link", { name: t.toLogin }));
    await checkPage({ h1: t.signIn, path: "/usingen/konto/anmelden" });
  }

  /** Password first; an account with two-factor sign-in then lands on the code step, still signed out. */
  async function signInWithPassword(): Promise<void> {
    await field(t.email).fill(email);
    await field(t.password).fill(password);
    await go(button(t.signIn));
  }

  /** The code step: no session yet, the page to return to is kept. */
  async function checkCodeStep(status = 200): Promise<void> {
    await checkPage({ h1: t.secondStep, path: "/usingen/konto/anmelden/code", status });
    expect(new URL(page.url()).searchParams.get("weiter")).toBe("/usingen/konto");
    expect((await context.cookies()).map((c) => c.name)).not.toContain("rathaus_sid");
  }

  async function enterCode(code: string): Promise<void> {
    await field(t.secondStepLabel).fill(code);
    await go(button(t.secondStepSubmit));
  }

  try {
    // Register from the municipality's header.
    await page.goto(`${app.url}/usingen`);
    await checkPage({ h1: t.home, path: "/usingen" });
    await go(page.getByRole("banner").getByRole("link", { name: t.signIn, exact: true }));
    await checkPage({ h1: t.signIn, path: "/usingen/konto/anmelden" });
    await go(main.getByRole("link", { name: t.register, exact: true }));
    await checkPage({ h1: t.register, path: "/usingen/konto/registrieren" });
    await field(t.email).fill(email);
    await field(t.password).fill(password);
    await go(button(t.registerSubmit));
    await checkPage({ h1: t.checkMailbox, path: "/usingen/konto/registrieren" });
    expect(await main.textContent()).toContain(email);

    // The verification mail, read at /_dev/mail; its link leads to a confirmation button.
    await waitForMail(app.database.db, email, t.verifySubject);
    await page.goto(`${app.url}/_dev/mail`);
    await checkPage({ h1: t.outbox, path: "/_dev/mail" });
    const row = main.getByRole("row").filter({ hasText: email });
    await go(row.getByRole("link", { name: t.verifySubject }));
    expect(pathname()).toMatch(/^\/_dev\/mail\/[0-9a-f-]{36}$/);
    await checkPage({ h1: t.verifySubject, path: pathname() });
    const link = main.getByRole("link", { name: /\/usingen\/konto\/bestaetigen\?token=/ });
    expect(await link.getAttribute("href")).toMatch(
      new RegExp(`^${app.url}/usingen/konto/bestaetigen\\?token=`),
    );
    await go(link);
    await checkPage({ h1: t.verifyTitle, path: "/usingen/konto/bestaetigen" });
    await go(button(t.verifyButton));
    await checkPage({ h1: t.verified, path: "/usingen/konto/bestaetigen" });
    await go(main.getByRole("link", { name: t.toLogin }));
    await checkPage({ h1: t.signIn, path: "/usingen/konto/anmelden" });

    // Sign in; two-factor sign-in is off.
    await signInWithPassword();
    await expectAccount(t.totpOff);

    // Set up: the QR code and the key under it; a wrong code first, then the app's code.
    await go(main.getByRole("link", { name: t.setup }));
    await checkPage({ h1: t.setup, path: "/usingen/konto/zwei-faktor" });
    const qr = main.getByRole("img", { name: t.qrAlt, exact: true });
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(await qr.isVisible()).toBe(true);
    expect(
      await qr.evaluate(
        (img: { complete: boolean; naturalWidth: number }) => img.complete && img.naturalWidth > 0,
      ),
    ).toBe(true);
    const shownKey = (await main.locator("code").textContent())?.trim() ?? "";
    expect(shownKey).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    const secret = shownKey.replaceAll(" ", "");
    expect(secret.length).toBeGreaterThanOrEqual(16);

    await field(t.codeLabel).fill(await wrongCode(secret));
    await go(button(t.turnOn));
    await checkPage({ h1: t.setup, path: "/usingen/konto/zwei-faktor", status: 422 });
    await expectError(t.codeInvalid, "field-code");
    expect((await main.locator("code").textContent())?.trim(), "the same key again").toBe(shownKey);

    await field(t.codeLabel).fill(await codeAt(secret, 0));
    await go(button(t.turnOn));
    await checkPage({ h1: t.recoveryTitle, path: "/usingen/konto/zwei-faktor" });
    const recoveryCodes = (await main.locator(".recovery-codes code").allTextContents()).map((c) => c.trim());
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[A-Z2-7]{5}-[A-Z2-7]{5}$/);
    expect(new Set(recoveryCodes).size).toBe(10);
    await go(main.getByRole("link", { name: t.recoveryDone }));
    await expectAccount(t.totpOn(10));
    expect(await main.getByRole("link", { name: t.setup }).count()).toBe(0);

    // Sign out, sign in: password, then the code of the next time step (each code counts once).
    await signOut();
    await signInWithPassword();
    await checkCodeStep();
    await enterCode(await codeAt(secret, 30));
    await expectAccount(t.totpOn(10));

    // Without the phone: a recovery code instead, after a wrong code.
    await signOut();
    await signInWithPassword();
    await checkCodeStep();
    await enterCode(await wrongCode(secret));
    await checkCodeStep(422);
    await expectError(t.codeInvalid, "field-code");
    await enterCode(recoveryCodes[0] ?? "");
    await expectAccount(t.totpOn(9));

    // Turning it off needs the current password.
    await field(t.password).fill("nicht mein Passwort");
    await go(button(t.turnOff));
    await checkPage({ h1: t.account, path: "/usingen/konto/zwei-faktor/ausschalten", status: 422 });
    await expectError(t.passwordWrong, "field-password");
    expect(await main.textContent()).toContain(t.totpOn(9));
    await field(t.password).fill(password);
    await go(button(t.turnOff));
    await expectAccount(t.totpOff);
    expect(new URL(page.url()).searchParams.get("hinweis")).toBe("2fa-aus");
    expect((await main.getByRole("status").textContent())?.trim()).toBe(t.totpOff);
    expect(await main.getByRole("link", { name: t.setup }).isVisible()).toBe(true);

    // From now on the password alone signs in again.
    await signOut();
    await signInWithPassword();
    await expectAccount(t.totpOff);
  } finally {
    await context.close();
    await auditor.close();
  }
}

describe("two-factor sign-in in the browser", () => {
  for (const [lang, javaScript] of [
    ["de", true],
    ["de", false],
    ["en", true],
  ] as const) {
    it(`${lang}, JavaScript ${javaScript ? "on" : "off"}: register, confirm by mail, set up TOTP, sign in with code and recovery code, turn off`, async () => {
      await journey(lang, javaScript);
    }, 300_000);
  }
});
