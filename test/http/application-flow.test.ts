import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FormDefinition } from "#modules/forms/index.ts";
import { testDrivers } from "../db.ts";
import { createCitizen } from "../factories.ts";
import { FormClient, textOf } from "../form-client.ts";
import { waitForMail } from "../mailbox.ts";
import { startTestApp, type TestApp } from "../server.ts";

/**
 * An online application over HTTP, as a guest without JavaScript: start, a step with a missing answer and
 * then right, an upload, the review, sending twice (one application), the confirmation, the receipt mail with
 * the PDF (its text read with pdftotext), and a draft another browser cannot open.
 */

const t = (de: string) => ({ de });
const form: FormDefinition = {
  formatVersion: 1,
  key: "maengelmelder",
  title: t("Mängelmelder"),
  steps: [
    {
      id: "mangel",
      title: t("Was ist kaputt?"),
      fields: [
        { type: "text", id: "what", label: t("Beschreibung"), maxLength: 200 },
        { type: "text", id: "where", label: t("Ort"), maxLength: 200 },
      ],
    },
    {
      id: "foto",
      title: t("Foto"),
      fields: [
        {
          type: "file",
          id: "photo",
          label: t("Foto des Mangels"),
          documentType: t("Foto des Mangels"),
          mediaTypes: ["image/png"],
        },
      ],
    },
  ],
};

/** The smallest PNG there is (1 × 1 pixel). */
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

describe.each(testDrivers())("an online application on %s", (driver) => {
  let t0: TestApp;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "rathaus-flow-"));
    t0 = await startTestApp(driver, { linksReachable: true, env: { DATA_DIR: dataDir } });
    const usingen = await t0.services.tenants.bySlug("usingen");
    await t0.services.forms.publish(usingen?.id ?? "", form);
  });
  afterAll(async () => {
    await t0?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("goes from the start page to the confirmation, the receipt mail and its PDF", async () => {
    const guest = new FormClient(t0.url);
    const start = await guest.get("/usingen/leistungen/maengelmelder/antrag");
    expect(start.status).toBe(200);
    expect(textOf(start.html)).toContain("Ohne Konto fortfahren");
    const started = await guest.post("/usingen/leistungen/maengelmelder/antrag", {});
    expect(started.status).toBe(303);
    const first = started.location ?? "";
    expect(first).toMatch(/^\/usingen\/antraege\/[0-9a-f-]{36}\/mangel$/);
    const draft = first.split("/")[3] ?? "";

    // Skipping ahead by address leads back to the first step that is not complete.
    expect((await guest.get(`/usingen/antraege/${draft}/foto`)).location).toBe(first);
    expect((await guest.get(`/usingen/antraege/${draft}/pruefen`)).location).toBe(first);

    await guest.get(first);
    const missing = await guest.post(first, { what: "Schlagloch", where: "" });
    expect(missing.status).toBe(422);
    expect(textOf(missing.html)).toContain("Fehler");
    expect(missing.html).toContain('value="Schlagloch"');
    const second = await guest.post(first, { what: "Schlagloch", where: "Weilburger Straße 3" });
    expect(second.location).toBe(`/usingen/antraege/${draft}/foto`);

    const photoPage = await guest.get(second.location ?? "");
    expect(photoPage.html).toContain('enctype="multipart/form-data"');
    const exe = await guest.upload(second.location ?? "", {}, [
      { field: "photo", name: "foto.png", type: "image/png", bytes: Buffer.from("MZ not a picture") },
    ]);
    expect(exe.status).toBe(422);
    const uploaded = await guest.upload(second.location ?? "", {}, [
      { field: "photo", name: "schlagloch.png", type: "image/png", bytes: png },
    ]);
    expect(uploaded.location).toBe(`/usingen/antraege/${draft}/pruefen`);

    const review = await guest.get(uploaded.location ?? "");
    expect(review.status).toBe(200);
    const summary = textOf(review.html);
    expect(summary).toContain("Ihre Angaben prüfen");
    expect(summary).toContain("Weilburger Straße 3");
    expect(summary).toContain("schlagloch.png");

    // "Ändern" opens the step; "Weiter" returns straight to the review instead of walking the later steps.
    const change = `/usingen/antraege/${draft}/mangel?aendern=ja`;
    expect(review.html).toContain(`href="${change}#`);
    const changePage = await guest.get(change);
    expect(changePage.html).toContain(`href="/usingen/antraege/${draft}/pruefen"`);
    const blank = await guest.post(change, { what: "Schlagloch", where: "" });
    expect(blank.status).toBe(422);
    expect(blank.html).toContain(`action="${change.replace("&", "&amp;")}"`);
    const changed = await guest.post(change, { what: "Schlagloch", where: "Weilburger Straße 5" });
    expect(changed.location).toBe(`/usingen/antraege/${draft}/pruefen`);
    expect(textOf((await guest.get(changed.location ?? "")).html)).toContain("Weilburger Straße 5");

    const noEmail = await guest.post(uploaded.location ?? "", { email: "keine-adresse" });
    expect(noEmail.status).toBe(422);
    const sent = await guest.post(uploaded.location ?? "", { email: "gast@example.de" });
    expect(sent.location).toBe(`/usingen/antraege/${draft}/bestaetigung`);
    const again = await guest.post(uploaded.location ?? "", { email: "gast@example.de" });
    expect(again.location).toBe(`/usingen/antraege/${draft}/bestaetigung`);

    const confirmation = textOf((await guest.get(sent.location ?? "")).html);
    const reference = /USI-\d{4}-\d{6}/.exec(confirmation)?.[0] ?? "";
    expect(reference).not.toBe("");
    expect(confirmation).toContain("Ihr Antrag ist eingegangen");
    const applications = await t0.database.db.selectFrom("applications").selectAll().execute();
    expect(applications.map((a) => a.reference)).toEqual([reference]);
    const files = await t0.database.db.selectFrom("stored_files").selectAll().execute();
    expect(files.find((f) => f.original_name === "schlagloch.png")).toMatchObject({
      owner_kind: "application",
      state: "final",
      document_type: "Foto des Mangels",
    });

    const mail = await waitForMail(t0.database.db, "gast@example.de", reference);
    const attachment = await t0.database.db
      .selectFrom("dev_mailbox_attachments")
      .selectAll()
      .where("mail_id", "=", mail.id)
      .executeTakeFirstOrThrow();
    const pdfPath = join(dataDir, "receipt.pdf");
    await writeFile(pdfPath, attachment.content);
    const text = execFileSync("pdftotext", [pdfPath, "-"]).toString();
    expect(text).toContain(reference);
    expect(text).toContain("Weilburger Straße 5");
    expect(text).toContain("schlagloch.png");

    // The guest checks the status with the reference and the code from the mail.
    const code = /Ihr Code: ([\w-]+)/.exec(mail.text_body)?.[1] ?? "";
    await guest.get("/usingen/antragsstatus");
    const wrong = await guest.post("/usingen/antragsstatus", { reference, code: "falsch" });
    expect(wrong.status).toBe(422);
    const status = await guest.post("/usingen/antragsstatus", { reference: reference.toLowerCase(), code });
    expect(status.status).toBe(200);
    expect(textOf(status.html)).toContain("Stand: Eingegangen");

    // Another browser, without the draft's cookie, finds nothing there.
    const stranger = new FormClient(t0.url);
    expect((await stranger.get(first)).status).toBe(404);
    expect((await stranger.get(sent.location ?? "")).status).toBe(404);
  });

  it("keeps a signed-in citizen's draft and application in Mein Rathaus, with the receipt for them only", async () => {
    const password = "Vier Vögel fliegen voraus";
    await createCitizen(t0, "mia@example.de", password);
    await createCitizen(t0, "tom@example.de", password);
    const mia = await signedIn("mia@example.de", password);
    const start = await mia.get("/usingen/leistungen/maengelmelder/antrag");
    expect(textOf(start.html)).toContain("Sie sind angemeldet als mia@example.de");
    const first = (await mia.post("/usingen/leistungen/maengelmelder/antrag", {})).location ?? "";
    await mia.get(first);
    const saved = await mia.post(first, { what: "Laterne aus", where: "", _flow: "save" });
    expect(saved.location).toMatch(/\/speichern$/);
    expect(textOf((await mia.get(saved.location ?? "")).html)).toContain("in „Mein Rathaus“");
    const mine = await mia.get("/usingen/mein-rathaus");
    expect(textOf(mine.html)).toContain("„Mängelmelder: Schaden oder Mangel melden“ fortsetzen");

    await mia.get(first);
    const photo = await mia.post(first, { what: "Laterne aus", where: "Am Riedborn" });
    await mia.get(photo.location ?? "");
    const review = await mia.upload(photo.location ?? "", {}, [
      { field: "photo", name: "laterne.png", type: "image/png", bytes: png },
    ]);
    await mia.get(review.location ?? "");
    const sent = await mia.post(review.location ?? "", {});
    expect(sent.location).toMatch(/\/bestaetigung$/);
    const application = await t0.database.db
      .selectFrom("applications")
      .selectAll()
      .where("email", "=", "mia@example.de")
      .executeTakeFirstOrThrow();
    await waitForMail(t0.database.db, "mia@example.de", application.reference);
    const list = await mia.get("/usingen/mein-rathaus");
    const text = textOf(list.html);
    expect(text).toContain(application.reference);
    expect(text).toContain("Eingegangen");
    expect(text).toContain("Sie haben keine begonnenen Anträge.");
    const receiptPath = `/usingen/mein-rathaus/antraege/${application.id}/eingangsbestaetigung.pdf`;
    const receipt = await fetch(`${t0.url}${receiptPath}`, {
      headers: { cookie: `rathaus_sid=${mia.cookie("rathaus_sid")}` },
    });
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await receipt.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    const tom = await signedIn("tom@example.de", password);
    expect((await tom.get(receiptPath)).status).toBe(404);
    expect((await tom.get(first)).status).toBe(404);
    expect((await new FormClient(t0.url).get("/usingen/mein-rathaus")).location).toMatch(/konto\/anmelden/);
  });

  async function signedIn(email: string, password: string): Promise<FormClient> {
    const browser = new FormClient(t0.url);
    await browser.get("/usingen/konto/anmelden");
    expect((await browser.post("/usingen/konto/anmelden", { email, password })).status).toBe(303);
    return browser;
  }
});
