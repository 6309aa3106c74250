import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers } from "../db.ts";
import { createCitizen } from "../factories.ts";
import { FormClient, textOf } from "../form-client.ts";
import { startTestApp, type TestApp } from "../server.ts";

const email = "zwei@example.de";
const password = "Neun Nashörner nehmen Nudeln";
const codeAt = (secret: string, offsetSeconds: number) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

async function signIn(browser: FormClient) {
  await browser.get("/usingen/konto/anmelden");
  return browser.post("/usingen/konto/anmelden?weiter=/usingen/konto", { email, password });
}

describe.each(testDrivers())("two-factor sign-in over HTTP on %s", (driver) => {
  let t: TestApp;
  let secret = "";
  let recoveryCodes: string[] = [];
  beforeAll(async () => {
    t = await startTestApp(driver);
    await createCitizen(t, email, password);
  });
  afterAll(() => t?.close());

  it("sets up an authenticator app, confirmed by a code, and shows recovery codes once", async () => {
    const browser = new FormClient(t.url);
    expect((await signIn(browser)).location).toBe("/usingen/konto");
    expect(textOf((await browser.get("/usingen/konto")).html)).toContain(
      "Die Zwei-Faktor-Anmeldung ist ausgeschaltet",
    );

    const setup = await browser.get("/usingen/konto/zwei-faktor");
    expect(setup.status).toBe(200);
    expect(setup.html).toMatch(/<img[^>]+src="data:image\/svg\+xml;base64,[^"]+"[^>]+alt="QR-Code/);
    secret = (/<code>([A-Z2-7 ]+)<\/code>/.exec(setup.html)?.[1] ?? "").replaceAll(" ", "");
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    // A reload shows the same key, so a code from the app scanned first still works.
    expect((await browser.get("/usingen/konto/zwei-faktor")).html).toContain(
      setup.html.match(/<code>[^<]+<\/code>/)?.[0],
    );

    const wrong = await browser.post("/usingen/konto/zwei-faktor", { code: "000000" });
    expect(wrong.status).toBe(422);
    expect(textOf(wrong.html)).toContain("Der Code ist falsch oder abgelaufen");
    expect(wrong.html).toContain(secret.slice(0, 4)); // the same key again, not a new one

    const before = browser.cookie("rathaus_sid");
    const done = await browser.post("/usingen/konto/zwei-faktor", { code: await codeAt(secret, 0) });
    expect(done.status).toBe(200);
    // Turning it on rotates the session id; the old cookie no longer signs anyone in.
    expect(browser.cookie("rathaus_sid")).not.toBe(before);
    const stale = await fetch(`${t.url}/usingen/konto`, {
      headers: { cookie: `rathaus_sid=${before}` },
      redirect: "manual",
    });
    expect(stale.status).toBe(303);
    recoveryCodes = [...done.html.matchAll(/<code>([A-Z2-7]{5}-[A-Z2-7]{5})<\/code>/g)].map(
      (m) => m[1] ?? "",
    );
    expect(recoveryCodes).toHaveLength(10);
    expect(done.headers.get("cache-control")).toContain("no-store");
    expect(textOf((await browser.get("/usingen/konto")).html)).toContain(
      "Unbenutzte Wiederherstellungscodes: 10",
    );
    expect((await browser.get("/usingen/konto/zwei-faktor")).status).toBe(303);
  });

  it("asks for the code after the password and only then signs in", async () => {
    const browser = new FormClient(t.url);
    const afterPassword = await signIn(browser);
    expect(afterPassword.status).toBe(303);
    expect(afterPassword.location).toBe("/usingen/konto/anmelden/code?weiter=%2Fusingen%2Fkonto");
    expect(browser.cookie("rathaus_sid")).toBeUndefined();
    expect((await browser.get("/usingen/konto")).status).toBe(303);

    const step = await browser.get(afterPassword.location ?? "");
    expect(textOf(step.html)).toContain("Sicherheitscode eingeben");
    const wrong = await browser.post("/usingen/konto/anmelden/code?weiter=/usingen/konto", {
      code: "123456",
    });
    expect(wrong.status).toBe(422);
    const ok = await browser.post("/usingen/konto/anmelden/code?weiter=/usingen/konto", {
      code: await codeAt(secret, 30),
    });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe("/usingen/konto");
    expect((await browser.get("/usingen/konto")).status).toBe(200);
  });

  it("accepts a recovery code once instead of the app", async () => {
    const browser = new FormClient(t.url);
    await signIn(browser);
    await browser.get("/usingen/konto/anmelden/code");
    const ok = await browser.post("/usingen/konto/anmelden/code", { code: recoveryCodes[0] ?? "" });
    expect(ok.location).toBe("/usingen/konto");

    const again = new FormClient(t.url);
    await signIn(again);
    await again.get("/usingen/konto/anmelden/code");
    expect((await again.post("/usingen/konto/anmelden/code", { code: recoveryCodes[0] ?? "" })).status).toBe(
      422,
    );
  });

  it("gives nothing for the code step without a genuine password step", async () => {
    const stranger = new FormClient(t.url);
    expect((await stranger.get("/usingen/konto/anmelden/code")).location).toBe("/usingen/konto/anmelden");
    await stranger.get("/usingen/konto/anmelden");
    const forged = await fetch(`${t.url}/usingen/konto/anmelden/code`, {
      headers: { cookie: "rathaus_2fa=00000000-0000-7000-8000-000000000000.99999999999999" },
      redirect: "manual",
    });
    expect(forged.status).toBe(303);
    expect(forged.headers.get("location")).toBe("/usingen/konto/anmelden");
  });

  it("turns off only with the current password", async () => {
    const browser = new FormClient(t.url);
    await signIn(browser);
    await browser.get("/usingen/konto/anmelden/code");
    await browser.post("/usingen/konto/anmelden/code", { code: recoveryCodes[1] ?? "" });
    await browser.get("/usingen/konto");
    const wrong = await browser.post("/usingen/konto/zwei-faktor/ausschalten", {
      password: "nicht das Passwort",
    });
    expect(wrong.status).toBe(422);
    expect(textOf(wrong.html)).toContain("Das Passwort ist falsch");
    const off = await browser.post("/usingen/konto/zwei-faktor/ausschalten", { password });
    expect(off.location).toBe("/usingen/konto?hinweis=2fa-aus");
    expect(textOf((await browser.get(off.location ?? "")).html)).toContain(
      "Die Zwei-Faktor-Anmeldung ist ausgeschaltet.",
    );
    expect((await signIn(new FormClient(t.url))).location).toBe("/usingen/konto");
  });
});
