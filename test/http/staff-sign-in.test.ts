import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoStaffPassword } from "#seed/staff.ts";
import { testDrivers } from "../db.ts";
import { FormClient, textOf } from "../form-client.ts";
import { startTestApp, type TestApp } from "../server.ts";
import { setupSecretOf, signInStaff, totpCode } from "../staff.ts";

const email = "sitzungsdienst@usingen.example";
const login = "/usingen/verwaltung/anmelden";
const code = "/usingen/verwaltung/anmelden/code";

async function passwordStep(browser: FormClient, address: string, password: string) {
  await browser.get(login);
  return browser.post(`${login}?weiter=/usingen/verwaltung/protokoll`, { email: address, password });
}

describe.each(testDrivers())("staff sign-in over HTTP on %s", (driver) => {
  let t: TestApp;
  let secret = "";
  /** The code that finished the set-up: replayed later, it must be refused (whatever the time is then). */
  let setupCode = "";
  let recoveryCodes: string[] = [];
  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(() => t?.close());

  const auditActions = async () => {
    const tenant = await t.services.tenants.bySlug("usingen");
    return (await t.services.audit.list(tenant?.id ?? "")).map((row) => row.action);
  };

  it("sends anonymous visitors to the sign-in page, and back afterwards", async () => {
    const response = await fetch(`${t.url}/usingen/verwaltung/mitarbeitende`, { redirect: "manual" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${login}?weiter=%2Fusingen%2Fverwaltung%2Fmitarbeitende`);
  });

  it("answers a wrong password and an unknown address alike", async () => {
    const unknown = await passwordStep(new FormClient(t.url), "niemand@usingen.example", demoStaffPassword);
    const wrong = await passwordStep(new FormClient(t.url), email, "Falsches Passwort 123");
    expect(unknown.status).toBe(422);
    expect(wrong.status).toBe(422);
    const strip = (html: string) => textOf(html.replace(/value="[^"]*"/g, ""));
    expect(strip(unknown.html).replace("niemand@usingen.example", "X")).toBe(
      strip(wrong.html).replace(email, "X"),
    );
    expect(textOf(wrong.html)).toContain("E-Mail-Adresse oder Passwort ist falsch");
    expect(await auditActions()).toContain("staff.login_failed");
  });

  it("makes a first sign-in set up the authenticator app before any session exists", async () => {
    const browser = new FormClient(t.url);
    const step = await passwordStep(browser, email, demoStaffPassword);
    expect(step.location).toBe(`${code}?weiter=%2Fusingen%2Fverwaltung%2Fprotokoll`);
    expect(browser.cookie("rathaus_staff_sid")).toBeUndefined();
    // Without the password step's cookie the code page leads back to the password.
    expect((await new FormClient(t.url).get(code)).location).toBe(login);

    const setup = await browser.get(`${code}?weiter=/usingen/verwaltung`);
    expect(textOf(setup.html)).toContain("Für Mitarbeitende ist die Zwei-Faktor-Anmeldung vorgeschrieben");
    secret = setupSecretOf(setup.html);
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const wrong = await browser.post(`${code}?weiter=/usingen/verwaltung`, { code: "000000" });
    expect(wrong.status).toBe(422);
    expect(setupSecretOf(wrong.html)).toBe(secret);
    expect(browser.cookie("rathaus_staff_sid")).toBeUndefined();

    setupCode = await totpCode(secret);
    const done = await browser.post(`${code}?weiter=/usingen/verwaltung`, { code: setupCode });
    expect(done.status).toBe(200);
    recoveryCodes = [...done.html.matchAll(/<code>([A-Z2-7]{5}-[A-Z2-7]{5})<\/code>/g)].map(
      (m) => m[1] ?? "",
    );
    expect(recoveryCodes).toHaveLength(10);
    expect(browser.cookie("rathaus_staff_sid")).toBeDefined();
    const home = await browser.get("/usingen/verwaltung");
    expect(home.status).toBe(200);
    expect(textOf(home.html)).toContain("Angemeldet als Sven Sitzungsdienst");
    expect(textOf(home.html)).toContain("Gremien, Sitzungen und Vorlagen verwalten");
    expect(await auditActions()).toEqual(
      expect.arrayContaining(["staff.totp_enabled", "staff.login_succeeded"]),
    );
  });

  it("asks for a code at every later sign-in; a code counts once, a recovery code too", async () => {
    const first = new FormClient(t.url);
    await passwordStep(first, email, demoStaffPassword);
    const page = await first.get(code);
    expect(textOf(page.html)).toContain("Sicherheitscode eingeben");
    // The code that finished the setup a moment ago was used up there.
    const replay = await first.post(code, { code: setupCode });
    expect(replay.status).toBe(422);
    const [recovery = ""] = recoveryCodes;
    const withRecovery = await first.post(code, { code: recovery.toLowerCase() });
    expect(withRecovery.status).toBe(303);
    expect(withRecovery.location).toBe("/usingen/verwaltung");

    const second = new FormClient(t.url);
    await passwordStep(second, email, demoStaffPassword);
    await second.get(code);
    expect((await second.post(code, { code: recovery })).status).toBe(422);
  });

  it("ends the session at sign-out and refuses the old cookie", async () => {
    const browser = await signInStaff(t.url, "usingen", "admin@usingen.example");
    const cookie = browser.cookie("rathaus_staff_sid") ?? "";
    await browser.get("/usingen/verwaltung");
    const out = await browser.post("/usingen/verwaltung/abmelden", {});
    expect(out.status).toBe(200);
    expect(textOf(out.html)).toContain("Sie sind abgemeldet");
    const stale = await fetch(`${t.url}/usingen/verwaltung`, {
      headers: { cookie: `rathaus_staff_sid=${cookie}` },
      redirect: "manual",
    });
    expect(stale.status).toBe(303);
    expect(await auditActions()).toContain("staff.logout");
  });

  it("waits after repeated failures, even for the right password", async () => {
    const address = "ratsmitglied@usingen.example";
    for (let i = 0; i < 6; i++)
      await passwordStep(new FormClient(t.url), address, `Falsch falsch ${i} falsch`);
    const blocked = await passwordStep(new FormClient(t.url), address, demoStaffPassword);
    expect(blocked.status).toBe(429);
    expect(textOf(blocked.html)).toContain("Zu viele");
  });

  it("refuses disabled accounts with the same message", async () => {
    const tenant = await t.services.tenants.bySlug("usingen");
    const member = (await t.services.staff.staff.list(tenant?.id ?? "")).find(
      (m) => m.email === "fachbereichsleitung@usingen.example",
    );
    await t.services.staff.staff.setDisabled(tenant?.id ?? "", member?.id ?? "", true, "de");
    const refused = await passwordStep(new FormClient(t.url), member?.email ?? "", demoStaffPassword);
    expect(refused.status).toBe(422);
    expect(textOf(refused.html)).toContain("E-Mail-Adresse oder Passwort ist falsch");
  });

  it("purges ended sessions after 30 days", async () => {
    const later = new Date(Date.now() + 31 * 24 * 3_600_000);
    const { sessions } = await t.services.staff.maintenance.purge(later);
    expect(sessions).toBeGreaterThan(0);
    const left = await t.database.db.selectFrom("staff_sessions").select("id_hash").execute();
    expect(left).toHaveLength(0);
  });
});
