import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { berlinDate } from "#core/dates/berlin.ts";
import type { Payment } from "#modules/payments/index.ts";
import { launchBrowser } from "#test/browser.ts";
import { startTestApp, type TestApp } from "#test/server.ts";
import { payWithSimulator } from "#test/simulator-payment.ts";
import { tabOpener } from "./support/back-office-tab.ts";

/**
 * The staff's payment pages in Chromium, with and without JavaScript: the treasury filters the list (a wrong
 * date first), opens a payment, refunds too much and then part of it; the administration gives the treasury
 * software access and sets the Kassenzeichen pattern after a preview. Every page passes axe (WCAG 2.1 AA)
 * with no browser problem. Signing in is the back office's own journey (staff-back-office.e2e.ts): here the
 * session comes from an HTTP sign-in.
 */

const list = "/usingen/verwaltung/zahlungen";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe.each([true, false])("payments in the back office in the browser, JavaScript %s", (javaScript) => {
  let app: TestApp;
  let payment: Payment;
  const tabs = tabOpener(
    () => browser,
    () => app,
    javaScript,
  );
  beforeAll(async () => {
    app = await startTestApp("pglite", { linksReachable: true });
    payment = await payWithSimulator(app, "usingen", { amountCents: 3070, email: "erika@example.de" });
  });
  afterAll(async () => {
    await tabs.close();
    await app?.close();
  });

  it("the treasury filters payments, opens one and refunds part of it", async () => {
    const me = await tabs.open("kasse@usingen.example");
    await me.visit("/usingen/verwaltung");
    await me.go(me.main.getByRole("navigation").getByRole("link", { name: "Zahlungen", exact: true }));
    await me.checkPage({ h1: "Zahlungen", path: list });

    const from = me.main.getByRole("group", { name: "Angelegt ab" });
    await from.getByLabel("Tag").fill("31");
    await from.getByLabel("Monat").fill("2");
    await from.getByLabel("Jahr").fill("2026");
    await me.field("Status").selectOption({ label: "Bezahlt" });
    await me.go(me.button("Filtern"));
    await me.checkPage({ h1: "Zahlungen", path: list, status: 422 });
    await me.expectErrors([["Geben Sie ein gültiges Datum an, zum Beispiel 27 11 2026", "field-von"]]);
    await from.getByLabel("Tag").fill("");
    await from.getByLabel("Monat").fill("");
    await from.getByLabel("Jahr").fill("");
    await me.field("Leistung").selectOption({ label: "Bewohnerparkausweis beantragen" });
    await me.go(me.button("Filtern"));
    await me.checkPage({ h1: "Zahlungen", path: list });
    expect(new URL(me.page.url()).searchParams.get("status")).toBe("succeeded");
    expect(new URL(me.page.url()).searchParams.get("leistung")).toBe("bewohnerparkausweis");
    const sums = me.main.getByRole("table", { name: "Summen aller Zahlungen, die zum Filter passen" });
    const cells = await sums.getByRole("row").nth(1).getByRole("cell").allTextContents();
    expect(cells.map((cell) => cell.trim())).toEqual(["1", "30,70 €", "0,00 €", "30,70 €"]);

    await me.go(me.link(payment.kassenzeichen));
    const detail = `${list}/${payment.id}`;
    await me.checkPage({ h1: `Zahlung ${payment.kassenzeichen}`, path: detail });
    await me.field("Betrag in Euro").fill("31");
    await me.field("Grund der Erstattung").fill("Gebühr ermäßigt");
    await me.go(me.button("Erstattung auslösen"));
    await me.checkPage({ h1: `Zahlung ${payment.kassenzeichen}`, path: `${detail}/erstattung`, status: 422 });
    await me.expectErrors([["Geben Sie höchstens den noch erstattbaren Betrag ein", "field-betrag"]]);
    expect(await me.field("Grund der Erstattung").inputValue()).toBe("Gebühr ermäßigt");
    await me.field("Betrag in Euro").fill("10,70");
    await me.go(me.button("Erstattung auslösen"));
    await me.checkPage({ h1: `Zahlung ${payment.kassenzeichen}`, path: detail });
    expect((await me.main.getByRole("status").textContent())?.trim()).toBe(
      "Die Erstattung über 10,70 € wurde ausgeführt.",
    );
    const refunds = me.main.getByRole("table", { name: "Erstattungen dieser Zahlung" });
    expect(await refunds.textContent()).toContain("Gebühr ermäßigt");
  }, 300_000);

  it("the administration creates access for the treasury software, shown once", async () => {
    const me = await tabs.open("admin@usingen.example");
    await me.visit(list);
    await me.checkPage({ h1: "Zahlungen", path: list });
    await me.go(me.link("Zugänge der Kassensoftware verwalten"));
    const tokens = `${list}/schnittstelle`;
    await me.checkPage({ h1: "Zugänge der Kassensoftware", path: tokens });
    await me.go(me.button("Zugang anlegen"));
    await me.checkPage({ h1: "Zugänge der Kassensoftware", path: tokens, status: 422 });
    await me.expectErrors([["Geben Sie eine Bezeichnung ein", "field-bezeichnung"]]);
    await me.field("Bezeichnung").fill("Kassenverfahren");
    await me.go(me.button("Zugang anlegen"));
    await me.checkPage({ h1: "Zugänge der Kassensoftware", path: tokens });
    expect(await me.main.getByRole("status").locator("code").textContent()).toMatch(/^kasse_/);
    await me.go(me.button("„Kassenverfahren“ widerrufen"));
    await me.checkPage({ h1: "Zugänge der Kassensoftware", path: tokens });
    expect(await me.main.getByRole("status").textContent()).toContain("Der Zugang wurde widerrufen.");
  }, 300_000);

  it("the administration previews and saves a new Kassenzeichen pattern", async () => {
    const me = await tabs.open("admin@usingen.example");
    const year = berlinDate(new Date()).slice(-4);
    await me.visit(list);
    await me.go(me.link("Zahlungsplattform und Kassenzeichen einstellen"));
    const settings = `${list}/einstellungen`;
    const h1 = "Zahlungseinstellungen";
    await me.checkPage({ h1, path: settings });
    expect(
      await me.main.getByRole("radio", { name: "ePayBL-Zahlungsplattform (epay-sim)" }).isChecked(),
    ).toBe(true);
    expect(await me.main.textContent()).toContain(`Beispiel: USI-${year}-K000002`);
    const pattern = me.field("Muster für das Kassenzeichen");
    await pattern.fill("{prefix}-{number}");
    await me.go(me.button("Einstellungen speichern"));
    await me.checkPage({ h1, path: settings, status: 422 });
    await me.expectErrors([
      [
        "Das Muster muss den Platzhalter {year} enthalten, weil die laufende Nummer jedes Jahr neu beginnt",
        "field-muster",
      ],
    ]);
    await pattern.fill("KZ/{year}/{number}");
    await me.go(me.button("Vorschau anzeigen"));
    await me.checkPage({ h1, path: settings });
    expect(await me.main.textContent()).toContain(`Beispiel: KZ/${year}/000002`);
    await me.go(me.button("Einstellungen speichern"));
    await me.checkPage({ h1, path: settings });
    expect((await me.main.getByRole("status").textContent())?.trim()).toBe(
      "Die Zahlungseinstellungen wurden gespeichert.",
    );
    expect(await pattern.inputValue()).toBe("KZ/{year}/{number}");
  }, 300_000);
});
