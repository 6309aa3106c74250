import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { berlinDate } from "#core/dates/berlin.ts";
import { testDrivers } from "../db.ts";
import { type FormClient, textOf } from "../form-client.ts";
import { createTestPayment } from "../payment-platform.ts";
import { startTestApp, type TestApp } from "../server.ts";
import { signInStaff } from "../staff.ts";

const settingsPath = (slug: string) => `/${slug}/verwaltung/zahlungen/einstellungen`;
const page = settingsPath("usingen");
const year = berlinDate(new Date()).slice(-4);

describe.each(testDrivers())("payment settings in the back office on %s", (driver) => {
  let t: TestApp;
  let admin: FormClient;
  let usingenId: string;
  let neuAnspachId: string;

  beforeAll(async () => {
    t = await startTestApp(driver);
    admin = await signInStaff(t.url, "usingen", "admin@usingen.example");
    const [usingen, neuAnspach] = await Promise.all([
      t.services.tenants.bySlug("usingen"),
      t.services.tenants.bySlug("neu-anspach"),
    ]);
    if (!usingen || !neuAnspach) throw new Error("demo municipalities missing");
    usingenId = usingen.id;
    neuAnspachId = neuAnspach.id;
  });
  afterAll(() => t?.close());

  const newPayment = async (tenantId: string, referencePrefix: string) =>
    (await createTestPayment(t.database.db, t.services.payments, { tenantId, referencePrefix })).payment;
  const settingsRows = () => t.database.db.selectFrom("payment_settings").selectAll().execute();
  const changes = () =>
    t.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "payment.settings_changed")
      .execute();

  it("shows the platform and pattern with a preview of the next Kassenzeichen, in German and English", async () => {
    const shown = await admin.get(page);
    expect(shown.status).toBe(200);
    const text = textOf(shown.html);
    expect(text).toContain("Zahlungseinstellungen");
    expect(text).toContain(`Beispiel: USI-${year}-K000001`);
    expect(text).toContain("Stripe ist in dieser Installation nicht eingerichtet");
    expect(text).toContain("Bereits vergebene Kassenzeichen bleiben unverändert");
    expect(text).toContain("das Kürzel Ihrer Kommune, hier USI");
    expect(shown.html).toMatch(/name="_csrf" value="[^"]+"/);
    expect(shown.html).toMatch(/value="epay-sim"[^>]*checked/);
    expect(shown.html).not.toContain('value="stripe"');
    expect(shown.html).toContain('value="{prefix}-{year}-K{number}"');
    // The list links here for the administration only.
    expect((await admin.get("/usingen/verwaltung/zahlungen")).html).toContain(`href="${page}"`);

    const english = textOf((await admin.get(`${page}?lang=en`)).html);
    expect(english).toContain("Payment settings");
    expect(english).toContain(`Example: USI-${year}-K000001`);
    expect(english).toContain("Stripe is not set up in this installation");
    await admin.get(`${page}?lang=de`);
  });

  it("previews a typed pattern without saving it", async () => {
    await admin.get(page);
    const preview = await admin.post(page, {
      plattform: "epay-sim",
      muster: "KZ/{year}/{number}",
      aktion: "vorschau",
    });
    expect(preview.status).toBe(200);
    expect(textOf(preview.html)).toContain(`Beispiel: KZ/${year}/000001`);
    expect(preview.html).toContain('value="KZ/{year}/{number}"');
    const wrong = await admin.post(page, { plattform: "epay-sim", muster: "{number}", aktion: "vorschau" });
    expect(wrong.status).toBe(422);
    expect(textOf(wrong.html)).toContain("Das Muster muss den Platzhalter {year} enthalten");
    expect(await settingsRows()).toEqual([]);
  });

  it("refuses invalid patterns and platforms with 422 and the reason, saving nothing", async () => {
    await admin.get(page);
    const refusals: [string, string, string][] = [
      ["", "epay-sim", "Geben Sie ein Muster für das Kassenzeichen an"],
      [
        "{prefix}-{jahr}-{number}",
        "epay-sim",
        "Verwenden Sie nur die Platzhalter {prefix}, {year} und {number}",
      ],
      ["{prefix}-{year}", "epay-sim", "Das Muster muss den Platzhalter {number}"],
      ["{number}-{year}-{number}", "epay-sim", "Jeder Platzhalter darf im Muster nur einmal vorkommen"],
      ["Kasse {year}-{number}", "epay-sim", "nur Buchstaben ohne Umlaute, Ziffern und die Zeichen / . _ -"],
      ["Gebühr-{year}-{number}", "epay-sim", "nur Buchstaben ohne Umlaute"],
      ["{prefix}-{year}-{number}{", "epay-sim", "nur Buchstaben ohne Umlaute"],
      [`${"X".repeat(50)}-{year}-{number}`, "epay-sim", "höchstens 60 Zeichen"],
      [`{prefix}-${"KASSE".repeat(5)}-{year}-{number}`, "epay-sim", "länger als 40 Zeichen werden"],
      ["{prefix}-{year}-K{number}", "stripe", "die in dieser Installation eingerichtet ist"],
      ["{prefix}-{year}-K{number}", "", "die in dieser Installation eingerichtet ist"],
    ];
    for (const [muster, plattform, message] of refusals) {
      const refused = await admin.post(page, { plattform, muster });
      expect(refused.status, muster).toBe(422);
      const text = textOf(refused.html);
      expect(text, muster).toContain(message);
      expect(text, muster).toContain("Fehler");
      expect(refused.html, muster).toContain(`value="${muster}"`);
    }
    expect(await settingsRows()).toEqual([]);
    expect(await changes()).toEqual([]);
    expect(
      (await admin.post(page, { _csrf: "forged", plattform: "epay-sim", muster: "A{year}{number}" })).status,
    ).toBe(403);
    expect(await settingsRows()).toEqual([]);
  });

  it("saves a new pattern for new payments only, audit-logged, and leaves other municipalities alone", async () => {
    const before = await newPayment(usingenId, "USI");
    expect(before.kassenzeichen).toBe(`USI-${year}-K000001`);
    await admin.get(page);
    const saved = await admin.post(page, { plattform: "epay-sim", muster: "  {prefix}.{year}.{number}-A " });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`${page}?hinweis=gespeichert`);
    const after = await admin.get(saved.location ?? "");
    expect(textOf(after.html)).toContain("Die Zahlungseinstellungen wurden gespeichert.");
    expect(textOf(after.html)).toContain(`Beispiel: USI.${year}.000002-A`);

    expect((await newPayment(usingenId, "USI")).kassenzeichen).toBe(`USI.${year}.000002-A`);
    expect((await t.services.payments.get(usingenId, before.id))?.kassenzeichen).toBe(before.kassenzeichen);
    expect((await newPayment(neuAnspachId, "NEU")).kassenzeichen).toBe(`NEU-${year}-K000001`);
    expect(await settingsRows()).toEqual([
      { tenant_id: usingenId, kassenzeichen_pattern: "{prefix}.{year}.{number}-A", provider: "epay-sim" },
    ]);
    const [logged, ...more] = await changes();
    expect(more).toEqual([]);
    expect(logged).toMatchObject({ tenant_id: usingenId, actor_type: "staff" });
    expect(logged?.details).toEqual({
      patternBefore: "{prefix}-{year}-K{number}",
      patternAfter: "{prefix}.{year}.{number}-A",
      providerBefore: "epay-sim",
      providerAfter: "epay-sim",
    });

    // Saving the same again changes nothing worth logging; the upsert replaces the row.
    expect(
      (await admin.post(page, { plattform: "epay-sim", muster: "{prefix}.{year}.{number}-A" })).status,
    ).toBe(303);
    expect(await changes()).toHaveLength(1);
    expect(await settingsRows()).toHaveLength(1);

    const neighbour = await signInStaff(t.url, "neu-anspach", "admin@neu-anspach.example");
    expect(textOf((await neighbour.get(settingsPath("neu-anspach"))).html)).toContain(
      `Beispiel: NEU-${year}-K000002`,
    );
    // Usingen's session does not reach Neu-Anspach's back office.
    const foreign = await admin.post(settingsPath("neu-anspach"), {
      plattform: "epay-sim",
      muster: "X{year}{number}",
    });
    expect(foreign.status).toBe(404);
    expect(await settingsRows()).toHaveLength(1);
  });

  it("refuses staff without the permission with 403", async () => {
    for (const email of ["sachbearbeitung@usingen.example", "kasse@usingen.example"]) {
      const staff = await signInStaff(t.url, "usingen", email);
      expect((await staff.get(page)).status, email).toBe(403);
      await staff.get("/usingen/verwaltung");
      expect(
        (await staff.post(page, { plattform: "epay-sim", muster: "X{year}{number}" })).status,
        email,
      ).toBe(403);
    }
    const treasury = await signInStaff(t.url, "usingen", "kasse@usingen.example");
    expect((await treasury.get("/usingen/verwaltung/zahlungen")).html).not.toContain(page);
    expect(await settingsRows()).toHaveLength(1);
  });
});
