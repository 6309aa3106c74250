import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PaymentPolicy } from "#modules/catalog/index.ts";
import type { FormDefinition } from "#modules/forms/index.ts";
import { testDrivers } from "../db.ts";
import { createCitizen } from "../factories.ts";
import { FormClient, textOf } from "../form-client.ts";
import { waitForMail } from "../mailbox.ts";
import { startTestApp, type TestApp } from "../server.ts";

/**
 * An application's fee paid online as one process over HTTP, without JavaScript: the review shows the fee with
 * its by-law line, the payment platform simulator of the app takes SEPA, cancel and failure, its signed
 * notification (the only thing that changes a payment) marks the application paid, and the pages the
 * browser returns to show what the notification set. Policies: paid before the application is sent, and paid
 * after it was sent (from the confirmation and from Mein Rathaus).
 */

const feeForm = (key: string): FormDefinition => ({
  formatVersion: 1,
  key,
  title: { de: "Parkausweis" },
  steps: [
    {
      id: "fahrzeug",
      title: { de: "Fahrzeug" },
      fields: [{ type: "text", id: "plate", label: { de: "Kennzeichen" }, maxLength: 12 }],
    },
  ],
  computed: [{ id: "fee", label: { de: "Gebühr" }, format: "cents", expr: { const: 3000 } }],
  fee: "fee",
});

const sepa = {
  method: "sepa",
  iban: "DE02120300000000202051",
  accountHolder: "Erika Mustermann",
  mandate: "yes",
};

describe.each(testDrivers())("paying an application's fee on %s", (driver) => {
  let t: TestApp;
  let usingenId: string;

  async function offer(slug: string, policy: PaymentPolicy, fixedFeeCents = 0) {
    await t.services.forms.publish(usingenId, feeForm(slug));
    await t.services.catalog.save(usingenId, {
      slug,
      name: `Testleistung ${slug}`,
      formKey: slug,
      fullyOnline: true,
      paymentPolicy: policy,
      fixedFeeCents,
      feeLegalBasis: "Gebührensatzung der Stadt Usingen, Tarifstelle 4.2",
    });
  }

  /** Fills the one step; returns the review page's path and HTML. */
  async function reachReview(client: FormClient, slug: string) {
    await client.get(`/usingen/leistungen/${slug}/antrag`);
    const first = (await client.post(`/usingen/leistungen/${slug}/antrag`, {})).location ?? "";
    await client.get(first);
    const review = (await client.post(first, { plate: "HG-AB 123" })).location ?? "";
    expect(review).toMatch(/\/pruefen$/);
    return { review, html: (await client.get(review)).html, draftPath: review.replace(/\/pruefen$/, "") };
  }

  /** On the platform's hosted page: pay, cancel or fail; returns where the platform sends the browser. */
  async function atPlatform(client: FormClient, url: string, action: "pay" | "cancel" | "fail") {
    const page = new URL(url, t.url).pathname;
    expect(page).toMatch(/^\/_dev\/pay\//);
    await client.get(page);
    const done = await client.post(page, action === "pay" ? { ...sepa, action } : { action });
    expect(done.status).toBe(303);
    return new URL(done.location ?? "", t.url).pathname;
  }

  const stateOf = async (applicationId: string) =>
    t.database.db
      .selectFrom("applications")
      .select(["status", "fee_paid_at", "fee_cents"])
      .where("id", "=", applicationId)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await startTestApp(driver, { linksReachable: true });
    usingenId = (await t.services.tenants.bySlug("usingen"))?.id ?? "";
    await offer("gebuehr-vorher", "before_submission", 500);
    await offer("gebuehr-danach", "with_submission");
  });
  afterAll(() => t?.close());

  it("pays before sending: cancelled first, then SEPA; only then is the application sent", async () => {
    const guest = new FormClient(t.url);
    const { review, html, draftPath } = await reachReview(guest, "gebuehr-vorher");
    const text = textOf(html);
    for (const shown of ["Gebühr 30,00 €", "Bearbeitungsgebühr 5,00 €", "Zu zahlen 35,00 €"])
      expect(text).toContain(shown);
    expect(text).toContain("Rechtsgrundlage: Gebührensatzung der Stadt Usingen, Tarifstelle 4.2");
    expect(text).toContain("Antrag absenden und bezahlen");

    const sent = await guest.post(review, { email: "gast@example.de" });
    expect(sent.status).toBe(303);
    const application = await t.database.db
      .selectFrom("applications")
      .select(["id", "reference"])
      .where("service_slug", "=", "gebuehr-vorher")
      .executeTakeFirstOrThrow();
    expect(await stateOf(application.id)).toMatchObject({ status: "awaiting_payment", fee_cents: 3500 });

    const confirmation = `${draftPath}/bestaetigung`;
    expect(await atPlatform(guest, sent.location ?? "", "cancel")).toBe(confirmation);
    const cancelled = textOf((await guest.get(confirmation)).html);
    expect(cancelled).toContain("Ihr Antrag wartet auf die Bezahlung");
    expect(cancelled).toContain("Abgebrochen");
    expect(cancelled).toContain("Erneut bezahlen");
    expect((await stateOf(application.id)).status).toBe("awaiting_payment");

    // A second submit of the review changes nothing; the retry is a new attempt on the same Kassenzeichen.
    const retry = await guest.post(`${draftPath}/bezahlen`, {});
    expect(await atPlatform(guest, retry.location ?? "", "pay")).toBe(confirmation);
    const paid = textOf((await guest.get(confirmation)).html);
    expect(paid).toContain("Ihr Antrag ist eingegangen");
    expect(paid).toContain("Bezahlt");
    expect(paid).toContain(application.reference);
    expect(paid).not.toContain("Jetzt bezahlen");
    const after = await stateOf(application.id);
    expect(after.status).toBe("submitted");
    expect(after.fee_paid_at).not.toBeNull();

    const payments = await t.database.db
      .selectFrom("payments")
      .selectAll()
      .where("application_id", "=", application.id)
      .execute();
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ state: "succeeded", amount_cents: 3500, method: "sepa" });
    const attempts = await t.database.db
      .selectFrom("payment_attempts")
      .select(["attempt_no", "state"])
      .where("payment_id", "=", payments[0]?.id ?? "")
      .orderBy("attempt_no")
      .execute();
    expect(attempts).toEqual([
      { attempt_no: 1, state: "cancelled" },
      { attempt_no: 2, state: "succeeded" },
    ]);

    // The receipt of the application is sent only now, with the code for the status check.
    const mail = await waitForMail(t.database.db, "gast@example.de", application.reference);
    const code = /Ihr Code: ([\w-]+)/.exec(mail.text_body)?.[1] ?? "";
    await guest.get("/usingen/antragsstatus");
    const status = await guest.post("/usingen/antragsstatus", { reference: application.reference, code });
    expect(textOf(status.html)).toContain("Bezahlt");

    // Paying again is refused quietly: the page shows it is paid.
    expect((await guest.post(`${draftPath}/bezahlen`, {})).location).toBe(confirmation);
  });

  it("sends at once and is paid later from Mein Rathaus after a failed try", async () => {
    await createCitizen(t, "mia@example.de", "Ein sehr gutes Passwort 7");
    const mia = new FormClient(t.url);
    await mia.get("/usingen/konto/anmelden");
    await mia.post("/usingen/konto/anmelden", {
      email: "mia@example.de",
      password: "Ein sehr gutes Passwort 7",
    });
    const { review, html, draftPath } = await reachReview(mia, "gebuehr-danach");
    expect(textOf(html)).toContain("Ihr Antrag wird sofort abgeschickt");
    expect(textOf(html)).toContain("Antrag verbindlich absenden");
    const sent = await mia.post(review, {});
    expect(sent.location).toBe(`${draftPath}/bestaetigung`);
    const confirmation = textOf((await mia.get(sent.location ?? "")).html);
    expect(confirmation).toContain("Ihr Antrag ist eingegangen");
    expect(confirmation).toContain("Offen");
    expect(confirmation).toContain("Jetzt bezahlen");

    const mine = await mia.get("/usingen/mein-rathaus");
    expect(textOf(mine.html)).toContain("Offen: 30,00 €");
    const payForm = /action="(\/usingen\/mein-rathaus\/antraege\/[0-9a-f-]{36}\/bezahlen)"/.exec(
      mine.html,
    )?.[1];
    expect(payForm).toBeDefined();
    const failed = await mia.post(payForm ?? "", {});
    expect(await atPlatform(mia, failed.location ?? "", "fail")).toBe("/usingen/mein-rathaus");
    expect(textOf((await mia.get("/usingen/mein-rathaus")).html)).toContain("Fehlgeschlagen: 30,00 €");
    const again = await mia.post(payForm ?? "", {});
    expect(await atPlatform(mia, again.location ?? "", "pay")).toBe("/usingen/mein-rathaus");
    const paid = textOf((await mia.get("/usingen/mein-rathaus")).html);
    expect(paid).toContain("Bezahlt: 30,00 €");
    expect(paid).not.toContain("Jetzt bezahlen");

    // Another citizen cannot pay (or see) Mia's fee.
    const stranger = new FormClient(t.url);
    await createCitizen(t, "tom@example.de", "Ein sehr gutes Passwort 8");
    await stranger.get("/usingen/konto/anmelden");
    await stranger.post("/usingen/konto/anmelden", {
      email: "tom@example.de",
      password: "Ein sehr gutes Passwort 8",
    });
    await stranger.get("/usingen/mein-rathaus");
    expect((await stranger.post(payForm ?? "", {})).status).toBe(404);
  });

  it("lets a guest pay later from the status check, and returns there", async () => {
    const guest = new FormClient(t.url);
    const { review } = await reachReview(guest, "gebuehr-danach");
    await guest.post(review, { email: "spaeter@example.de" });
    const reference = (
      await t.database.db
        .selectFrom("applications")
        .select("reference")
        .where("email", "=", "spaeter@example.de")
        .executeTakeFirstOrThrow()
    ).reference;
    const mail = await waitForMail(t.database.db, "spaeter@example.de", reference);
    const code = /Ihr Code: ([\w-]+)/.exec(mail.text_body)?.[1] ?? "";

    const later = new FormClient(t.url);
    await later.get("/usingen/antragsstatus");
    const status = await later.post("/usingen/antragsstatus", { reference, code });
    expect(textOf(status.html)).toContain("Offen");
    expect(status.html).toContain('action="/usingen/antragsstatus/bezahlen"');
    const wrongCode = await later.post("/usingen/antragsstatus/bezahlen", {
      aktenzeichen: reference,
      code: "x",
    });
    expect(wrongCode.location).toBe("/usingen/antragsstatus");
    await later.post("/usingen/antragsstatus", { reference, code });
    const started = await later.post("/usingen/antragsstatus/bezahlen", { aktenzeichen: reference, code });
    const back = await atPlatform(later, started.location ?? "", "pay");
    expect(back).toBe("/usingen/antragsstatus/ergebnis");
    const result = await later.get(`${back}?${new URLSearchParams({ aktenzeichen: reference, code })}`);
    expect(textOf(result.html)).toContain("Bezahlt");
    const foreign = await later.get(
      `${back}?${new URLSearchParams({ aktenzeichen: reference, code: "falsch" })}`,
    );
    expect(textOf(foreign.html)).not.toContain("Bezahlt");
  });
});
