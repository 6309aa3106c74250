import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers } from "../db.ts";
import { createCitizen } from "../factories.ts";
import { FormClient, textOf } from "../form-client.ts";
import { startTestApp, type TestApp } from "../server.ts";

const email = "profil@example.de";
const password = "Zehn Zebras ziehen Zettel";
const profile = {
  givenName: "Jürgen",
  familyName: "Müller-Lüdenscheidt",
  street: "Weilburger Straße 3a",
  postalCode: "61250",
  city: "Usingen",
  phone: "+49 6081 123456",
};

async function signedIn(t: TestApp, pass = password): Promise<FormClient> {
  const browser = new FormClient(t.url);
  await browser.get("/usingen/konto/anmelden");
  const page = await browser.post("/usingen/konto/anmelden", { email, password: pass });
  expect(page.status).toBe(303);
  return browser;
}

describe.each(testDrivers())("personal details and password change on %s", (driver) => {
  let t: TestApp;
  let citizenId: string;
  beforeAll(async () => {
    t = await startTestApp(driver);
    citizenId = await createCitizen(t, email, password);
  });
  afterAll(() => t?.close());

  it("keeps what was typed and explains each problem", async () => {
    const browser = await signedIn(t);
    expect((await browser.get("/usingen/konto/profil")).status).toBe(200);
    const bad = await browser.post("/usingen/konto/profil", {
      ...profile,
      givenName: "<script>alert(1)</script>",
      postalCode: "6125",
      phone: "ruf mich an",
    });
    expect(bad.status).toBe(422);
    const text = textOf(bad.html);
    expect(text).toContain("Diese Angabe enthält Zeichen, die nicht erlaubt sind");
    expect(text).toContain("Geben Sie eine Postleitzahl mit 5 Ziffern ein");
    expect(text).toContain("Geben Sie eine Telefonnummer ein");
    expect(bad.html).not.toContain("<script>alert(1)</script>");
    expect(bad.html).toContain('value="6125"');
    expect(bad.html).toContain('value="Müller-Lüdenscheidt"');
    const stored = await t.database.db
      .selectFrom("citizens")
      .selectAll()
      .where("email", "=", email)
      .executeTakeFirst();
    expect(stored?.given_name).toBe("");
  });

  it("saves the details, which then show on the form", async () => {
    const browser = await signedIn(t);
    await browser.get("/usingen/konto/profil");
    const saved = await browser.post("/usingen/konto/profil", { ...profile, city: "  Usingen  " });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe("/usingen/konto?hinweis=profil-gespeichert");
    expect(textOf((await browser.get(saved.location ?? "")).html)).toContain(
      "Ihre persönlichen Daten sind gespeichert.",
    );
    const form = await browser.get("/usingen/konto/profil");
    for (const value of Object.values(profile)) expect(form.html).toContain(`value="${value}"`);
    expect(await t.services.identity.profile.get(citizenId)).toEqual(profile);
  });

  it("changes the password after checking the current one, and signs out other devices", async () => {
    const phone = await signedIn(t);
    const browser = await signedIn(t);
    await browser.get("/usingen/konto/passwort-aendern");
    const wrong = await browser.post("/usingen/konto/passwort-aendern", {
      currentPassword: "falsch falsch falsch",
      password: "password",
    });
    expect(wrong.status).toBe(422);
    const text = textOf(wrong.html);
    expect(text).toContain("Das Passwort ist falsch");
    expect(text).toContain("Ihr Passwort muss mindestens 12 Zeichen lang sein");
    const changed = await browser.post("/usingen/konto/passwort-aendern", {
      currentPassword: password,
      password: "Elf Elche essen Erdbeeren",
    });
    expect(changed.location).toBe("/usingen/konto?hinweis=passwort-geaendert");
    expect((await browser.get("/usingen/konto")).status).toBe(200);
    expect((await phone.get("/usingen/konto")).status).toBe(303);
    await signedIn(t, "Elf Elche essen Erdbeeren");
  });

  it("limits guesses of the current password like sign-in, per account", async () => {
    const browser = await signedIn(t, "Elf Elche essen Erdbeeren");
    await browser.get("/usingen/konto/passwort-aendern");
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const page = await browser.post("/usingen/konto/passwort-aendern", {
        currentPassword: `geraten ${i}`,
        password: "Dreizehn Drachen dösen draußen",
      });
      statuses.push(page.status);
      if (page.status === 429) expect(textOf(page.html)).toMatch(/Bitte warten Sie \d+ Minuten/);
    }
    // One wrong guess was made by the test before; five free guesses, then waiting.
    expect(statuses).toEqual([422, 422, 422, 422, 422, 429, 429]);
  });

  it("sends visitors who are not signed in to the sign-in page", async () => {
    const visitor = new FormClient(t.url);
    for (const path of [
      "/usingen/konto/profil",
      "/usingen/konto/passwort-aendern",
      "/usingen/konto/zwei-faktor",
    ]) {
      const page = await visitor.get(path);
      expect(page.status, path).toBe(303);
      expect(page.location, path).toBe(`/usingen/konto/anmelden?weiter=${encodeURIComponent(path)}`);
    }
  });
});
