import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "#test/browser.ts";
import { startTestApp, type TestApp } from "#test/server.ts";
import { withoutPayment } from "#test/verified-service.ts";
import { openTab } from "./support/account-journey.ts";
import { fillStep } from "./support/application-fill.ts";

/**
 * A service that needs verified data, in Chromium with and without JavaScript: the Meldebescheinigung's start
 * page explains that only the online ID will do (no guest start), the demo identity provider signs the
 * Usingen test identity in and leads back, and the first step shows name, date of birth and address as
 * text that cannot be changed; then the certificate, the declaration, the review with the verified values,
 * and sending. Every page passes axe (WCAG 2.1 AA) without console errors or CSP violations.
 */

const service = "Meldebescheinigung beantragen";
const start = "/usingen/leistungen/meldebescheinigung/antrag";
const locked = "Aus Ihrem Online-Ausweis übernommen – diese Angabe können Sie hier nicht ändern.";

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp("pglite", { linksReachable: true }), launchBrowser()]);
  await withoutPayment(app);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function applyWithOnlineId(javaScript: boolean): Promise<void> {
  const { me, close } = await openTab(browser, app, "de", javaScript);
  const text = async () => ((await me.main.textContent()) ?? "").replace(/\s+/g, " ");
  try {
    await me.visit("/usingen/leistungen/meldebescheinigung");
    await me.checkPage({ h1: service, path: "/usingen/leistungen/meldebescheinigung" });
    await me.go(me.link("Online beantragen"));
    await me.checkPage({ h1: service, path: start });
    expect(await text()).toContain("Für diese Leistung müssen Sie sich mit Ihrem Online-Ausweis anmelden");
    expect(await me.button("Ohne Konto fortfahren").count()).toBe(0);

    await me.go(me.link("Mit BundID anmelden"));
    await me.checkPage({ h1: "Test-Identität wählen", path: me.pathname() });
    await me.main.getByLabel("Erika Mustermann", { exact: true }).check();
    await me.go(me.button("Anmelden und Daten übermitteln"));
    await me.checkPage({ h1: service, path: start });
    expect(await text()).toContain("mit dem Vertrauensniveau „substantiell“ angemeldet");
    await me.go(me.button("Antrag starten"));

    const draft = /^\/usingen\/antraege\/[0-9a-f-]{36}/.exec(me.pathname())?.[0] ?? "";
    await me.checkPage({ h1: "Ihre Daten", path: `${draft}/ihre-daten` });
    for (const value of ["Erika", "Mustermann", "12.08.1964", "Weilburger Straße 12", locked])
      expect(await text()).toContain(value);
    expect(await me.main.getByRole("textbox", { name: "Vorname" }).count()).toBe(0);
    const f = fillStep(me, "", async () => {});
    await f.text("Telefonnummer für Rückfragen", "06081 1025-0");
    await me.go(me.button("Weiter"));

    await me.checkPage({ h1: "Art der Bescheinigung", path: `${draft}/bescheinigung` });
    await f.choose("Welche Meldebescheinigung brauchen Sie?", "Erweiterte Meldebescheinigung (15,00 €)");
    await f.choose("Wie möchten Sie die Bescheinigung erhalten?", "Per Post an Ihre Meldeanschrift");
    await me.go(me.button("Weiter"));
    await me.checkPage({ h1: "Erklärung", path: `${draft}/erklaerung` });
    await f.tick(
      "Ich beantrage die Meldebescheinigung für mich selbst und versichere, dass meine Angaben richtig sind.",
    );
    await me.go(me.button("Weiter"));

    await me.checkPage({ h1: "Ihre Angaben prüfen", path: `${draft}/pruefen` });
    for (const value of ["Erika", "12.08.1964", "Weilburger Straße 12", "06081 1025-0", "15,00 €"])
      expect(await text()).toContain(value);
    expect(await me.main.getByRole("link", { name: "Ändern Vorname" }).count()).toBe(0);
    await me.go(me.button("Antrag verbindlich absenden"));
    await me.checkPage({ h1: "Ihr Antrag ist eingegangen", path: `${draft}/bestaetigung` });
  } finally {
    await close();
  }
}

describe("a service that needs verified data in the browser", () => {
  for (const javaScript of [true, false])
    it(`applies for a Meldebescheinigung with the online ID (${javaScript ? "with" : "without"} JavaScript)`, async () => {
      await applyWithOnlineId(javaScript);
    }, 300_000);
});
