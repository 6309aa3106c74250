import { generate } from "otplib";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoStaffPassword } from "#seed/staff.ts";
import { launchBrowser, newContext } from "#test/browser.ts";
import { startTestApp, type TestApp } from "#test/server.ts";
import { type Tab, tab, texts } from "./support/account-journey.ts";
import { accessibilityAuditor } from "./support/page-checks.ts";

/**
 * The back office as staff use it, in Chromium, with and without JavaScript: the clerk of Usingen signs in
 * and is made to set up an authenticator app (the key read off the page, a wrong code first), keeps the
 * recovery codes, reaches the start page, signs out and in again with a code; the administrator invites a
 * new person (a wrong address first), the invitation mail at /_dev/mail is followed, a password chosen (a
 * mismatch first) and the app set up. Every page visited passes axe (WCAG 2.1 AA) with no browser problem.
 */

/** What staff read; written out here so that a changed text is a visible decision. */
const s = {
  loginTitle: "Anmeldung für Mitarbeitende",
  email: "Dienstliche E-Mail-Adresse",
  password: "Passwort",
  signIn: "Anmelden",
  setupTitle: "Zwei-Faktor-Anmeldung einrichten",
  totpRequired:
    "Für Mitarbeitende ist die Zwei-Faktor-Anmeldung vorgeschrieben. Richten Sie sie jetzt ein, um fortzufahren.",
  qrAlt: "QR-Code zum Einrichten der Authenticator-App",
  setupCode: "Sicherheitscode",
  turnOn: "Einschalten",
  codeInvalid: "Der Code stimmt nicht. Geben Sie den aktuellen Code aus Ihrer Authenticator-App ein",
  recoveryTitle: "Ihre Wiederherstellungscodes",
  recoveryDone: "Ich habe die Codes gespeichert",
  secondStep: "Sicherheitscode eingeben",
  secondStepCode: "Sicherheitscode oder Wiederherstellungscode",
  confirm: "Bestätigen",
  backOffice: "Verwaltung",
  signedInAs: (name: string) => `Angemeldet als ${name}`,
  signOut: "Abmelden",
  signedOut: "Sie sind abgemeldet",
  signInAgain: "Erneut anmelden",
  staff: "Mitarbeitende",
  invite: "Person einladen",
  name: "Name",
  inviteEmail: "Dienstliche E-Mail-Adresse",
  inviteSubmit: "Einladung senden",
  emailInvalid: "Geben Sie eine E-Mail-Adresse im richtigen Format ein, zum Beispiel name@usingen.de",
  invitedNotice: (email: string) => `Die Einladung an ${email} wurde gesendet.`,
  editTitle: (name: string) => `${name} bearbeiten`,
  invitationSubject: "Einladung in die Verwaltung von Usingen",
  invitationTitle: "Zugang einrichten",
  newPassword: "Neues Passwort",
  repeatPassword: "Passwort wiederholen",
  setPassword: "Passwort festlegen",
  mismatch: "Die beiden Passwörter stimmen nicht überein",
};

const paths = {
  home: "/usingen/verwaltung",
  login: "/usingen/verwaltung/anmelden",
  code: "/usingen/verwaltung/anmelden/code",
  logout: "/usingen/verwaltung/abmelden",
  staff: "/usingen/verwaltung/mitarbeitende",
  invite: "/usingen/verwaltung/mitarbeitende/einladen",
  invitation: "/usingen/verwaltung/einladung",
};

/** The authenticator app: the code for now plus `offsetSeconds`. */
const codeAt = (secret: string, offsetSeconds: number) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

/** A six-digit code that is certainly wrong: none of the codes the server would accept right now. */
async function wrongCode(secret: string): Promise<string> {
  const valid = await Promise.all([-60, -30, 0, 30, 60].map((offset) => codeAt(secret, offset)));
  const code = ["000000", "111111", "222222", "333333"].find((c) => !valid.includes(c));
  if (!code) throw new Error("no wrong code found");
  return code;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The password step, then the mandatory set-up of the authenticator app; returns its key. */
async function setUpAuthenticator(me: Tab, options: { wrongFirst: boolean }): Promise<string> {
  await me.checkPage({ h1: s.setupTitle, path: paths.code });
  expect(await me.main.getByRole("note").textContent()).toContain(s.totpRequired);
  const qr = me.main.getByRole("img", { name: s.qrAlt, exact: true });
  expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
  const shownKey = (await me.main.locator("code").textContent())?.trim() ?? "";
  expect(shownKey).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
  const secret = shownKey.replaceAll(" ", "");
  expect((await me.page.context().cookies()).map((c) => c.name)).not.toContain("rathaus_staff_sid");

  if (options.wrongFirst) {
    await me.field(s.setupCode).fill(await wrongCode(secret));
    await me.go(me.button(s.turnOn));
    await me.checkPage({ h1: s.setupTitle, path: paths.code, status: 422 });
    await me.expectErrors([[s.codeInvalid, "field-code"]]);
    expect((await me.main.locator("code").textContent())?.trim(), "the same key again").toBe(shownKey);
  }
  await me.field(s.setupCode).fill(await codeAt(secret, 0));
  await me.go(me.button(s.turnOn));
  await me.checkPage({ h1: s.recoveryTitle, path: paths.code });
  const codes = (await me.main.locator(".recovery-codes code").allTextContents()).map((c) => c.trim());
  expect(codes).toHaveLength(10);
  expect(new Set(codes).size).toBe(10);
  for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{5}-[A-Z2-7]{5}$/);
  await me.go(me.link(s.recoveryDone));
  return secret;
}

async function enterPassword(me: Tab, email: string, password: string): Promise<void> {
  await me.field(s.email).fill(email);
  await me.field(s.password).fill(password);
  await me.go(me.button(s.signIn));
}

const adminAreas = ["Mitarbeitende", "Fachbereiche", "Protokoll"];

/** The start page: who is signed in, the roles and departments, the administration areas the roles open. */
async function expectDashboard(me: Tab, name: string, lines: string[], nav: string[]): Promise<void> {
  await me.checkPage({ h1: s.backOffice, path: paths.home });
  const text = (await me.main.textContent()) ?? "";
  expect(text).toContain(s.signedInAs(name));
  const items = (await me.main.locator(".kern-list li").allTextContents()).map((item) => item.trim());
  for (const line of lines) expect(items).toContain(line);
  const areas = me.main.getByRole("navigation").getByRole("link");
  const labels = (await areas.allTextContents()).map((l) => l.trim());
  expect(labels[0]).toBe(s.backOffice);
  for (const area of adminAreas) expect(labels.includes(area), area).toBe(nav.includes(area));
  expect(await areas.first().getAttribute("aria-current")).toBe("page");
}

describe.each([true, false])("the back office in the browser, JavaScript %s", (javaScript) => {
  let app: TestApp;
  const closers: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    app = await startTestApp("pglite", { linksReachable: true });
  });
  afterAll(async () => {
    for (const close of closers.splice(0)) await close();
    await app?.close();
  });

  /** A browser of its own (cookies) with one tab, in German, and the axe auditor that fits JavaScript. */
  async function open(): Promise<Tab> {
    const { locale } = texts.de;
    const context = await newContext(browser, { javaScript, locale });
    const auditor = await accessibilityAuditor(browser, { javaScript, locale });
    closers.push(
      () => context.close(),
      () => auditor.close(),
    );
    return tab(await context.newPage(), app, "de", auditor);
  }

  it("a clerk sets up the authenticator app at the first sign-in, signs out and in again with a code", async () => {
    const me = await open();
    const email = "sachbearbeitung@usingen.example";
    await me.visit(paths.home);
    await me.checkPage({ h1: s.loginTitle, path: paths.login });
    expect(new URL(me.page.url()).searchParams.get("weiter")).toBe(paths.home);
    await enterPassword(me, email, demoStaffPassword);
    const secret = await setUpAuthenticator(me, { wrongFirst: true });
    const clerk = ["Sachbearbeitung", "Bürgerbüro", "Anträge Ihrer Fachbereiche bearbeiten"];
    await expectDashboard(me, "Sabine Sachbearbeiterin", clerk, []);

    await me.go(me.button(s.signOut));
    await me.checkPage({ h1: s.signedOut, path: paths.logout });
    expect((await me.page.context().cookies()).map((c) => c.name)).not.toContain("rathaus_staff_sid");
    await me.go(me.link(s.signInAgain));
    await me.checkPage({ h1: s.loginTitle, path: paths.login });

    await enterPassword(me, email, demoStaffPassword);
    await me.checkPage({ h1: s.secondStep, path: paths.code });
    expect(await me.main.locator("code").count(), "no key once set up").toBe(0);
    // The next time step: the code used for the set-up counts only once.
    await me.field(s.secondStepCode).fill(await codeAt(secret, 30));
    await me.go(me.button(s.confirm));
    await expectDashboard(me, "Sabine Sachbearbeiterin", clerk, []);
  }, 300_000);

  it("an administrator invites a person, who follows the mailed link, chooses a password and sets up the app", async () => {
    const admin = await open();
    await admin.visit(paths.staff);
    await admin.checkPage({ h1: s.loginTitle, path: paths.login });
    await enterPassword(admin, "admin@usingen.example", demoStaffPassword);
    await setUpAuthenticator(admin, { wrongFirst: false });
    await admin.checkPage({ h1: s.staff, path: paths.staff });
    const areas = admin.main.getByRole("navigation").getByRole("link");
    expect((await areas.allTextContents()).map((l) => l.trim())).toEqual(expect.arrayContaining(adminAreas));
    const rows = admin.main.getByRole("row");
    expect(await rows.filter({ hasText: "sachbearbeitung@usingen.example" }).textContent()).toContain(
      "Aktiv",
    );

    await admin.go(admin.link(s.invite));
    await admin.checkPage({ h1: s.invite, path: paths.invite });
    const email = `nina.neumann.${javaScript ? "js" : "ohne-js"}@usingen.example`;
    await admin.field(s.name).fill("Nina Neumann");
    await admin.field(s.inviteEmail).fill("nina.neumann@");
    await admin.field("Sachbearbeitung").check();
    await admin.field("Bürgerbüro").check();
    await admin.go(admin.button(s.inviteSubmit));
    await admin.checkPage({ h1: s.invite, path: paths.invite, status: 422 });
    await admin.expectErrors([[s.emailInvalid, "field-email"]]);
    expect(await admin.field(s.name).inputValue()).toBe("Nina Neumann");
    expect(await admin.field("Sachbearbeitung").isChecked()).toBe(true);
    expect(await admin.field("Bürgerbüro").isChecked()).toBe(true);

    await admin.field(s.inviteEmail).fill(email);
    await admin.go(admin.button(s.inviteSubmit));
    const memberPath = admin.pathname();
    expect(memberPath).toMatch(/^\/usingen\/verwaltung\/mitarbeitende\/[0-9a-f-]{36}$/);
    await admin.checkPage({ h1: s.editTitle("Nina Neumann"), path: memberPath });
    expect((await admin.main.getByRole("status").textContent())?.trim()).toBe(s.invitedNotice(email));
    expect(await admin.field("Sachbearbeitung").isChecked()).toBe(true);

    // The invited person's own browser: the mail at /_dev/mail, its link, a password, the app.
    const nina = await open();
    await nina.openNewestMail(email, s.invitationSubject);
    await nina.followMailLink(paths.invitation);
    await nina.checkPage({ h1: s.invitationTitle, path: paths.invitation });
    expect(await nina.main.textContent()).toContain("Willkommen, Nina Neumann.");
    const password = "Neun Nachtigallen nisten nebenan";
    await nina.field(s.newPassword).fill(password);
    await nina.field(s.repeatPassword).fill("Neun Nachtigallen nisten woanders");
    await nina.go(nina.button(s.setPassword));
    await nina.checkPage({ h1: s.invitationTitle, path: paths.invitation, status: 422 });
    await nina.expectErrors([[s.mismatch, "field-confirm"]]);
    await nina.field(s.newPassword).fill(password);
    await nina.field(s.repeatPassword).fill(password);
    await nina.go(nina.button(s.setPassword));
    await setUpAuthenticator(nina, { wrongFirst: false });
    await expectDashboard(nina, "Nina Neumann", ["Sachbearbeitung", "Bürgerbüro"], []);

    // The administrator sees the account active now.
    await admin.go(admin.main.getByRole("navigation").getByRole("link", { name: s.staff, exact: true }));
    await admin.checkPage({ h1: s.staff, path: paths.staff });
    const row = await rows.filter({ hasText: email }).textContent();
    expect(row).toContain("Nina Neumann");
    expect(row).toContain("Aktiv");
    expect(row).not.toContain("noch nie");
  }, 300_000);
});
