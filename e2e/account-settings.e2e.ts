import type { Browser, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext } from "#test/browser.ts";
import { createCitizen } from "#test/factories.ts";
import { waitForMail } from "#test/mailbox.ts";
import { startTestApp, type TestApp } from "#test/server.ts";
import { accessibilityAuditor, watchPage } from "./support/page-checks.ts";

/**
 * "Mein Konto" settings as a citizen uses them, in Chromium, with and without JavaScript: personal details
 * (a four-digit postcode first, then saved), the password (a wrong current password first, then changed) and
 * the e-mail address (a link to the new address at /_dev/mail, confirmed, then signing in with the new
 * address). Every page visited passes axe (WCAG 2.1 AA) and shows no console error or CSP violation.
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
    email: "E-Mail-Adresse",
    password: "Passwort",
    loginFailed: "E-Mail-Adresse oder Passwort ist falsch",
    account: "Mein Konto",
    signedInAs: (email: string) => `Angemeldet als ${email}`,
    back: "Zurück",
    profileLink: "Persönliche Daten bearbeiten",
    profileTitle: "Persönliche Daten",
    labels: {
      givenName: "Vorname",
      familyName: "Nachname",
      street: "Straße und Hausnummer",
      postalCode: "Postleitzahl",
      city: "Ort",
      phone: "Telefonnummer",
    },
    save: "Speichern",
    postalCodeError: "Geben Sie eine Postleitzahl mit 5 Ziffern ein, zum Beispiel 61250",
    profileSaved: "Ihre persönlichen Daten sind gespeichert.",
    changePassword: "Passwort ändern",
    currentPassword: "Aktuelles Passwort",
    newPassword: "Neues Passwort",
    passwordWrong: "Das Passwort ist falsch",
    passwordChanged: "Ihr Passwort ist geändert. Auf anderen Geräten wurden Sie abgemeldet.",
    changeEmail: "E-Mail-Adresse ändern",
    newEmail: "Neue E-Mail-Adresse",
    sendLink: "Bestätigungslink senden",
    emailInvalid: "Geben Sie eine E-Mail-Adresse im richtigen Format ein, zum Beispiel name@beispiel.de",
    checkNewMailbox: "Prüfen Sie Ihr neues E-Mail-Postfach",
    sentTo: (email: string) => `Wir haben einen Bestätigungslink an ${email} geschickt.`,
    outbox: "Postausgang (Entwicklung)",
    changeSubject: "Bestätigen Sie Ihre neue E-Mail-Adresse",
    changedSubject: "Die E-Mail-Adresse Ihres Kontos wurde geändert",
    confirmTitle: "Neue E-Mail-Adresse bestätigen",
    confirmButton: "E-Mail-Adresse bestätigen",
    emailChanged: "E-Mail-Adresse geändert",
    signOut: "Abmelden",
    signedOut: "Sie sind abgemeldet",
    toLogin: "Zur Anmeldung",
    errorTitle: "Fehler: ",
    summaryHeading: "Es gibt ein Problem",
  },
  en: {
    locale: "en-GB",
    home: "Digital Town Hall Usingen",
    signIn: "Sign in",
    email: "Email address",
    password: "Password",
    loginFailed: "Email address or password is incorrect",
    account: "My account",
    signedInAs: (email: string) => `Signed in as ${email}`,
    back: "Back",
    profileLink: "Edit personal details",
    profileTitle: "Personal details",
    labels: {
      givenName: "First name",
      familyName: "Last name",
      street: "Street and house number",
      postalCode: "Postcode",
      city: "Town",
      phone: "Phone number",
    },
    save: "Save",
    postalCodeError: "Enter a postcode with 5 digits, for example 61250",
    profileSaved: "Your personal details have been saved.",
    changePassword: "Change password",
    currentPassword: "Current password",
    newPassword: "New password",
    passwordWrong: "The password is wrong",
    passwordChanged: "Your password has been changed. You have been signed out on other devices.",
    changeEmail: "Change email address",
    newEmail: "New email address",
    sendLink: "Send confirmation link",
    emailInvalid: "Enter an email address in the correct format, like name@example.com",
    checkNewMailbox: "Check your new mailbox",
    sentTo: (email: string) => `We have sent a confirmation link to ${email}.`,
    outbox: "Outbox (development)",
    changeSubject: "Confirm your new email address",
    changedSubject: "The email address of your account has been changed",
    confirmTitle: "Confirm your new email address",
    confirmButton: "Confirm email address",
    emailChanged: "Email address changed",
    signOut: "Sign out",
    signedOut: "You are signed out",
    toLogin: "Go to sign in",
    errorTitle: "Error: ",
    summaryHeading: "There is a problem",
  },
} as const;

const oldPassword = "Acht Ameisen angeln Aale";
const newPassword = "Neun Nachtfalter nähen Netze";

/** German details with umlauts, as a citizen of Usingen types them. */
const profile = {
  givenName: "Jürgen",
  familyName: "Müller-Lüdenscheidt",
  street: "Weilburger Straße 3a",
  postalCode: "61250",
  city: "Usingen",
  phone: "+49 6081 123456",
};
type ProfileField = keyof typeof profile;

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
  const pass = `${lang}-${javaScript ? "js" : "ohne-js"}`;
  const oldEmail = `einstellungen-${pass}@example.de`;
  const newEmail = `neu-${pass}@example.de`;
  const citizenId = await createCitizen(app, oldEmail, oldPassword);
  const context = await newContext(browser, { javaScript, locale: t.locale });
  const auditor = await accessibilityAuditor(browser, { javaScript, locale: t.locale });
  const page = await context.newPage();
  const watch = watchPage(page);
  const main = page.getByRole("main");
  const field = (label: string) => main.getByLabel(label, { exact: true });
  const profileField = (name: ProfileField) => main.locator(`#field-${name}`);
  const button = (name: string) => main.getByRole("button", { name, exact: true });
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

  /** The error summary lists the messages and has the focus; its first link moves the focus to the field. */
  async function expectErrors(messages: string[], firstFieldId: string): Promise<void> {
    expect(await page.title()).toMatch(new RegExp(`^${t.errorTitle}`));
    const summary = page.locator(".error-summary");
    expect(await summary.getAttribute("role")).toBe("alert");
    expect((await summary.getByRole("heading", { level: 2 }).textContent())?.trim()).toBe(t.summaryHeading);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className))
      .toContain("error-summary");
    expect((await summary.getByRole("link").allTextContents()).map((s) => s.trim())).toEqual(messages);
    await summary.getByRole("link", { name: messages[0] }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(firstFieldId);
    expect(await page.locator(`#${firstFieldId}`).getAttribute("aria-invalid")).toBe("true");
  }

  /** "Mein Konto" for `email`, with the confirmation `notice` (`?hinweis=`) when one is expected. */
  async function expectAccount(email: string, notice?: string): Promise<void> {
    await checkPage({ h1: t.account, path: "/usingen/konto" });
    expect(await main.textContent()).toContain(t.signedInAs(email));
    const status = main.getByRole("status");
    if (notice) expect((await status.textContent())?.trim()).toBe(notice);
    else expect(await status.count()).toBe(0);
  }

  async function signIn(email: string, password: string): Promise<void> {
    await field(t.email).fill(email);
    await field(t.password).fill(password);
    await go(button(t.signIn));
  }

  try {
    await page.goto(`${app.url}/usingen`);
    await checkPage({ h1: t.home, path: "/usingen" });
    await go(page.getByRole("banner").getByRole("link", { name: t.signIn, exact: true }));
    await checkPage({ h1: t.signIn, path: "/usingen/konto/anmelden" });
    await signIn(oldEmail, oldPassword);
    await expectAccount(oldEmail);

    // Personal details: a four-digit postcode is explained and everything typed is kept; then saved.
    await go(main.getByRole("link", { name: t.profileLink }));
    await checkPage({ h1: t.profileTitle, path: "/usingen/konto/profil" });
    for (const name of Object.keys(profile) as ProfileField[]) {
      expect(await main.getByLabel(t.labels[name]).getAttribute("id"), name).toBe(`field-${name}`);
      expect(await profileField(name).inputValue(), name).toBe("");
    }
    for (const [name, value] of Object.entries(profile)) await profileField(name as ProfileField).fill(value);
    await profileField("postalCode").fill("6125");
    await go(button(t.save));
    await checkPage({ h1: t.profileTitle, path: "/usingen/konto/profil", status: 422 });
    await expectErrors([t.postalCodeError], "field-postalCode");
    for (const [name, value] of Object.entries({ ...profile, postalCode: "6125" })) {
      expect(await profileField(name as ProfileField).inputValue(), name).toBe(value);
    }
    expect(await app.services.identity.profile.get(citizenId)).toMatchObject({ givenName: "" });
    await profileField("postalCode").fill(profile.postalCode);
    await go(button(t.save));
    await expectAccount(oldEmail, t.profileSaved);
    expect(new URL(page.url()).searchParams.get("hinweis")).toBe("profil-gespeichert");
    expect(await app.services.identity.profile.get(citizenId)).toEqual(profile);
    // The form shows what was saved; "Zurück" leads back to the account.
    await go(main.getByRole("link", { name: t.profileLink }));
    await checkPage({ h1: t.profileTitle, path: "/usingen/konto/profil" });
    for (const [name, value] of Object.entries(profile)) {
      expect(await profileField(name as ProfileField).inputValue(), name).toBe(value);
    }
    await go(main.getByRole("link", { name: t.back }));
    await expectAccount(oldEmail);

    // Password: a wrong current password is refused; the right one changes it.
    await go(main.getByRole("link", { name: t.changePassword }));
    await checkPage({ h1: t.changePassword, path: "/usingen/konto/passwort-aendern" });
    await field(t.currentPassword).fill("nicht mein Passwort");
    await field(t.newPassword).fill(newPassword);
    await go(button(t.changePassword));
    await checkPage({ h1: t.changePassword, path: "/usingen/konto/passwort-aendern", status: 422 });
    await expectErrors([t.passwordWrong], "field-currentPassword");
    expect(await field(t.currentPassword).inputValue(), "passwords are never sent back").toBe("");
    await field(t.currentPassword).fill(oldPassword);
    await field(t.newPassword).fill(newPassword);
    await go(button(t.changePassword));
    await expectAccount(oldEmail, t.passwordChanged);
    expect(new URL(page.url()).searchParams.get("hinweis")).toBe("passwort-geaendert");

    // E-mail address: checked first, then a link goes to the new address; the old one stays until it is used.
    await go(main.getByRole("link", { name: t.changeEmail }));
    await checkPage({ h1: t.changeEmail, path: "/usingen/konto/email-aendern" });
    await field(t.newEmail).fill("keine-adresse");
    await field(t.currentPassword).fill(oldPassword);
    await go(button(t.sendLink));
    await checkPage({ h1: t.changeEmail, path: "/usingen/konto/email-aendern", status: 422 });
    await expectErrors([t.emailInvalid, t.passwordWrong], "field-email");
    expect(await field(t.newEmail).inputValue()).toBe("keine-adresse");
    await field(t.newEmail).fill(newEmail);
    await field(t.currentPassword).fill(newPassword);
    await go(button(t.sendLink));
    await checkPage({ h1: t.checkNewMailbox, path: "/usingen/konto/email-aendern" });
    expect(await main.textContent()).toContain(t.sentTo(newEmail));

    await waitForMail(app.database.db, newEmail, t.changeSubject);
    await page.goto(`${app.url}/_dev/mail`);
    await checkPage({ h1: t.outbox, path: "/_dev/mail" });
    const row = main.getByRole("row").filter({ hasText: newEmail });
    await go(row.getByRole("link", { name: t.changeSubject }));
    expect(pathname()).toMatch(/^\/_dev\/mail\/[0-9a-f-]{36}$/);
    await checkPage({ h1: t.changeSubject, path: pathname() });
    const link = main.getByRole("link", { name: /\/usingen\/konto\/email-bestaetigen\?token=/ });
    expect(await link.getAttribute("href")).toMatch(
      new RegExp(`^${app.url}/usingen/konto/email-bestaetigen\\?token=`),
    );
    await go(link);
    await checkPage({ h1: t.confirmTitle, path: "/usingen/konto/email-bestaetigen" });
    await go(button(t.confirmButton));
    await checkPage({ h1: t.emailChanged, path: "/usingen/konto/email-bestaetigen" });
    await go(main.getByRole("link", { name: t.account }));
    await expectAccount(newEmail);
    await waitForMail(app.database.db, oldEmail, t.changedSubject);

    // Signed out, the old address no longer signs in; the new one does, with the new password.
    await go(button(t.signOut));
    await checkPage({ h1: t.signedOut, path: "/usingen/konto/abmelden" });
    await go(main.getByRole("link", { name: t.toLogin }));
    await checkPage({ h1: t.signIn, path: "/usingen/konto/anmelden" });
    await signIn(oldEmail, newPassword);
    await checkPage({ h1: t.signIn, path: "/usingen/konto/anmelden", status: 422 });
    await expectErrors([t.loginFailed], "field-email");
    await signIn(newEmail, newPassword);
    await expectAccount(newEmail);
    expect(await app.services.identity.profile.get(citizenId)).toEqual(profile);
  } finally {
    await context.close();
    await auditor.close();
  }
}

describe("account settings in the browser", () => {
  for (const [lang, javaScript] of [
    ["de", true],
    ["de", false],
    ["en", true],
  ] as const) {
    it(`${lang}, JavaScript ${javaScript ? "on" : "off"}: personal details, password, e-mail address`, async () => {
      await journey(lang, javaScript);
    }, 300_000);
  }
});
