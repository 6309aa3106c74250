import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers } from "../db.ts";
import { createCitizen } from "../factories.ts";
import { FormClient, textOf } from "../form-client.ts";
import { waitForMail } from "../mailbox.ts";
import { startTestApp, type TestApp } from "../server.ts";

const password = "Zwölf Zwerge zählen Zwiebeln";

function tokenIn(mailText: string, path: string): string {
  const match = new RegExp(`https?://\\S*${path}\\?token=(\\S+)`).exec(mailText);
  if (!match?.[1]) throw new Error(`no ${path} link in:\n${mailText}`);
  return decodeURIComponent(match[1]);
}

describe.each(testDrivers())("changing the e-mail address on %s", (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
    await createCitizen(t, "alt@example.de", password);
    await createCitizen(t, "vergeben@example.de", password);
  });
  afterAll(() => t?.close());

  async function signedIn(email: string): Promise<FormClient> {
    const browser = new FormClient(t.url);
    await browser.get("/usingen/konto/anmelden");
    expect((await browser.post("/usingen/konto/anmelden", { email, password })).status).toBe(303);
    return browser;
  }

  it("checks the input and the current password", async () => {
    const browser = await signedIn("alt@example.de");
    await browser.get("/usingen/konto/email-aendern");
    const bad = await browser.post("/usingen/konto/email-aendern", {
      email: "alt@example.de",
      currentPassword: "x",
    });
    expect(bad.status).toBe(422);
    expect(textOf(bad.html)).toContain("Das ist bereits Ihre E-Mail-Adresse");
    expect(textOf(bad.html)).toContain("Das Passwort ist falsch");
  });

  it("moves the account only when the link to the new address is confirmed, and tells the old address", async () => {
    const browser = await signedIn("alt@example.de");
    await browser.get("/usingen/konto/email-aendern");
    const sent = await browser.post("/usingen/konto/email-aendern", {
      email: "Neu@Example.de",
      currentPassword: password,
    });
    expect(textOf(sent.html)).toContain("Wir haben einen Bestätigungslink an neu@example.de geschickt");
    // Until confirmed, the old address still signs in.
    await signedIn("alt@example.de");

    const mail = await waitForMail(
      t.database.db,
      "neu@example.de",
      "Bestätigen Sie Ihre neue E-Mail-Adresse",
    );
    const token = tokenIn(mail.text_body, "/usingen/konto/email-bestaetigen");
    expect(
      (await browser.get(`/usingen/konto/email-bestaetigen?token=${encodeURIComponent(token)}`)).status,
    ).toBe(200);
    const done = await browser.post("/usingen/konto/email-bestaetigen", { token });
    expect(textOf(done.html)).toContain("E-Mail-Adresse geändert");
    expect((await browser.post("/usingen/konto/email-bestaetigen", { token })).status).toBe(400);

    await waitForMail(t.database.db, "alt@example.de", "Die E-Mail-Adresse Ihres Kontos wurde geändert");
    await signedIn("neu@example.de");
    const old = new FormClient(t.url);
    await old.get("/usingen/konto/anmelden");
    expect((await old.post("/usingen/konto/anmelden", { email: "alt@example.de", password })).status).toBe(
      422,
    );
  });

  it("answers the same for an address that has an account, and never takes it", async () => {
    const browser = await signedIn("neu@example.de");
    await browser.get("/usingen/konto/email-aendern");
    const page = await browser.post("/usingen/konto/email-aendern", {
      email: "vergeben@example.de",
      currentPassword: password,
    });
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain("Wir haben einen Bestätigungslink an vergeben@example.de geschickt");
    const mail = await waitForMail(t.database.db, "vergeben@example.de", "Sie haben bereits ein Konto");
    expect(mail.text_body).not.toContain("email-bestaetigen");
    const owners = await t.database.db.selectFrom("citizens").select("email").orderBy("email").execute();
    expect(owners.map((o) => o.email)).toEqual(["neu@example.de", "vergeben@example.de"]);
  });
});
