import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meldebescheinigung } from "#seed/forms/meldebescheinigung.ts";
import { type TestIdentity, testIdentities } from "#src/dev-idp/test-identities.ts";
import { testDrivers } from "../db.ts";
import { createCitizen } from "../factories.ts";
import { FormClient, textOf } from "../form-client.ts";
import { waitForMail } from "../mailbox.ts";
import { startTestApp, type TestApp } from "../server.ts";
import { withoutPayment } from "../verified-service.ts";

/**
 * A service that needs verified data (the demo "Meldebescheinigung", `verifiedIdentity: substantiell`) over
 * HTTP: guests and password sign-ins are told to use the online ID and cannot start; a sign-in through the
 * demo identity provider below the level is named and refused; at the level, the draft takes name, date of
 * birth and address from that sign-in's claims, locked against tampered bodies, through to the receipt.
 */

const [erika] = testIdentities as [TestIdentity];
const start = (town = "usingen") => `/${town}/leistungen/meldebescheinigung/antrag`;
const needed =
  "Für diese Leistung müssen Sie sich mit Ihrem Online-Ausweis anmelden, mindestens mit dem Vertrauensniveau „substantiell“.";
const provider = "Demo-Identitätsanbieter – nur zum Testen";

/** The start page's provider button, through the demo provider's page, back to the start page. */
async function signInThroughProvider(browser: FormClient, town = "usingen"): Promise<void> {
  const page = await browser.get(start(town));
  const href = /href="([^"]*\/konto\/anmelden\/oidc\?[^"]*)"/.exec(page.html)?.[1]?.replaceAll("&amp;", "&");
  expect(href).toBe(`/${town}/konto/anmelden/oidc?weiter=${encodeURIComponent(start(town))}`);
  const toProvider = await browser.get(href ?? "");
  const interaction = (await browser.get(toProvider.location ?? "")).location ?? "";
  await browser.get(interaction);
  const chosen = await browser.post(interaction, { identity: erika.sub, action: "login" });
  const callback = (await browser.get(chosen.location ?? "")).location ?? "";
  const back = await browser.get(callback);
  expect(back.location).toBe(start(town));
}

/** The gate page has no form: a CSRF token from another service's start page, so only the gate refuses. */
async function postStart(browser: FormClient, town = "usingen") {
  await browser.get(`/${town}/leistungen/hundesteuer-anmeldung/antrag`);
  return browser.post(start(town), {});
}

const draftCount = async (t: TestApp) =>
  Number(
    (
      await t.database.db
        .selectFrom("application_drafts")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(testDrivers())("a service that needs verified data on %s", (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver, { linksReachable: true });
    await withoutPayment(t);
  });
  afterAll(() => t?.close());

  it("tells guests and password citizens to sign in with the online ID, and does not start for them", async () => {
    const guest = new FormClient(t.url);
    const page = await guest.get(start());
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain(needed);
    expect(text).toContain(`Anmeldung über: ${provider}`);
    expect(text).toContain("Mit BundID anmelden");
    expect(text).not.toContain("Ohne Konto fortfahren");
    expect(text).not.toContain("Anmelden und Antrag starten");
    expect(page.html).not.toContain('href="/usingen/konto/anmelden?');
    const refused = await postStart(guest);
    expect(refused.status).toBe(403);
    expect(textOf(refused.html)).toContain(needed);
    expect(textOf((await guest.get(`${start()}?lang=en`)).html)).toContain(
      "For this service you must sign in with your online ID, at trust level “substantial” or higher.",
    );

    const password = "Neun Nashörner naschen Nudeln";
    await createCitizen(t, "passwort@example.de", password);
    const citizen = new FormClient(t.url);
    await citizen.get("/usingen/konto/anmelden");
    await citizen.post("/usingen/konto/anmelden", { email: "passwort@example.de", password });
    const signedIn = textOf((await citizen.get(start())).html);
    expect(signedIn).toContain(needed);
    expect(signedIn).toContain("Sie sind zurzeit mit Passwort oder Passkey angemeldet");
    expect(signedIn).not.toContain("Antrag starten");
    expect((await postStart(citizen)).status).toBe(403);
    expect(await draftCount(t)).toBe(0);
  });

  it("names a provider sign-in below the form's level and refuses it", async () => {
    const anspach = await t.services.tenants.bySlug("neu-anspach");
    const strict = meldebescheinigung({ name: "Neu-Anspach", postalCode: "61267" });
    await t.services.forms.publish(anspach?.id ?? "", {
      ...strict,
      verifiedIdentity: { trustLevel: "hoch" },
    });
    const browser = new FormClient(t.url);
    await signInThroughProvider(browser, "neu-anspach");
    const text = textOf((await browser.get(start("neu-anspach"))).html);
    expect(text).toContain("mindestens mit dem Vertrauensniveau „hoch“");
    expect(text).toContain(
      `Sie sind zurzeit über ${provider} mit dem Vertrauensniveau „substantiell“ angemeldet.`,
    );
    expect((await postStart(browser, "neu-anspach")).status).toBe(403);
    expect(await draftCount(t)).toBe(0);
  });

  it("takes name, date of birth and address from the sign-in, locked through review, sending and receipt", async () => {
    const browser = new FormClient(t.url);
    await signInThroughProvider(browser);
    // The profile may be edited afterwards: the application still takes the sign-in's claims.
    await t.database.db
      .updateTable("citizens")
      .set({ given_name: "Geändert", street: "Profilweg 1" })
      .where("email", "=", erika.claims.email)
      .execute();
    const page = textOf((await browser.get(start())).html);
    expect(page).toContain(`Sie sind über ${provider} mit dem Vertrauensniveau „substantiell“ angemeldet.`);
    const started = await browser.post(start(), {});
    expect(started.status).toBe(303);
    const first = started.location ?? "";
    expect(first).toMatch(/^\/usingen\/antraege\/[0-9a-f-]{36}\/ihre-daten$/);
    const draftPath = first.slice(0, -"/ihre-daten".length);

    const step = await browser.get(first);
    for (const name of ["givenName", "familyName", "birthdate-day", "address.street"])
      expect(step.html, name).not.toContain(`name="${name}"`);
    expect(step.html).toContain('name="phone"');
    const shown = textOf(step.html);
    for (const value of ["Erika", "Mustermann", "12.08.1964", "Weilburger Straße 12", "61250 Usingen"])
      expect(shown).toContain(value);
    expect(shown).not.toContain("Geändert");
    expect(shown).toContain(
      "Aus Ihrem Online-Ausweis übernommen – diese Angabe können Sie hier nicht ändern.",
    );

    const tampered = await browser.post(first, {
      givenName: "Mallory",
      familyName: "Fälscher",
      "birthdate-day": "1",
      "birthdate-month": "1",
      "birthdate-year": "2001",
      "address.street": "Falsche Gasse 1",
      "address.postalCode": "61250",
      "address.town": "Usingen",
      phone: "06081 1025-0",
    });
    expect(tampered.location).toBe(`${draftPath}/bescheinigung`);
    const draft = await t.database.db
      .selectFrom("application_drafts")
      .select("answers")
      .where("id", "=", draftPath.split("/")[3] ?? "")
      .executeTakeFirstOrThrow();
    const verified = {
      givenName: "Erika",
      familyName: "Mustermann",
      birthdate: "1964-08-12",
      address: { street: "Weilburger Straße 12", postalCode: "61250", town: "Usingen" },
    };
    expect(draft.answers).toEqual({ ...verified, phone: "06081 1025-0" });

    // The draft stays its citizen's: a guest and another signed-in citizen find nothing.
    expect((await new FormClient(t.url).get(first)).status).toBe(404);
    await createCitizen(t, "fremd@example.de", "Acht Affen angeln Aale");
    const stranger = new FormClient(t.url);
    await stranger.get("/usingen/konto/anmelden");
    await stranger.post("/usingen/konto/anmelden", {
      email: "fremd@example.de",
      password: "Acht Affen angeln Aale",
    });
    expect((await stranger.get(first)).status).toBe(404);
    expect((await stranger.get(`${draftPath}/pruefen`)).status).toBe(404);

    await browser.get(tampered.location ?? "");
    const kind = await browser.post(tampered.location ?? "", {
      kind: "erweitert",
      purpose: "Für die Bank",
      delivery: "post",
    });
    expect(kind.location).toBe(`${draftPath}/erklaerung`);
    await browser.get(kind.location ?? "");
    const declared = await browser.post(kind.location ?? "", { declaration: "yes" });
    expect(declared.location).toBe(`${draftPath}/pruefen`);

    const review = await browser.get(declared.location ?? "");
    const summary = textOf(review.html);
    for (const value of ["Erika", "Mustermann", "12.08.1964", "Weilburger Straße 12", "15,00 €"])
      expect(summary).toContain(value);
    expect(summary).not.toContain("Mallory");
    expect(review.html).not.toContain("#field-givenName");
    expect(review.html).not.toContain("#field-address");
    expect(review.html).toContain(`href="${draftPath}/ihre-daten?aendern=ja#field-phone"`);

    const sent = await browser.post(declared.location ?? "", {});
    expect(sent.location).toBe(`${draftPath}/bestaetigung`);
    const application = await t.database.db
      .selectFrom("applications")
      .selectAll()
      .where("email", "=", erika.claims.email)
      .executeTakeFirstOrThrow();
    expect(application.answers).toMatchObject(verified);
    expect(application.fee_cents).toBe(1500);

    const mail = await waitForMail(t.database.db, erika.claims.email, application.reference);
    const attachment = await t.database.db
      .selectFrom("dev_mailbox_attachments")
      .select("content")
      .where("mail_id", "=", mail.id)
      .executeTakeFirstOrThrow();
    const dir = await mkdtemp(join(tmpdir(), "rathaus-verified-"));
    try {
      await writeFile(join(dir, "receipt.pdf"), attachment.content);
      const pdf = execFileSync("pdftotext", [join(dir, "receipt.pdf"), "-"]).toString();
      for (const value of [
        application.reference,
        "Erika",
        "Mustermann",
        "12.08.1964",
        "Weilburger Straße 12",
      ])
        expect(pdf).toContain(value);
      expect(pdf).not.toContain("Mallory");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
