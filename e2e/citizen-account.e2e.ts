import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext } from "#test/browser.ts";
import { FormClient } from "#test/form-client.ts";
import { startTestApp, type TestApp } from "#test/server.ts";
import { createAccount, deviceContext, type Lang, type Tab, tab, texts } from "./support/account-journey.ts";
import { accessibilityAuditor, expectSkipLinkWorks } from "./support/page-checks.ts";

/**
 * The citizen account as a citizen uses it, in Chromium, with and without JavaScript: register from the
 * Usingen header (a wrong address and a short password first), confirm the address with the link from the
 * mail at /_dev/mail, sign in (a wrong password first), see "Mein Konto" and sign out; reset a forgotten
 * password by mail (a too common one first); and end the sign-in of another device from "Mein Konto". Every
 * page visited passes axe (WCAG 2.1 AA) and shows no console error or CSP violation.
 */

const password = "Sieben Zwerge wandern über Berge";

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp("pglite", { linksReachable: true }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** A fresh browser context in `lang`, one tab in it, and the axe auditor that fits JavaScript on or off. */
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

const run = (lang: Lang, javaScript: boolean) => `${lang}-${javaScript ? "js" : "ohne-js"}`;

/** a) Register from the header, confirm by mail, sign in, "Mein Konto", sign out. */
async function registerAndSignIn(lang: Lang, javaScript: boolean): Promise<void> {
  const t = texts[lang];
  const typed = `Erika.Mustermann+${run(lang, javaScript)}@Example.de`;
  const email = typed.toLowerCase();
  const { me, close } = await open(lang, javaScript);
  try {
    await me.visit("/usingen");
    await me.checkPage({ h1: t.home, path: "/usingen" });
    await me.go(me.headerLink(t.signIn));
    await me.checkPage({ h1: t.signIn, path: "/usingen/konto/anmelden" });
    expect(await me.headerLink(t.signIn).getAttribute("aria-current")).toBe("page");
    await me.go(me.link(t.register));
    await me.checkPage({ h1: t.register, path: "/usingen/konto/registrieren" });

    // A wrong address and a short password: both explained, the address kept, the password not.
    await me.field(t.email).fill("erika.mustermann@");
    await me.field(t.password).fill("kurz");
    await me.go(me.button(t.registerSubmit));
    await me.checkPage({ h1: t.register, path: "/usingen/konto/registrieren", status: 422 });
    await me.expectErrors([
      [t.emailInvalid, "field-email"],
      [t.passwordTooShort, "field-password"],
    ]);
    expect(await me.field(t.email).inputValue()).toBe("erika.mustermann@");
    expect(await me.field(t.password).inputValue()).toBe("");

    await me.field(t.email).fill(typed);
    await me.field(t.password).fill(password);
    await me.go(me.button(t.registerSubmit));
    await me.checkPage({ h1: t.checkMailbox, path: "/usingen/konto/registrieren" });
    expect(await me.main.textContent()).toContain(t.sentTo(email));

    // The mail, read at /_dev/mail in the same browser; its link leads to a button that confirms.
    await me.openNewestMail(email, t.verifySubject);
    await me.followMailLink("/usingen/konto/bestaetigen");
    await me.checkPage({ h1: t.verifyTitle, path: "/usingen/konto/bestaetigen" });
    await me.go(me.button(t.verifyButton));
    await me.checkPage({ h1: t.verified, path: "/usingen/konto/bestaetigen" });
    await me.go(me.link(t.toLogin));
    await me.checkPage({ h1: t.signIn, path: "/usingen/konto/anmelden" });

    // A wrong password: one message for address and password (nobody learns which was wrong).
    await me.signIn(email, "Sieben Zwerge wandern über Täler", 422);
    await me.expectErrors([[t.loginFailed, "field-email"]]);
    expect(await me.field(t.email).inputValue()).toBe(email);

    await me.signIn(email, password);
    const devices = await me.expectAccount(email);
    expect(await devices.count()).toBe(1);
    expect(await devices.textContent()).toContain(t.thisDevice);
    expect(await devices.textContent()).toContain("Chrome");
    await expectSkipLinkWorks(me.page, t.skipLink);

    await me.go(me.button(t.signOut));
    await me.checkPage({ h1: t.signedOut, path: "/usingen/konto/abmelden" });
    // (This page itself still shows "Mein Konto" in the header: see the KNOWN BUG test below.)
    await me.visit("/usingen/konto");
    await me.checkPage({ h1: t.signIn, path: "/usingen/konto/anmelden" });
    expect(await me.headerLink(t.signIn).isVisible()).toBe(true);
  } finally {
    await close();
  }
}

/** b) A forgotten password: a link by mail, a too common password refused, the new one signs in. */
async function resetForgottenPassword(lang: Lang, javaScript: boolean): Promise<void> {
  const t = texts[lang];
  const email = `vergesslich-${run(lang, javaScript)}@example.de`;
  const newPassword = "Acht Ameisen tragen Blätter heim";
  await createAccount(app, email, password);
  const { me, close } = await open(lang, javaScript);
  try {
    await me.visit("/usingen/konto/anmelden");
    await me.checkPage({ h1: t.signIn, path: "/usingen/konto/anmelden" });
    await me.go(me.link(t.forgot));
    await me.checkPage({ h1: t.forgotTitle, path: "/usingen/konto/passwort-vergessen" });
    await me.field(t.email).fill(email);
    await me.go(me.button(t.forgotSubmit));
    await me.checkPage({ h1: t.checkMailbox, path: "/usingen/konto/passwort-vergessen" });

    await me.openNewestMail(email, t.resetSubject);
    await me.followMailLink("/usingen/konto/passwort-zuruecksetzen");
    await me.checkPage({ h1: t.resetTitle, path: "/usingen/konto/passwort-zuruecksetzen" });

    await me.field(t.newPassword).fill("qwerty123456");
    await me.go(me.button(t.resetSubmit));
    await me.checkPage({ h1: t.resetTitle, path: "/usingen/konto/passwort-zuruecksetzen", status: 422 });
    await me.expectErrors([[t.passwordTooCommon, "field-password"]]);

    await me.field(t.newPassword).fill(newPassword);
    await me.go(me.button(t.resetSubmit));
    await me.checkPage({ h1: t.resetDone, path: "/usingen/konto/passwort-zuruecksetzen" });
    await me.go(me.link(t.toLogin));
    await me.checkPage({ h1: t.signIn, path: "/usingen/konto/anmelden" });
    await me.signIn(email, password, 422); // the old one no longer works
    await me.expectErrors([[t.loginFailed, "field-email"]]);
    await me.signIn(email, newPassword);
    expect(await (await me.expectAccount(email)).count()).toBe(1);
  } finally {
    await close();
  }
}

/** c) Signed in on two devices; the laptop ends the tablet's sign-in, whose next visit asks to sign in. */
async function endAnotherDevice(lang: Lang, javaScript: boolean): Promise<void> {
  const t = texts[lang];
  const email = `zwei-geraete-${run(lang, javaScript)}@example.de`;
  await createAccount(app, email, password);
  const { locale } = t;
  const auditor = await accessibilityAuditor(browser, { javaScript, locale });
  const laptop = await deviceContext(browser, { javaScript, locale, device: "Laptop-A" });
  const tablet = await deviceContext(browser, { javaScript, locale, device: "Tablet-B" });
  const a = tab(await laptop.newPage(), app, lang, auditor);
  const b = tab(await tablet.newPage(), app, lang, auditor);
  const signIn = async (me: Tab) => {
    await me.visit("/usingen/konto");
    await me.checkPage({ h1: t.signIn, path: "/usingen/konto/anmelden" });
    await me.signIn(email, password);
  };
  try {
    await signIn(a);
    await a.expectAccount(email);
    await signIn(b);
    await b.expectAccount(email);

    await a.visit("/usingen/konto");
    const devices = await a.expectAccount(email);
    expect(await devices.count()).toBe(2);
    const own = devices.filter({ hasText: "Laptop-A" });
    const other = devices.filter({ hasText: "Tablet-B" });
    expect(await own.textContent()).toContain(t.thisDevice);
    expect(await own.getByRole("button").count()).toBe(0);
    expect(await other.textContent()).not.toContain(t.thisDevice);
    await a.go(other.getByRole("button", { name: t.endSession, exact: true }));

    const left = await a.expectAccount(email);
    expect((await a.main.getByRole("status").textContent())?.trim()).toBe(t.sessionEnded);
    expect(await left.count()).toBe(1);
    expect(await left.textContent()).toContain("Laptop-A");

    // The tablet's next visit: signed out, back to the sign-in page, which returns to "Mein Konto".
    await b.visit("/usingen/konto");
    await b.checkPage({ h1: t.signIn, path: "/usingen/konto/anmelden" });
    expect(new URL(b.page.url()).searchParams.get("weiter")).toBe("/usingen/konto");
    expect(await b.headerLink(t.signIn).isVisible()).toBe(true);
    expect((await tablet.cookies()).map((c) => c.name)).not.toContain("rathaus_sid");

    // The laptop stays signed in.
    await a.visit("/usingen/konto");
    expect(await (await a.expectAccount(email)).count()).toBe(1);
  } finally {
    await laptop.close();
    await tablet.close();
    await auditor.close();
  }
}

describe("citizen account in the browser", () => {
  const runs: [Lang, boolean][] = [
    ["de", true],
    ["de", false],
  ];
  for (const [lang, javaScript] of [...runs, ["en", true] as [Lang, boolean]]) {
    it(`${lang}, JavaScript ${javaScript ? "on" : "off"}: register from the header, confirm by mail, sign in, Mein Konto, sign out`, async () => {
      await registerAndSignIn(lang, javaScript);
    }, 300_000);
  }
  for (const [lang, javaScript] of runs) {
    it(`${lang}, JavaScript ${javaScript ? "on" : "off"}: forgotten password, link by mail, new password, sign in`, async () => {
      await resetForgottenPassword(lang, javaScript);
    }, 300_000);
    it(`${lang}, JavaScript ${javaScript ? "on" : "off"}: one device ends the sign-in of another`, async () => {
      await endAnotherDevice(lang, javaScript);
    }, 300_000);
  }

  it('the signed-out page shows "Anmelden" in the header, not "Mein Konto"', async () => {
    const email = "abgemeldet@example.de";
    await createAccount(app, email, password);
    const client = new FormClient(app.url);
    await client.get("/usingen/konto/anmelden");
    expect((await client.post("/usingen/konto/anmelden", { email, password })).status).toBe(303);
    await client.get("/usingen/konto");
    const page = await client.post("/usingen/konto/abmelden", {});
    expect(page.html).toContain("Sie sind abgemeldet");
    expect(/<nav class="site-header__tools"[\s\S]*?<\/nav>/.exec(page.html)?.[0]).toContain(">Anmelden<");
  });
});
