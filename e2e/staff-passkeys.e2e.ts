import { generate } from "otplib";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoStaffPassword } from "#seed/staff.ts";
import { launchBrowser, newContext } from "#test/browser.ts";
import { startTestApp, type TestApp } from "#test/server.ts";
import { tab, texts } from "./support/account-journey.ts";
import { accessibilityAuditor } from "./support/page-checks.ts";
import { virtualAuthenticator } from "./support/virtual-authenticator.ts";

/**
 * A clerk's passkey in Chromium with its virtual authenticator: signed in with password and authenticator
 * code, the clerk adds a passkey under "Mein Zugang", signs out, signs in with the passkey alone (both
 * factors in one), and removes it again. Every page passes axe (WCAG 2.1 AA) with no browser problem.
 * WebAuthn refuses IP addresses as relying party, so the journey runs on Usingen's hostname usingen.localhost.
 */

const s = {
  loginTitle: "Anmeldung für Mitarbeitende",
  email: "Dienstliche E-Mail-Adresse",
  password: "Passwort",
  signIn: "Anmelden",
  secondStep: "Sicherheitscode eingeben",
  secondStepCode: "Sicherheitscode oder Wiederherstellungscode",
  confirm: "Bestätigen",
  backOffice: "Verwaltung",
  ownAccess: "Mein Zugang",
  none: "Sie haben noch keinen Passkey eingerichtet.",
  nameLabel: "Name des Passkeys",
  add: "Passkey hinzufügen",
  added: "Der Passkey wurde hinzugefügt. Sie können sich ab jetzt damit anmelden.",
  removed: "Der Passkey wurde entfernt.",
  remove: (name: string) => `„${name}“ entfernen`,
  signOut: "Abmelden",
  signedOut: "Sie sind abgemeldet",
  signInAgain: "Erneut anmelden",
  signInWithPasskey: "Mit Passkey anmelden",
  signedInAs: "Angemeldet als Sabine Sachbearbeiterin",
};
const email = "sachbearbeitung@usingen.example";

let app: TestApp;
let browser: Browser;
let site: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp("pglite", { linksReachable: true }), launchBrowser()]);
  await app.services.tenants.setHostnames("usingen", ["usingen.localhost"]);
  site = app.url.replace("127.0.0.1", "usingen.localhost");
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The clerk's authenticator app, set up beforehand (the first sign-in with its set-up has its own journey). */
async function authenticatorOfClerk(): Promise<string> {
  const tenant = await app.services.tenants.bySlug("usingen");
  const member = await app.database.db
    .selectFrom("staff_members")
    .select(["tenant_id", "id"])
    .where("tenant_id", "=", tenant?.id ?? "")
    .where("email", "=", email)
    .executeTakeFirstOrThrow();
  const owner = { tenantId: member.tenant_id, staffId: member.id };
  const { secret } = await app.services.staff.totp.beginSetup(owner, email);
  expect(await app.services.staff.totp.confirmSetup(owner, await generate({ secret }))).toHaveLength(10);
  return secret;
}

describe("staff passkeys in the browser", () => {
  it("a clerk adds a passkey under 'Mein Zugang', signs in with it alone, and removes it", async () => {
    const secret = await authenticatorOfClerk();
    const { locale } = texts.de;
    const context = await newContext(browser, { javaScript: true, locale });
    const auditor = await accessibilityAuditor(browser, { javaScript: true, locale });
    const page = await context.newPage();
    const device = await virtualAuthenticator(page);
    const me = tab(page, app, "de", auditor);
    const passkeyRows = () => me.main.getByRole("table", { name: "Ihre Passkeys" }).getByRole("row");
    try {
      await page.goto(`${site}/verwaltung/anmelden`);
      await me.checkPage({ h1: s.loginTitle, path: "/verwaltung/anmelden" });
      await me.field(s.email).fill(email);
      await me.field(s.password).fill(demoStaffPassword);
      await me.go(me.button(s.signIn));
      await me.checkPage({ h1: s.secondStep, path: "/verwaltung/anmelden/code" });
      await me.field(s.secondStepCode).fill(await generate({ secret, epoch: Date.now() / 1000 + 30 }));
      await me.go(me.button(s.confirm));
      await me.checkPage({ h1: s.backOffice, path: "/verwaltung" });

      await me.go(me.main.getByRole("navigation").getByRole("link", { name: s.ownAccess }));
      await me.checkPage({ h1: s.ownAccess, path: "/verwaltung/zugang" });
      expect(await me.main.textContent()).toContain(s.none);
      await me.main.getByLabel(s.nameLabel).fill("Dienstlaptop");
      await me.go(me.button(s.add));
      await me.checkPage({ h1: s.ownAccess, path: "/verwaltung/zugang" });
      expect(await me.page.getByRole("status").first().textContent()).toContain(s.added);
      expect(await passkeyRows().nth(1).textContent()).toContain(s.remove("Dienstlaptop"));
      const { credentials } = await device.cdp.send("WebAuthn.getCredentials", {
        authenticatorId: device.authenticatorId,
      });
      expect(credentials).toMatchObject([{ rpId: "usingen.localhost", isResidentCredential: true }]);

      await me.go(page.getByRole("button", { name: s.signOut, exact: true }));
      await me.checkPage({ h1: s.signedOut, path: "/verwaltung/abmelden" });
      await me.go(me.link(s.signInAgain));
      await me.checkPage({ h1: s.loginTitle, path: "/verwaltung/anmelden" });

      // No address, no password, no code: the passkey with the fingerprint is both factors.
      await me.go(me.button(s.signInWithPasskey));
      await me.checkPage({ h1: s.backOffice, path: "/verwaltung" });
      expect(await page.textContent("body")).toContain(s.signedInAs);

      await me.go(me.main.getByRole("navigation").getByRole("link", { name: s.ownAccess }));
      await me.checkPage({ h1: s.ownAccess, path: "/verwaltung/zugang" });
      await me.go(me.button(s.remove("Dienstlaptop")));
      await me.checkPage({ h1: s.ownAccess, path: "/verwaltung/zugang" });
      expect(await me.page.getByRole("status").first().textContent()).toContain(s.removed);
      expect(await me.main.textContent()).toContain(s.none);
    } finally {
      await auditor.close();
      await context.close();
    }
  }, 300_000);
});
