import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers } from "../db.ts";
import { FormClient, textOf } from "../form-client.ts";
import { waitForMail } from "../mailbox.ts";
import { startTestApp, type TestApp } from "../server.ts";

const password = "Sieben Zwerge wandern über Berge";

/** Path and query of a link in a mail (the test server's public URL is not where it listens). */
function linkPath(mailText: string, pathPart: string): string {
  const match = new RegExp(`https?://\\S*${pathPart}\\S*`).exec(mailText);
  if (!match) throw new Error(`no link to ${pathPart} in:\n${mailText}`);
  const url = new URL(match[0]);
  return `${url.pathname}${url.search}`;
}

describe.each(testDrivers())("citizen account journey over HTTP on %s", (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(() => t?.close());

  it("registers, confirms the address, signs in and out", async () => {
    const browser = new FormClient(t.url);
    const form = await browser.get("/usingen/konto/registrieren");
    expect(form.status).toBe(200);
    expect(textOf(form.html)).toContain("Konto erstellen");
    expect(textOf(form.html)).toContain("Anmelden");

    const invalid = await browser.post("/usingen/konto/registrieren", { email: "erika@", password: "kurz" });
    expect(invalid.status).toBe(422);
    expect(textOf(invalid.html)).toContain("Es gibt ein Problem");
    expect(textOf(invalid.html)).toContain("Geben Sie eine E-Mail-Adresse im richtigen Format ein");
    expect(invalid.html).toContain('value="erika@"');
    expect(invalid.html).not.toContain("kurz");

    const sent = await browser.post("/usingen/konto/registrieren", { email: "Erika@Example.de", password });
    expect(sent.status).toBe(200);
    expect(textOf(sent.html)).toContain("Wir haben eine E-Mail an erika@example.de geschickt");

    const mail = await waitForMail(t.database.db, "erika@example.de", "Bestätigen Sie Ihre E-Mail-Adresse");
    const confirm = await browser.get(linkPath(mail.text_body, "/usingen/konto/bestaetigen"));
    expect(confirm.status).toBe(200);
    const token = /name="token" value="([^"]+)"/.exec(confirm.html)?.[1] ?? "";
    const confirmed = await browser.post("/usingen/konto/bestaetigen", { token });
    expect(textOf(confirmed.html)).toContain("E-Mail-Adresse bestätigt");
    expect((await browser.post("/usingen/konto/bestaetigen", { token })).status).toBe(400);

    await browser.get("/usingen/konto/anmelden");
    const wrong = await browser.post("/usingen/konto/anmelden?weiter=/usingen/konto", {
      email: "erika@example.de",
      password: "falsches Passwort 123",
    });
    expect(wrong.status).toBe(422);
    expect(textOf(wrong.html)).toContain("E-Mail-Adresse oder Passwort ist falsch");

    const signedIn = await browser.post("/usingen/konto/anmelden?weiter=/usingen/konto", {
      email: "erika@example.de",
      password,
    });
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe("/usingen/konto");
    expect(browser.cookie("rathaus_sid")).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);

    const account = await browser.get("/usingen/konto");
    expect(account.status).toBe(200);
    expect(textOf(account.html)).toContain("Angemeldet als erika@example.de");
    expect(textOf(account.html)).toContain("Mein Konto");
    expect(account.headers.get("cache-control")).toContain("no-store");
    // Static files are served without looking at the session (an unknown one is not even noticed there).
    const css = await fetch(`${t.url}/assets/app.css`, { headers: { cookie: "rathaus_sid=unbekannt" } });
    expect(css.status).toBe(200);
    expect(css.headers.get("set-cookie")).toBeNull();
    const page = await fetch(`${t.url}/usingen`, { headers: { cookie: "rathaus_sid=unbekannt" } });
    expect(page.headers.get("set-cookie")).toMatch(/^rathaus_sid=;/);

    // One account for every municipality of the installation.
    expect((await browser.get("/neu-anspach/konto")).status).toBe(200);

    const out = await browser.post("/usingen/konto/abmelden", {});
    expect(textOf(out.html)).toContain("Sie sind abgemeldet");
    const after = await browser.get("/usingen/konto");
    expect(after.status).toBe(303);
    expect(after.location).toBe("/usingen/konto/anmelden?weiter=%2Fusingen%2Fkonto");
  });

  it("resets a forgotten password and ends every session", async () => {
    const phone = new FormClient(t.url);
    await phone.get("/usingen/konto/anmelden");
    expect(
      (await phone.post("/usingen/konto/anmelden", { email: "erika@example.de", password })).status,
    ).toBe(303);

    const browser = new FormClient(t.url);
    await browser.get("/usingen/konto/passwort-vergessen");
    const unknown = await browser.post("/usingen/konto/passwort-vergessen", { email: "niemand@example.de" });
    const known = await browser.post("/usingen/konto/passwort-vergessen", { email: "erika@example.de" });
    // Identical answers apart from the address itself: nobody learns whether an account exists.
    expect(textOf(unknown.html).replace("niemand", "X")).toBe(textOf(known.html).replace("erika", "X"));

    const mail = await waitForMail(t.database.db, "erika@example.de", "Passwort zurücksetzen");
    const resetPath = linkPath(mail.text_body, "/usingen/konto/passwort-zuruecksetzen");
    const form = await browser.get(resetPath);
    expect(form.status).toBe(200);
    const token = new URL(resetPath, t.url).searchParams.get("token") ?? "";
    const weak = await browser.post("/usingen/konto/passwort-zuruecksetzen", { token, password: "password" });
    expect(weak.status).toBe(422);
    const done = await browser.post("/usingen/konto/passwort-zuruecksetzen", {
      token,
      password: "Acht Ameisen tragen Blätter",
    });
    expect(textOf(done.html)).toContain("Passwort geändert");
    expect((await phone.get("/usingen/konto")).status).toBe(303);
    expect((await browser.get(resetPath)).status).toBe(400);
  });

  it("never redirects to another site after signing in", async () => {
    const browser = new FormClient(t.url);
    await browser.get("/usingen/konto/anmelden");
    for (const weiter of [
      "//evil.example/",
      "https://evil.example/",
      "/\\evil.example",
      "javascript:alert(1)",
    ]) {
      await browser.get("/usingen/konto/anmelden");
      const page = await browser.post(`/usingen/konto/anmelden?weiter=${encodeURIComponent(weiter)}`, {
        email: "erika@example.de",
        password: "Acht Ameisen tragen Blätter",
      });
      expect(page.status, weiter).toBe(303);
      expect(page.location, weiter).toBe("/usingen/konto");
    }
  });

  it("writes every account event to the municipality's audit log, without secrets", async () => {
    const usingen = await t.services.tenants.bySlug("usingen");
    const neuAnspach = await t.services.tenants.bySlug("neu-anspach");
    const log = await t.services.audit.list(usingen?.id ?? "", { limit: 500 });
    const actions = new Set(log.map((e) => e.action));
    for (const action of [
      "citizen.registration_requested",
      "citizen.email_verified",
      "citizen.login_failed",
      "citizen.login_succeeded",
      "citizen.logout",
      "citizen.password_reset_requested",
      "citizen.password_reset",
    ]) {
      expect(actions, action).toContain(action);
    }
    const failed = log.find((e) => e.action === "citizen.login_failed");
    expect(failed).toMatchObject({
      actor_type: "anonymous",
      target: "erika@example.de",
      details: { reason: "password" },
    });
    expect(failed?.ip).toBe("127.0.0.1");
    const succeeded = log.find((e) => e.action === "citizen.login_succeeded");
    expect(succeeded).toMatchObject({ actor_type: "citizen", details: { method: "password" } });
    expect(JSON.stringify(log)).not.toContain(password);
    expect(JSON.stringify(log)).not.toContain("Acht Ameisen");
    // Events on Neu-Anspach's pages stay in Neu-Anspach's log.
    const other = await t.services.audit.list(neuAnspach?.id ?? "", { limit: 500 });
    expect(other.every((e) => e.tenant_id === neuAnspach?.id)).toBe(true);
    expect(log.every((e) => e.tenant_id === usingen?.id)).toBe(true);
  });

  it("rejects account forms without a CSRF token", async () => {
    const response = await fetch(`${t.url}/usingen/konto/anmelden`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=a%40b.de&password=x",
    });
    expect(response.status).toBe(403);
  });

  it("makes a guesser wait after repeated failures, with a clear message (last: it blocks the account)", async () => {
    const guesser = new FormClient(t.url);
    await guesser.get("/neu-anspach/konto/anmelden");
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const page = await guesser.post("/neu-anspach/konto/anmelden", {
        email: "ziel@example.de",
        password: `rate ${i}`,
      });
      statuses.push(page.status);
      if (page.status === 429)
        expect(textOf(page.html)).toMatch(/Zu viele Anmeldeversuche\. Bitte warten Sie \d+ Minuten/);
    }
    expect(statuses.slice(0, 5)).toEqual([422, 422, 422, 422, 422]);
    expect(statuses.at(-1)).toBe(429);
  });
});
