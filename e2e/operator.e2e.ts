import { generate } from "otplib";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOperatorCommand } from "#modules/operator/operator.cli.ts";
import { launchBrowser, newContext } from "#test/browser.ts";
import { startTestApp, type TestApp } from "#test/server.ts";
import { type Lang, tab, texts } from "./support/account-journey.ts";
import { accessibilityAuditor } from "./support/page-checks.ts";

/**
 * The operator console in Chromium, in German with JavaScript and in English without: the setup link printed
 * by `create-operator` leads to choosing a password and to the mandatory authenticator app; the operator sees
 * the municipalities, creates one (an incomplete form first), finds its pages under /{slug}, signs out and in
 * again with a code. Every page visited passes axe (WCAG 2.1 AA) with no browser problem.
 */

/** What an operator reads; written out here so that a changed text is a visible decision. */
const o = {
  de: {
    setupTitle: "Zugang einrichten",
    newPassword: "Neues Passwort",
    repeatPassword: "Passwort wiederholen",
    setPassword: "Passwort festlegen",
    totpTitle: "Zwei-Faktor-Anmeldung einrichten",
    totpRequired: "Für den Betrieb ist die Zwei-Faktor-Anmeldung vorgeschrieben.",
    setupCode: "Sicherheitscode",
    turnOn: "Einschalten",
    recoveryTitle: "Ihre Wiederherstellungscodes",
    recoveryDone: "Ich habe die Codes gespeichert",
    municipalities: "Kommunen",
    signedInAs: (email: string) => `Angemeldet als ${email}`,
    create: "Kommune anlegen",
    nameMissing: "Geben Sie den Namen der Kommune ein",
    officialNameMissing: "Geben Sie den amtlichen Namen ein, zum Beispiel Stadt Bad Homburg v. d. Höhe",
    slugInvalid:
      "Geben Sie einen Kurznamen aus Kleinbuchstaben, Ziffern und einzelnen Bindestrichen ein (höchstens 63 Zeichen), zum Beispiel bad-homburg",
    createSubmit: "Kommune anlegen",
    created: (name: string) => `Die Kommune ${name} ist angelegt.`,
    home: (name: string) => `Digitales Rathaus ${name}`,
    signOut: "Abmelden",
    signedOut: "Sie sind abgemeldet",
    signInAgain: "Erneut anmelden",
    loginTitle: "Anmeldung für den Betrieb",
    email: "E-Mail-Adresse",
    password: "Passwort",
    signIn: "Anmelden",
    secondStep: "Sicherheitscode eingeben",
    secondStepCode: "Sicherheitscode oder Wiederherstellungscode",
    confirm: "Bestätigen",
  },
  en: {
    setupTitle: "Set up your access",
    newPassword: "New password",
    repeatPassword: "Repeat the password",
    setPassword: "Set password",
    totpTitle: "Set up two-factor sign-in",
    totpRequired: "Operators must use two-factor sign-in.",
    setupCode: "Security code",
    turnOn: "Turn on",
    recoveryTitle: "Your recovery codes",
    recoveryDone: "I have saved the codes",
    municipalities: "Municipalities",
    signedInAs: (email: string) => `Signed in as ${email}`,
    create: "Create a municipality",
    nameMissing: "Enter the name of the municipality",
    officialNameMissing: "Enter the official name, like Stadt Bad Homburg v. d. Höhe",
    slugInvalid:
      "Enter a short name of lower-case letters, digits and single hyphens (at most 63 characters), like bad-homburg",
    createSubmit: "Create municipality",
    created: (name: string) => `The municipality ${name} has been created.`,
    home: (name: string) => `Digital Town Hall ${name}`,
    signOut: "Sign out",
    signedOut: "You are signed out",
    signInAgain: "Sign in again",
    loginTitle: "Sign in to operations",
    email: "Email address",
    password: "Password",
    signIn: "Sign in",
    secondStep: "Enter your security code",
    secondStepCode: "Security code or recovery code",
    confirm: "Confirm",
  },
} as const;

const paths = {
  home: "/betrieb",
  setup: "/betrieb/einrichten",
  code: "/betrieb/anmelden/code",
  login: "/betrieb/anmelden",
  logout: "/betrieb/abmelden",
  create: "/betrieb/kommunen/neu",
};

const password = "Sechs Schafe schwimmen schnell";
const codeAt = (secret: string, offsetSeconds: number) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

let app: TestApp;
let browser: Browser;
const closers: (() => Promise<void>)[] = [];
beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp("pglite", { linksReachable: true }), launchBrowser()]);
});
afterAll(async () => {
  for (const close of closers.splice(0)) await close();
  await browser?.close();
  await app?.close();
});

describe.each([
  ["de", true],
  ["en", false],
] as [Lang, boolean][])("the operator console in %s, JavaScript %s", (lang, javaScript) => {
  it("sets up the operator, creates a municipality, signs out and in again", async () => {
    const t = o[lang];
    const email = `betrieb-${lang}@example.org`;
    const municipality = lang === "de" ? "Oberursel" : "Kronberg";
    const slug = municipality.toLowerCase();
    const { locale } = texts[lang];
    const context = await newContext(browser, { javaScript, locale });
    const auditor = await accessibilityAuditor(browser, { javaScript, locale });
    closers.push(
      () => context.close(),
      () => auditor.close(),
    );
    const me = tab(await context.newPage(), app, lang, auditor);
    const byId = (name: string) => me.main.locator(`#field-${name}`);

    // The link `npm run operator -- create-operator` prints.
    const cli = { ...app.services.operator, publicUrl: app.config.publicUrl };
    const link = (await createOperatorCommand(cli, { email, lang })).at(-1) ?? "";
    await me.page.goto(link);
    await me.checkPage({ h1: t.setupTitle, path: paths.setup });
    await me.field(t.newPassword).fill(password);
    await me.field(t.repeatPassword).fill(password);
    await me.go(me.button(t.setPassword));

    await me.checkPage({ h1: t.totpTitle, path: paths.code });
    expect(await me.main.getByRole("note").textContent()).toContain(t.totpRequired);
    const secret = ((await me.main.locator("code").textContent()) ?? "").replaceAll(/\s/g, "");
    await me.field(t.setupCode).fill(await codeAt(secret, 0));
    await me.go(me.button(t.turnOn));
    await me.checkPage({ h1: t.recoveryTitle, path: paths.code });
    await me.go(me.link(t.recoveryDone));

    await me.checkPage({ h1: t.municipalities, path: paths.home });
    expect(await me.main.textContent()).toContain(t.signedInAs(email));
    const rows = me.main.getByRole("table").getByRole("row");
    expect(await rows.filter({ hasText: "Usingen" }).textContent()).toContain("usingen");

    await me.go(me.main.getByRole("link", { name: t.create, exact: true }).first());
    await me.checkPage({ h1: t.create, path: paths.create });
    await me.go(me.button(t.createSubmit));
    await me.checkPage({ h1: t.create, path: paths.create, status: 422 });
    await me.expectErrors([
      [t.nameMissing, "field-name"],
      [t.officialNameMissing, "field-officialName"],
      [t.slugInvalid, "field-slug"],
    ]);
    await byId("name").fill(municipality);
    await byId("officialName").fill(`Stadt ${municipality} (Taunus)`);
    await byId("slug").fill(slug);
    await byId("postalCode").fill("61440");
    await byId("adminName").fill("Erika Mustermann");
    await byId("adminEmail").fill(`admin@${slug}.example`);
    await me.go(me.button(t.createSubmit));
    await me.checkPage({ h1: t.municipalities, path: paths.home });
    expect(await me.main.getByRole("status").textContent()).toContain(t.created(municipality));
    const row = rows.filter({ hasText: municipality });
    expect((await row.textContent())?.replace(/\s+/g, " ")).toContain(`${slug}`);

    await me.go(row.getByRole("link", { name: municipality }));
    await me.checkPage({ h1: t.home(municipality), path: `/${slug}` });
    await me.visit(paths.home);
    await me.go(me.button(t.signOut));
    await me.checkPage({ h1: t.signedOut, path: paths.logout });
    await me.go(me.link(t.signInAgain));
    await me.checkPage({ h1: t.loginTitle, path: paths.login });
    await me.field(t.email).fill(email);
    await me.field(t.password).fill(password);
    await me.go(me.button(t.signIn));
    await me.checkPage({ h1: t.secondStep, path: paths.code });
    await me.field(t.secondStepCode).fill(await codeAt(secret, 30));
    await me.go(me.button(t.confirm));
    await me.checkPage({ h1: t.municipalities, path: paths.home });
  }, 300_000); // a dozen pages, each audited by axe: several seconds apiece on a busy machine
});
