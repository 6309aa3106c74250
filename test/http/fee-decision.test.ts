import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyBilledLater, offerBilledLaterService } from "../billed-later.ts";
import { signedInClient } from "../citizen-applications.ts";
import { testDrivers } from "../db.ts";
import { createCitizen } from "../factories.ts";
import { FormClient, textOf } from "../form-client.ts";
import { waitForMail } from "../mailbox.ts";
import { startTestApp, type TestApp } from "../server.ts";
import { signInStaff } from "../staff.ts";

/**
 * Fees billed later over HTTP: the application is sent without a payment, the responsible department's
 * clerk sets the fee (or waives it) in the back office, the citizen is mailed and pays from Mein Rathaus or
 * the status check. Staff of other departments, roles and municipalities cannot see or bill it; a second
 * decision changes nothing.
 */

const list = "/usingen/verwaltung/gebuehren";

const sepa = { method: "sepa", iban: "DE02120300000000202051", accountHolder: "Mia Muster", mandate: "yes" };

describe.each(testDrivers())("fees billed later on %s", (driver) => {
  let t: TestApp;
  let lead: FormClient;
  let clerk: FormClient;
  let treasury: FormClient;

  const apply = (client: FormClient, street: string, email?: string) =>
    applyBilledLater(t, client, street, email);

  const paymentsOf = (applicationId: string) =>
    t.database.db.selectFrom("payments").selectAll().where("application_id", "=", applicationId).execute();

  beforeAll(async () => {
    t = await startTestApp(driver, { linksReachable: true });
    await offerBilledLaterService(t);
    [lead, clerk, treasury] = await Promise.all([
      signInStaff(t.url, "usingen", "fachbereichsleitung@usingen.example"),
      signInStaff(t.url, "usingen", "sachbearbeitung@usingen.example"),
      signInStaff(t.url, "usingen", "kasse@usingen.example"),
    ]);
  });
  afterAll(() => t?.close());

  it("lets the responsible department set the fee; the citizen is mailed and pays it from Mein Rathaus", async () => {
    await createCitizen(t, "mia@example.de", "Ein sehr gutes Passwort 7");
    const mia = await signedInClient(t, "mia@example.de", "Ein sehr gutes Passwort 7");
    const application = await apply(mia, "Obergasse 3");
    expect(application.fee_decision).toBe("pending");
    expect(await paymentsOf(application.id)).toHaveLength(0);
    expect(textOf((await mia.get("/usingen/mein-rathaus")).html)).toContain(
      "Wird nach der Entscheidung festgesetzt",
    );

    // Only the department responsible for the service sees it; the treasury has no such page.
    const leadList = await lead.get(list);
    expect(textOf(leadList.html)).toContain(`${application.reference} Aufbruchgenehmigung`);
    expect(textOf(leadList.html)).toContain("40,00 €");
    const clerkList = textOf((await clerk.get(list)).html);
    expect(clerkList).not.toContain(application.reference);
    expect(clerkList).toContain("Zurzeit wartet kein Antrag Ihrer Fachbereiche");
    expect((await clerk.get(`${list}/${application.id}`)).status).toBe(404);
    expect((await clerk.post(`${list}/${application.id}`, { gebuehr: "1,00" })).status).toBe(404);
    expect(textOf((await lead.get(`${list}?lang=en`)).html)).toContain("Set fees For these applications");
    await lead.get(`${list}?lang=de`);
    expect((await treasury.get(list)).status).toBe(403);
    expect(textOf((await treasury.get("/usingen/verwaltung")).html)).not.toContain("Gebühren festsetzen");

    const detail = await lead.get(`${list}/${application.id}`);
    const detailText = textOf(detail.html);
    expect(detailText).toContain("Straße Obergasse 3");
    expect(detailText).toContain("Rechtsgrundlage: Verwaltungskostensatzung der Stadt Usingen, Nr. 12");
    expect(detailText).toContain("vorläufig berechnet: 40,00 €");
    expect(detail.html).toContain('value="40,00"');

    for (const [value, message] of [
      ["", "Geben Sie die Gebühr in Euro ein"],
      ["vierzig", "Geben Sie die Gebühr als Betrag in Euro ein"],
      ["-5", "Geben Sie die Gebühr als Betrag in Euro ein"],
      ["2.000.000", "Die Gebühr darf höchstens 1.000.000,00 € betragen"],
    ] as const) {
      const refused = await lead.post(`${list}/${application.id}`, { gebuehr: value });
      expect(refused.status, value).toBe(422);
      expect(textOf(refused.html)).toContain(message);
    }
    expect(await paymentsOf(application.id)).toHaveLength(0);

    const decided = await lead.post(`${list}/${application.id}`, { gebuehr: "45,50" });
    expect(decided.status).toBe(303);
    const [payment] = await paymentsOf(application.id);
    expect(payment).toMatchObject({ amount_cents: 4550, state: "created" });
    const notice = textOf((await lead.get(decided.location ?? "")).html);
    expect(notice).toContain(
      `Die Gebühr für ${application.reference} ist festgesetzt: 45,50 €, Kassenzeichen ${payment?.kassenzeichen}.`,
    );
    expect(textOf((await lead.get(list)).html)).not.toContain(`${application.reference} Aufbruch`);

    const again = await lead.post(`${list}/${application.id}`, { gebuehr: "99,00" });
    expect(again.status).toBe(409);
    expect(textOf(again.html)).toContain("wurde bereits festgesetzt. Es wurde nichts geändert.");
    expect(await paymentsOf(application.id)).toHaveLength(1);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "application.fee_billed")
      .where("target", "=", application.reference)
      .execute();
    expect(audit).toHaveLength(1);

    const mail = await waitForMail(
      t.database.db,
      "mia@example.de",
      `Gebühr festgesetzt: ${application.reference}`,
    );
    expect(mail.text_body).toContain(`45,50 €. Kassenzeichen: ${payment?.kassenzeichen}`);
    expect(mail.text_body).toContain("/usingen/mein-rathaus");

    const mine = await mia.get("/usingen/mein-rathaus");
    expect(textOf(mine.html)).toContain("Offen: 45,50 €");
    const payForm = `/usingen/mein-rathaus/antraege/${application.id}/bezahlen`;
    expect(mine.html).toContain(`action="${payForm}"`);
    const platform = new URL((await mia.post(payForm, {})).location ?? "", t.url).pathname;
    await mia.get(platform);
    const back = await mia.post(platform, { ...sepa, action: "pay" });
    expect(new URL(back.location ?? "", t.url).pathname).toBe("/usingen/mein-rathaus");
    expect(textOf((await mia.get("/usingen/mein-rathaus")).html)).toContain("Bezahlt: 45,50 €");
  });

  it("waives a guest's fee with 0, which the guest reads in the mail and the status check", async () => {
    const guest = new FormClient(t.url);
    const application = await apply(guest, "Untergasse 9", "gast@example.de");
    const receipt = await waitForMail(t.database.db, "gast@example.de", application.reference);
    const code = /Ihr Code: (\S+)/.exec(receipt.text_body)?.[1] ?? "";
    const status = async () => {
      await guest.get("/usingen/antragsstatus");
      return textOf(
        (await guest.post("/usingen/antragsstatus", { reference: application.reference, code })).html,
      );
    };
    expect(await status()).toContain("Gebühr: Wird nach der Entscheidung festgesetzt");

    expect((await lead.post(`${list}/${application.id}`, { gebuehr: "0" })).status).toBe(303);
    expect(await paymentsOf(application.id)).toHaveLength(0);
    expect(textOf((await lead.get(`${list}?festgesetzt=${application.id}`)).html)).toContain(
      `Für ${application.reference} wird keine Gebühr erhoben.`,
    );
    const mail = await waitForMail(
      t.database.db,
      "gast@example.de",
      `Keine Gebühr: ${application.reference}`,
    );
    expect(mail.text_body).toContain("Sie müssen nichts bezahlen.");
    expect(await status()).toContain("Gebühr: Keine Gebühr");
  });

  it("bills once when two clerks decide at the same moment", async () => {
    const application = await apply(new FormClient(t.url), "Marktplatz 1", "markt@example.de");
    const other = await signInStaff(t.url, "usingen", "fachbereichsleitung@usingen.example");
    await other.get(`${list}/${application.id}`);
    await lead.get(`${list}/${application.id}`);
    const answers = await Promise.all([
      lead.post(`${list}/${application.id}`, { gebuehr: "10,00" }),
      other.post(`${list}/${application.id}`, { gebuehr: "20,00" }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([303, 409]);
    expect(await paymentsOf(application.id)).toHaveLength(1);
  });

  it("keeps another municipality's staff out", async () => {
    const application = await apply(new FormClient(t.url), "Schloßplatz 2", "schloss@example.de");
    const neuAnspach = await signInStaff(t.url, "neu-anspach", "fachbereichsleitung@neu-anspach.example");
    expect((await neuAnspach.get(`/neu-anspach/verwaltung/gebuehren/${application.id}`)).status).toBe(404);
    expect(textOf((await neuAnspach.get("/neu-anspach/verwaltung/gebuehren")).html)).not.toContain(
      application.reference,
    );
    expect((await lead.get(`${list}/kein-antrag`)).status).toBe(404);
  });
});
