import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { berlinDate } from "#core/dates/berlin.ts";
import type { Payment } from "#modules/payments/index.ts";
import { testDrivers } from "../db.ts";
import { type FormClient, textOf } from "../form-client.ts";
import { waitForMail } from "../mailbox.ts";
import { startTestApp, type TestApp } from "../server.ts";
import { payWithSimulator } from "../simulator-payment.ts";
import { signInStaff } from "../staff.ts";

const list = "/usingen/verwaltung/zahlungen";
const detail = (payment: Payment) => `${list}/${payment.id}`;

/** The parts of a DateField for the Berlin calendar day of `date`, as query parameters named `name-…`. */
function dayQuery(name: string, date: Date): string {
  const [day = "", month = "", year = ""] = berlinDate(date).split(".");
  return new URLSearchParams({
    [`${name}-day`]: day,
    [`${name}-month`]: month,
    [`${name}-year`]: year,
  }).toString();
}

/** The service filter's choices as `slug=label`, in the order shown, without the "alle" placeholder. */
function serviceChoices(html: string): string[] {
  const select = /<select[^>]*name="leistung"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? "";
  return [...select.matchAll(/<option value="([^"]*)"[^>]*>([\s\S]*?)<\/option>/g)]
    .map(([, value, label]) => `${value}=${textOf(label ?? "")}`)
    .slice(1);
}

const hiddenRefundable = (html: string) => /name="erstattbar" value="(\d+)"/.exec(html)?.[1] ?? "";

describe.each(testDrivers())("payments in the back office on %s", (driver) => {
  let t: TestApp;
  let treasury: FormClient;
  let clerk: FormClient;
  let admin: FormClient;
  let parking: Payment;
  let dog: Payment;
  let english: Payment;
  let neuAnspach: Payment;

  beforeAll(async () => {
    t = await startTestApp(driver, { linksReachable: true });
    parking = await payWithSimulator(t, "usingen", { amountCents: 3070, email: "erika@example.de" });
    dog = await payWithSimulator(t, "usingen", {
      amountCents: 123456,
      serviceSlug: "hundesteuer",
      purpose: "Hundesteuer 2026",
      email: "hund@example.de",
    });
    english = await payWithSimulator(t, "usingen", {
      amountCents: 1500,
      email: "jane@example.org",
      lang: "en",
      serviceSlug: "sondernutzung-verkehrsflaechen",
    });
    neuAnspach = await payWithSimulator(t, "neu-anspach", { amountCents: 999 });
    [treasury, clerk, admin] = await Promise.all([
      signInStaff(t.url, "usingen", "kasse@usingen.example"),
      signInStaff(t.url, "usingen", "sachbearbeitung@usingen.example"),
      signInStaff(t.url, "usingen", "admin@usingen.example"),
    ]);
  });
  afterAll(() => t?.close());

  const auditActions = async (action: string) =>
    t.database.db.selectFrom("audit_log").selectAll().where("action", "=", action).execute();

  it("lists the municipality's payments with sums, filters them and pages through them", async () => {
    const home = textOf((await treasury.get("/usingen/verwaltung")).html);
    expect(home).toContain("Ihre Rollen Kasse Ihre Fachbereiche Finanzen und Stadtkasse");
    expect(home).toContain("Zahlungen erstatten");
    const page = await treasury.get(list);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    for (const payment of [parking, dog, english]) expect(text).toContain(payment.kassenzeichen);
    expect(text).not.toContain(neuAnspach.kassenzeichen);
    expect(text).toContain("Anzahl Bezahlt Erstattet Netto 3 1.280,26 € 0,00 € 1.280,26 €");
    expect(page.html).toContain(`href="${detail(parking)}"`);
    expect(page.html).toMatch(
      /<a class="kern-link" href="\/usingen\/verwaltung\/zahlungen"[^>]*aria-current="page"/,
    );

    // Services by their catalog name, sorted by it; a slug the catalog does not know is shown as it is.
    expect(text).toContain("Bewohnerparkausweis beantragen");
    expect(text).not.toContain("bewohnerparkausweis");
    expect(serviceChoices(page.html)).toEqual([
      "sondernutzung-verkehrsflaechen=Antrag auf Sondernutzung öffentlicher Verkehrsflächen",
      "bewohnerparkausweis=Bewohnerparkausweis beantragen",
      "hundesteuer=hundesteuer",
    ]);
    const inEnglish = await treasury.get(`${list}?lang=en`);
    expect(textOf(inEnglish.html)).toContain("Residents' parking permit");
    expect(serviceChoices(inEnglish.html)).toEqual([
      "hundesteuer=hundesteuer",
      "sondernutzung-verkehrsflaechen=Permit for special use of public roads and pavements",
      "bewohnerparkausweis=Residents' parking permit",
    ]);
    expect(textOf((await treasury.get(`${detail(parking)}?lang=en`)).html)).toContain(
      "Service Residents' parking permit",
    );
    await treasury.get(`${list}?lang=de`);

    const dogsOnly = textOf((await treasury.get(`${list}?leistung=hundesteuer`)).html);
    expect(dogsOnly).toContain(dog.kassenzeichen);
    expect(dogsOnly).not.toContain(parking.kassenzeichen);
    expect(dogsOnly).toContain("1 1.234,56 € 0,00 € 1.234,56 €");
    expect(textOf((await treasury.get(detail(dog))).html)).toContain("Leistung hundesteuer Zahlungsdienst");
    expect(textOf((await treasury.get(`${list}?status=refunded`)).html)).toContain(
      "Keine Zahlungen gefunden.",
    );
    const today = `${dayQuery("von", parking.createdAt)}&${dayQuery("bis", parking.createdAt)}`;
    expect(textOf((await treasury.get(`${list}?${today}`)).html)).toContain(parking.kassenzeichen);
    const yesterday = new Date(parking.createdAt.getTime() - 86_400_000);
    expect(textOf((await treasury.get(`${list}?${dayQuery("bis", yesterday)}`)).html)).toContain(
      "Keine Zahlungen gefunden.",
    );

    const wrong = await treasury.get(
      `${list}?von-day=31&von-month=2&von-year=2026&status=kaputt&leistung=%3Cb%3E`,
    );
    expect(wrong.status).toBe(422);
    expect(textOf(wrong.html)).toContain("Geben Sie ein gültiges Datum an");
    expect(wrong.html).toContain('value="31"');
    const backwards = await treasury.get(
      `${list}?${dayQuery("von", parking.createdAt)}&${dayQuery("bis", yesterday)}`,
    );
    expect(backwards.status).toBe(422);
    expect(textOf(backwards.html)).toContain("darf nicht vor dem Datum");
  });

  it("shows a payment with its history and refunds it in part and in full, refusing stale, duplicate and excessive refunds", async () => {
    const shown = await treasury.get(detail(parking));
    expect(shown.status).toBe(200);
    const text = textOf(shown.html);
    for (const fact of [
      parking.kassenzeichen,
      "30,70 €",
      "SEPA-Lastschrift",
      "Zahlung begonnen",
      "Zahlungsdienst (epay-sim)",
      "Leistung Bewohnerparkausweis beantragen",
    ])
      expect(text).toContain(fact);
    expect(hiddenRefundable(shown.html)).toBe("3070");

    const refund = (fields: Record<string, string>) => treasury.post(`${detail(parking)}/erstattung`, fields);
    expect((await refund({ betrag: "abc", grund: "x", erstattbar: "3070" })).status).toBe(422);
    expect((await refund({ betrag: "0,00", grund: "x", erstattbar: "3070" })).status).toBe(422);
    const noReason = await refund({ betrag: "10", grund: " ", erstattbar: "3070" });
    expect(noReason.status).toBe(422);
    expect(textOf(noReason.html)).toContain("Geben Sie den Grund der Erstattung an");
    const tooMuch = await refund({ betrag: "30,71", grund: "Doppelt bezahlt", erstattbar: "3070" });
    expect(tooMuch.status).toBe(422);
    expect(textOf(tooMuch.html)).toContain("höchstens den noch erstattbaren Betrag");

    const part = await refund({ betrag: "10,00", grund: "Ermäßigung nachträglich", erstattbar: "3070" });
    expect(part.status).toBe(303);
    const after = await treasury.get(part.location ?? "");
    expect(textOf(after.html)).toContain("Die Erstattung über 10,00 € wurde ausgeführt.");
    expect(textOf(after.html)).toContain("Teilweise erstattet");
    expect(textOf(after.html)).toContain("Karin Kasse");
    expect(hiddenRefundable(after.html)).toBe("2070");

    // The same form sent twice (a double click, the back button): the second is stale and refused.
    const duplicate = await refund({ betrag: "10,00", grund: "Ermäßigung nachträglich", erstattbar: "3070" });
    expect(duplicate.status).toBe(409);
    expect(textOf(duplicate.html)).toContain("Der erstattbare Betrag hat sich inzwischen geändert");
    expect(hiddenRefundable(duplicate.html)).toBe("2070");
    expect(duplicate.html).toContain('value="10,00"');

    const full = await refund({ betrag: "20,70", grund: "Antrag zurückgenommen", erstattbar: "2070" });
    expect(full.status).toBe(303);
    const refunded = await treasury.get(full.location ?? "");
    expect(textOf(refunded.html)).toContain("Die Erstattung über 20,70 € wurde ausgeführt.");
    expect(textOf(refunded.html)).toContain("Status Erstattet");
    expect(refunded.html).not.toContain('name="erstattbar"');
    const again = await refund({ betrag: "1", grund: "Noch einmal", erstattbar: "0" });
    expect(again.status).toBe(409);
    expect(textOf(again.html)).toContain("kann nicht erstattet werden");

    const rows = await t.database.db
      .selectFrom("payment_refunds")
      .selectAll()
      .where("payment_id", "=", parking.id)
      .execute();
    expect(rows.map((r) => r.amount_cents).sort()).toEqual([1000, 2070]);
    expect(rows.every((r) => r.provider_refund_id)).toBe(true);
    expect((await t.services.payments.get(parking.tenantId, parking.id))?.state).toBe("refunded");
    expect(await auditActions("payment.refunded")).toHaveLength(2);
    const sums = textOf((await treasury.get(`${list}?status=refunded`)).html);
    expect(sums).toContain("1 30,70 € 30,70 € 0,00 €");
  });

  it("downloads the day's CSV from the page, with the same sums as the database, and logs it", async () => {
    const missing = await treasury.get(`${list}/tagesabschluss`);
    expect(missing.status).toBe(422);
    expect(textOf(missing.html)).toContain("Geben Sie den Buchungstag an");
    const response = await fetch(
      `${t.url}${list}/tagesabschluss?${dayQuery("tag", dog.succeededAt ?? new Date())}`,
      {
        headers: { cookie: `rathaus_staff_sid=${treasury.cookie("rathaus_staff_sid")}` },
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="tagesabschluss-usingen-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const rows: Record<string, string>[] = parse(Buffer.from(await response.arrayBuffer()), {
      bom: true,
      delimiter: ";",
      columns: true,
    });
    const net = rows.reduce(
      (sum, row) => sum + Math.round(Number((row.Betrag ?? "").replace(",", ".")) * 100),
      0,
    );
    const paid = await t.database.db
      .selectFrom("payments")
      .select(["amount_cents", "refunded_cents"])
      .where("tenant_id", "=", dog.tenantId)
      .execute();
    expect(net).toBe(paid.reduce((sum, p) => sum + p.amount_cents - p.refunded_cents, 0));
    expect(rows.find((row) => row.Kassenzeichen === dog.kassenzeichen)?.Betrag).toBe("1234,56");
    expect(await auditActions("treasury.export_downloaded")).toHaveLength(1);
  });

  it("refuses a clerk without the role with 403 and keeps other municipalities' payments out of reach", async () => {
    expect(textOf((await clerk.get("/usingen/verwaltung")).html)).not.toContain("Zahlungen");
    for (const path of [list, detail(dog), `${list}/tagesabschluss`, `${list}/schnittstelle`])
      expect((await clerk.get(path)).status, path).toBe(403);
    await clerk.get("/usingen/verwaltung");
    expect(
      (await clerk.post(`${detail(dog)}/erstattung`, { betrag: "1", grund: "x", erstattbar: "123456" }))
        .status,
    ).toBe(403);
    // Another municipality's payment is not found here; its back office does not exist for this session.
    expect((await treasury.get(detail(neuAnspach))).status).toBe(404);
    expect((await treasury.get(`/neu-anspach/verwaltung/zahlungen/${neuAnspach.id}`)).status).toBe(404);
    expect((await treasury.get(`${list}/nicht-da`)).status).toBe(404);
    // The administration sees payments (to give the treasury software access) but may not refund.
    const seen = await admin.get(detail(dog));
    expect(seen.status).toBe(200);
    expect(seen.html).not.toContain('name="erstattbar"');
  });

  it("mails each payer a receipt PDF in their language and keeps it with the payment", async () => {
    const mail = await waitForMail(
      t.database.db,
      "hund@example.de",
      `Zahlungsbestätigung ${dog.kassenzeichen}`,
    );
    expect(mail.text_body).toContain("Ihre Zahlung über 1.234,56 € für „Hundesteuer 2026“");
    const attachment = await t.database.db
      .selectFrom("dev_mailbox_attachments")
      .selectAll()
      .where("mail_id", "=", mail.id)
      .executeTakeFirstOrThrow();
    expect(attachment.content_type).toBe("application/pdf");
    expect(attachment.filename).toBe(`Zahlungsbestaetigung-${dog.kassenzeichen}.pdf`);
    const pdfPath = join(t.config.dataDir, "receipt.pdf");
    await writeFile(pdfPath, attachment.content);
    const text = execFileSync("pdftotext", [pdfPath, "-"]).toString();
    for (const fact of [
      "Zahlungsbestätigung",
      dog.kassenzeichen,
      "1.234,56 €",
      "Hundesteuer 2026",
      "SEPA-Lastschrift",
      "Stadt Usingen",
    ])
      expect(text).toContain(fact);
    expect(text).toContain(dog.id);
    const stored = await t.services.payments.get(dog.tenantId, dog.id);
    const file = await t.database.db
      .selectFrom("stored_files")
      .selectAll()
      .where("id", "=", stored?.receiptFileId ?? "")
      .executeTakeFirstOrThrow();
    expect(file).toMatchObject({ owner_kind: "payment", owner_id: dog.id, media_type: "application/pdf" });

    const englishMail = await waitForMail(
      t.database.db,
      "jane@example.org",
      `Payment confirmation ${english.kassenzeichen}`,
    );
    expect(englishMail.lang).toBe("en");
  });
});
