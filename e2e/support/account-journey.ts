import type { Browser, Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { newContext } from "#test/browser.ts";
import { FormClient } from "#test/form-client.ts";
import { waitForMail } from "#test/mailbox.ts";
import type { TestApp } from "#test/server.ts";
import { accessibilityAuditor, watchPage } from "./page-checks.ts";

/**
 * What the citizen account journeys in the browser share: the app on a known port (so the links in its
 * mails lead back into it), the texts a citizen reads, and one page's checks and actions.
 */

// Browser globals for the functions passed to evaluate() (the project compiles without the DOM library).
declare const document: { activeElement: { id: string; className: string } | null };

export type Lang = "de" | "en";

/** What a citizen reads in each language; written out here so that a changed text is a visible decision. */
export const texts = {
  de: {
    locale: "de-DE",
    home: "Digitales Rathaus Usingen",
    signIn: "Anmelden",
    register: "Konto erstellen",
    registerSubmit: "Konto erstellen",
    email: "E-Mail-Adresse",
    password: "Passwort",
    newPassword: "Neues Passwort",
    emailInvalid: "Geben Sie eine E-Mail-Adresse im richtigen Format ein, zum Beispiel name@beispiel.de",
    passwordTooShort: "Ihr Passwort muss mindestens 12 Zeichen lang sein",
    passwordTooCommon:
      "Dieses Passwort wird sehr häufig verwendet und ist leicht zu erraten. Wählen Sie ein anderes",
    loginFailed: "E-Mail-Adresse oder Passwort ist falsch",
    checkMailbox: "Prüfen Sie Ihr E-Mail-Postfach",
    sentTo: (email: string) => `Wir haben eine E-Mail an ${email} geschickt.`,
    outbox: "Postausgang (Entwicklung)",
    verifySubject: "Bestätigen Sie Ihre E-Mail-Adresse",
    verifyTitle: "E-Mail-Adresse bestätigen",
    verifyButton: "E-Mail-Adresse bestätigen",
    verified: "E-Mail-Adresse bestätigt",
    toLogin: "Zur Anmeldung",
    account: "Mein Konto",
    signedInAs: (email: string) => `Angemeldet als ${email}`,
    devices: "Angemeldete Geräte",
    thisDevice: "Dieses Gerät",
    endSession: "Gerät abmelden",
    sessionEnded: "Die Anmeldung wurde beendet.",
    signOut: "Abmelden",
    signedOut: "Sie sind abgemeldet",
    forgot: "Passwort vergessen?",
    forgotTitle: "Passwort vergessen",
    forgotSubmit: "Link anfordern",
    resetSubject: "Passwort zurücksetzen",
    resetTitle: "Neues Passwort festlegen",
    resetSubmit: "Passwort speichern",
    resetDone: "Passwort geändert",
    skipLink: "Zum Inhalt springen",
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
    newPassword: "New password",
    emailInvalid: "Enter an email address in the correct format, like name@example.com",
    passwordTooShort: "Your password must be at least 12 characters long",
    passwordTooCommon: "This password is used very often and is easy to guess. Choose a different one",
    loginFailed: "Email address or password is incorrect",
    checkMailbox: "Check your email",
    sentTo: (email: string) => `We have sent an email to ${email}.`,
    outbox: "Outbox (development)",
    verifySubject: "Confirm your email address",
    verifyTitle: "Confirm your email address",
    verifyButton: "Confirm email address",
    verified: "Email address confirmed",
    toLogin: "Go to sign in",
    account: "My account",
    signedInAs: (email: string) => `Signed in as ${email}`,
    devices: "Signed-in devices",
    thisDevice: "This device",
    endSession: "Sign out device",
    sessionEnded: "The sign-in has been ended.",
    signOut: "Sign out",
    signedOut: "You are signed out",
    forgot: "Forgotten your password?",
    forgotTitle: "Forgotten password",
    forgotSubmit: "Request link",
    resetSubject: "Reset your password",
    resetTitle: "Set a new password",
    resetSubmit: "Save password",
    resetDone: "Password changed",
    skipLink: "Skip to main content",
    errorTitle: "Error: ",
    summaryHeading: "There is a problem",
  },
} as const;
export type Texts = (typeof texts)[Lang];

/** A confirmed account, made over HTTP (the browser journeys that need one start from there). */
export async function createAccount(app: TestApp, email: string, password: string): Promise<void> {
  const client = new FormClient(app.url);
  await client.get("/usingen/konto/registrieren");
  expect((await client.post("/usingen/konto/registrieren", { email, password })).status).toBe(200);
  const mail = await waitForMail(app.database.db, email, texts.de.verifySubject);
  const token = /[?&]token=([\w.-]+)/.exec(mail.text_body)?.[1] ?? "";
  await client.get(`/usingen/konto/bestaetigen?token=${token}`);
  expect((await client.post("/usingen/konto/bestaetigen", { token })).status).toBe(200);
}

export interface Auditor {
  check(page: Page): Promise<void>;
}

/** One browser tab of a journey: its checks (status, language, heading, axe, browser problems) and actions. */
export function tab(page: Page, app: TestApp, lang: Lang, auditor: Auditor) {
  const t = texts[lang];
  const watch = watchPage(page);
  const main = page.getByRole("main");
  const pathname = () => new URL(page.url()).pathname;

  /** Every page: status, path, language, heading, 0 axe violations, no console error or CSP violation. */
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

  /** Opens a page by its address, as typed or bookmarked. */
  async function visit(path: string): Promise<void> {
    await page.goto(`${app.url}${path}`);
  }

  /**
   * The error summary: "Fehler:" in the title, the focus on the summary, one link per message in order, and
   * each link moves the focus to its field, which is marked invalid. Call after checkPage (the links add a
   * #fragment to the address).
   */
  async function expectErrors(expected: [message: string, fieldId: string][]): Promise<void> {
    expect(await page.title()).toMatch(new RegExp(`^${t.errorTitle}`));
    const summary = page.locator(".error-summary");
    expect(await summary.getAttribute("role")).toBe("alert");
    expect((await summary.getByRole("heading", { level: 2 }).textContent())?.trim()).toBe(t.summaryHeading);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className))
      .toContain("error-summary");
    const links = (await summary.getByRole("link").allTextContents()).map((s) => s.trim());
    expect(links).toEqual(expected.map(([message]) => message));
    for (const [message, fieldId] of expected) {
      await summary.getByRole("link", { name: message }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(fieldId);
      expect(await page.locator(`#${fieldId}`).getAttribute("aria-invalid")).toBe("true");
    }
  }

  /**
   * The outbox at /_dev/mail: the newest mail to `to` with this subject is opened (one process may send
   * several mails at once, e.g. an application's receipt and its payment's).
   */
  async function openNewestMail(to: string, subject: string): Promise<void> {
    await waitForMail(app.database.db, to, subject);
    await visit("/_dev/mail");
    await checkPage({ h1: t.outbox, path: "/_dev/mail" });
    const newest = main.getByRole("row").filter({ hasText: to }).filter({ hasText: subject }).first();
    await go(newest.getByRole("link"));
    expect(pathname()).toMatch(/^\/_dev\/mail\/[0-9a-f-]{36}$/);
    await checkPage({ h1: subject, path: pathname() });
  }

  /** Follows the link in the mail's text to `path` (`?token=…`), as a mail program would open it. */
  async function followMailLink(path: string): Promise<void> {
    const link = main.getByRole("link", { name: new RegExp(`${path}\\?token=`) });
    expect(await link.getAttribute("href")).toMatch(new RegExp(`^${app.url}${path}\\?token=[\\w.-]+$`));
    await go(link);
  }

  /** "Mein Konto" of `email`: the address, the sign-ins as table rows, and the header link marked current. */
  async function expectAccount(email: string): Promise<Locator> {
    await checkPage({ h1: t.account, path: "/usingen/konto" });
    expect(await main.textContent()).toContain(t.signedInAs(email));
    const header = page.getByRole("banner").getByRole("link", { name: t.account, exact: true });
    expect(await header.getAttribute("aria-current")).toBe("page");
    const table = main.getByRole("table", { name: t.devices });
    return table.getByRole("row").filter({ has: page.getByRole("cell") });
  }

  async function signIn(email: string, password: string, status = 200): Promise<void> {
    await main.getByLabel(t.email, { exact: true }).fill(email);
    await main.getByLabel(t.password, { exact: true }).fill(password);
    await go(main.getByRole("button", { name: t.signIn, exact: true }));
    if (status !== 200) await checkPage({ h1: t.signIn, path: "/usingen/konto/anmelden", status });
  }

  return {
    page,
    main,
    pathname,
    checkPage,
    go,
    visit,
    expectErrors,
    openNewestMail,
    followMailLink,
    expectAccount,
    signIn,
    field: (label: string) => main.getByLabel(label, { exact: true }),
    button: (name: string) => main.getByRole("button", { name, exact: true }),
    link: (name: string) => main.getByRole("link", { name, exact: true }),
    headerLink: (name: string) => page.getByRole("banner").getByRole("link", { name, exact: true }),
  };
}

export type Tab = ReturnType<typeof tab>;

/** A context of its own (cookies) with a recognisable browser name, shown in the list of signed-in devices. */
export function deviceContext(
  browser: Browser,
  options: { javaScript: boolean; locale: string; device: string },
) {
  return browser.newContext({
    javaScriptEnabled: options.javaScript,
    locale: options.locale,
    userAgent: `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36 ${options.device}`,
  });
}

/** A fresh browser context in `lang`, one tab in it, and the axe auditor that fits JavaScript on or off. */
export async function openTab(browser: Browser, app: TestApp, lang: Lang, javaScript: boolean) {
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
