import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyBilledLater, offerBilledLaterService } from "#test/billed-later.ts";
import { launchBrowser } from "#test/browser.ts";
import { FormClient } from "#test/form-client.ts";
import { waitForMail } from "#test/mailbox.ts";
import { startTestApp, type TestApp } from "#test/server.ts";
import { tabOpener } from "./support/back-office-tab.ts";
import { payByDirectDebit } from "./support/payment-platform.ts";

/**
 * A fee billed later in Chromium, with and without JavaScript: the Ordnungsamt's lead opens the list of
 * applications waiting for their fee, enters a wrong amount, then sets the fee; the guest who applied reads
 * it in the status check and pays it there by direct debit, coming back to the status page that now says
 * "Bezahlt". Every page passes axe (WCAG 2.1 AA) with no browser problem. The application itself is sent over
 * HTTP (the application journeys have their own browser tests).
 */

const list = "/usingen/verwaltung/gebuehren";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe.each([true, false])("a fee billed later in the browser, JavaScript %s", (javaScript) => {
  let app: TestApp;
  const tabs = tabOpener(
    () => browser,
    () => app,
    javaScript,
  );
  beforeAll(async () => {
    app = await startTestApp("pglite", { linksReachable: true });
    await offerBilledLaterService(app);
  });
  afterAll(async () => {
    await tabs.close();
    await app?.close();
  });

  it("the department sets the fee and the guest pays it from the status check", async () => {
    const application = await applyBilledLater(
      app,
      new FormClient(app.url),
      "Obergasse 3",
      "gast@example.de",
    );
    const receipt = await waitForMail(app.database.db, "gast@example.de", application.reference);
    const code = /Ihr Code: (\S+)/.exec(receipt.text_body)?.[1] ?? "";

    const lead = await tabs.open("fachbereichsleitung@usingen.example");
    await lead.visit("/usingen/verwaltung");
    await lead.go(lead.main.getByRole("navigation").getByRole("link", { name: "Gebühren festsetzen" }));
    await lead.checkPage({ h1: "Gebühren festsetzen", path: list });
    await lead.go(lead.link(application.reference));
    const detail = `${list}/${application.id}`;
    const h1 = `Gebühr festsetzen: ${application.reference}`;
    await lead.checkPage({ h1, path: detail });
    expect(await lead.main.textContent()).toContain("Obergasse 3");
    const fee = lead.field("Gebühr in Euro");
    expect(await fee.inputValue()).toBe("40,00");
    await fee.fill("vierzig");
    await lead.go(lead.button("Gebühr festsetzen und mitteilen"));
    await lead.checkPage({ h1, path: detail, status: 422 });
    await lead.expectErrors([
      ["Geben Sie die Gebühr als Betrag in Euro ein, zum Beispiel 45,00.", "field-gebuehr"],
    ]);
    await fee.fill("45,50");
    await lead.go(lead.button("Gebühr festsetzen und mitteilen"));
    await lead.checkPage({ h1: "Gebühren festsetzen", path: list });
    expect(await lead.main.getByRole("status").textContent()).toContain(
      `Die Gebühr für ${application.reference} ist festgesetzt: 45,50 €`,
    );
    await waitForMail(app.database.db, "gast@example.de", `Gebühr festgesetzt: ${application.reference}`);

    const guest = await tabs.open();
    await guest.visit("/usingen/antragsstatus");
    await guest.checkPage({ h1: "Stand eines Antrags abfragen", path: "/usingen/antragsstatus" });
    await guest.field("Aktenzeichen").fill(application.reference);
    await guest.field("Code aus der E-Mail").fill(code);
    await guest.go(guest.button("Stand abfragen"));
    const result = `Antrag ${application.reference}: Aufbruchgenehmigung`;
    await guest.checkPage({ h1: result, path: "/usingen/antragsstatus" });
    expect(await guest.main.textContent()).toContain("Offen");
    await guest.go(guest.button("Jetzt bezahlen"));
    await payByDirectDebit(guest, "45,50 €");
    await guest.checkPage({ h1: result, path: "/usingen/antragsstatus/ergebnis" });
    const paid = (await guest.main.textContent()) ?? "";
    expect(paid).toContain("Bezahlt");
    expect(paid).not.toContain("Jetzt bezahlen");
  }, 300_000);
});
