import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext } from "#test/browser.ts";
import { startTestApp, type TestApp } from "#test/server.ts";
import { createAccount, type Lang, tab, texts } from "./support/account-journey.ts";
import { accessibilityAuditor } from "./support/page-checks.ts";
import { virtualAuthenticator } from "./support/virtual-authenticator.ts";

/**
 * Passkeys as a citizen uses them, in Chromium with its virtual authenticator (CDP WebAuthn domain, a device
 * with user verification and resident keys): sign in with the password, add a passkey, sign out, sign in with
 * the passkey alone, remove it; the failures a person can meet (no passkey on the device, a passkey the
 * account no longer has) are explained in the live region. Without JavaScript the pages stay password-only.
 * Every page passes axe (WCAG 2.1 AA) and shows no console error or CSP violation.
 *
 * WebAuthn refuses IP addresses as relying party, so the journey runs on Usingen's own hostname
 * usingen.localhost (Chromium resolves *.localhost to this machine and treats it as a secure context).
 */

const password = "Zehn Zebras zählen Zapfen";

const passkeyTexts = {
  de: {
    manage: "Passkeys verwalten",
    title: "Passkeys",
    none: "Sie haben noch keinen Passkey eingerichtet.",
    needsSupport:
      "Um einen Passkey hinzuzufügen, brauchen Sie einen Browser, der Passkeys unterstützt, mit eingeschaltetem JavaScript.",
    nameLabel: "Name des Passkeys",
    add: "Passkey hinzufügen",
    added: "Der Passkey wurde hinzugefügt. Sie können sich ab jetzt damit anmelden.",
    removed: "Der Passkey wurde entfernt.",
    never: "noch nie",
    remove: (name: string) => `„${name}“ entfernen`,
    signInWithPasskey: "Mit Passkey anmelden",
    cancelled: "Der Vorgang wurde abgebrochen oder die Zeit ist abgelaufen. Versuchen Sie es erneut.",
    notRecognised:
      "Dieser Passkey wurde nicht erkannt. Vielleicht wurde er entfernt. Melden Sie sich mit E-Mail-Adresse und Passwort an.",
    back: "Zurück",
  },
  en: {
    manage: "Manage passkeys",
    title: "Passkeys",
    none: "You have not set up a passkey yet.",
    needsSupport: "To add a passkey you need a browser that supports passkeys, with JavaScript turned on.",
    nameLabel: "Name of the passkey",
    add: "Add passkey",
    added: "The passkey has been added. You can now sign in with it.",
    removed: "The passkey has been removed.",
    never: "never",
    remove: (name: string) => `Remove “${name}”`,
    signInWithPasskey: "Sign in with a passkey",
    cancelled: "The request was cancelled or timed out. Please try again.",
    notRecognised:
      "This passkey was not recognised. It may have been removed. Sign in with your email address and password.",
    back: "Back",
  },
} as const;

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

const citizenId = async (email: string) =>
  (
    await app.database.db
      .selectFrom("citizens")
      .select("id")
      .where("email", "=", email)
      .executeTakeFirstOrThrow()
  ).id;

async function journey(lang: Lang): Promise<void> {
  const t = { ...texts[lang], ...passkeyTexts[lang] };
  const email = `passkey-${lang}@example.de`;
  await createAccount(app, email, password);
  const context = await newContext(browser, { javaScript: true, locale: t.locale });
  const auditor = await accessibilityAuditor(browser, { javaScript: true, locale: t.locale });
  const page = await context.newPage();
  const device = await virtualAuthenticator(page);
  const me = tab(page, app, lang, auditor);
  const feedback = page.getByRole("alert");
  const passkeyRows = () => me.main.getByRole("table", { name: "Passkeys" }).getByRole("row");

  async function expectFeedback(message: string): Promise<void> {
    await expect.poll(() => feedback.textContent()).toBe(message);
    await auditor.check(page);
  }

  async function signOut(): Promise<void> {
    await me.go(me.button(t.signOut));
    await me.checkPage({ h1: t.signedOut, path: "/konto/abmelden" });
    await me.go(me.link(t.toLogin));
    await me.checkPage({ h1: t.signIn, path: "/konto/anmelden" });
  }

  try {
    // The sign-in page offers the passkey; this device has none yet, which the live region explains.
    await page.goto(`${site}/konto/anmelden`);
    await me.checkPage({ h1: t.signIn, path: "/konto/anmelden" });
    await me.button(t.signInWithPasskey).click();
    await expectFeedback(t.cancelled);

    // Password first, then "Passkeys verwalten" on "Mein Konto".
    await me.signIn(email, password);
    await me.checkPage({ h1: t.account, path: "/konto" });
    await me.go(me.link(t.manage));
    await me.checkPage({ h1: t.title, path: "/konto/passkeys" });
    expect(await me.main.textContent()).toContain(t.none);
    expect(await me.main.getByText(t.needsSupport).isVisible()).toBe(false);

    // The label ends in "(optional)", so it is found by its start.
    await me.main.getByLabel(t.nameLabel).fill("Laptop");
    await me.go(me.button(t.add));
    await me.checkPage({ h1: t.title, path: "/konto/passkeys" });
    expect((await me.main.getByRole("status").textContent())?.trim()).toBe(t.added);
    expect(await passkeyRows().nth(1).textContent()).toMatch(
      new RegExp(
        `^\\s*Laptop\\s*\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}\\s*${t.never}\\s*${t.remove("Laptop")}\\s*$`,
      ),
    );
    const { credentials } = await device.cdp.send("WebAuthn.getCredentials", {
      authenticatorId: device.authenticatorId,
    });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]).toMatchObject({
      rpId: "usingen.localhost",
      isResidentCredential: true,
      userHandle: Buffer.from(await citizenId(email)).toString("base64"),
    });

    await me.go(me.link(t.back));
    await me.checkPage({ h1: t.account, path: "/konto" });
    await signOut();

    // The passkey alone signs in: no e-mail address, no password.
    await me.go(me.button(t.signInWithPasskey));
    await me.checkPage({ h1: t.account, path: "/konto" });
    expect(await me.main.textContent()).toContain(t.signedInAs(email));
    const session = await app.database.db
      .selectFrom("citizen_sessions")
      .select("auth_method")
      .where("citizen_id", "=", await citizenId(email))
      .orderBy("created_at", "desc")
      .executeTakeFirstOrThrow();
    expect(session.auth_method).toBe("passkey");

    // Remove it; the list says when it was last used.
    await me.go(me.link(t.manage));
    await me.checkPage({ h1: t.title, path: "/konto/passkeys" });
    expect(await passkeyRows().nth(1).textContent()).not.toContain(t.never);
    await me.go(me.button(t.remove("Laptop")));
    await me.checkPage({ h1: t.title, path: "/konto/passkeys" });
    expect((await me.main.getByRole("status").textContent())?.trim()).toBe(t.removed);
    expect(await me.main.textContent()).toContain(t.none);

    // The device still holds the passkey, the account no longer: refused, and said so.
    await me.go(me.link(t.back));
    await signOut();
    await me.button(t.signInWithPasskey).click();
    await expectFeedback(t.notRecognised);
    expect((await context.cookies()).map((c) => c.name)).not.toContain("rathaus_sid");
  } finally {
    await context.close();
  }
}

describe("passkeys in the browser", () => {
  for (const lang of ["de", "en"] as const) {
    it(`${lang}: add a passkey after signing in with the password, sign in with it alone, remove it`, async () => {
      await journey(lang);
    }, 300_000);
  }

  it("without JavaScript the pages offer no passkey controls and stay usable", async () => {
    const t = { ...texts.de, ...passkeyTexts.de };
    const email = "passkey-ohne-js@example.de";
    await createAccount(app, email, password);
    const context = await newContext(browser, { javaScript: false, locale: t.locale });
    const auditor = await accessibilityAuditor(browser, { javaScript: false, locale: t.locale });
    const me = tab(await context.newPage(), app, "de", auditor);
    try {
      await me.page.goto(`${site}/konto/anmelden`);
      await me.checkPage({ h1: t.signIn, path: "/konto/anmelden" });
      expect(await me.button(t.signInWithPasskey).isVisible()).toBe(false);
      await me.signIn(email, password);
      await me.checkPage({ h1: t.account, path: "/konto" });
      await me.go(me.link(t.manage));
      await me.checkPage({ h1: t.title, path: "/konto/passkeys" });
      expect(await me.main.getByText(t.needsSupport).isVisible()).toBe(true);
      expect(await me.main.getByLabel(t.nameLabel).isVisible()).toBe(false);
    } finally {
      await context.close();
      await auditor.close();
    }
  }, 120_000);
});
