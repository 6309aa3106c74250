import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoStaffPassword } from "#seed/staff.ts";
import { testDrivers } from "../db.ts";
import { textOf } from "../form-client.ts";
import { startTestApp, type TestApp } from "../server.ts";
import { signInStaff } from "../staff.ts";

// Each test signs in one account twice: the second sign-in within 30 seconds takes the next code.
const page = "/usingen/verwaltung/zugang";

describe.each(testDrivers())("a member of staff's own access on %s", (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(() => t?.close());

  it("lists the devices and signs out the others", async () => {
    const email = "sachbearbeitung@usingen.example";
    const laptop = await signInStaff(t.url, "usingen", email);
    const phone = await signInStaff(t.url, "usingen", email);
    const view = await laptop.get(page);
    expect(view.status).toBe(200);
    expect(textOf(view.html)).toContain("dieses Gerät");
    expect(textOf(view.html)).toContain("Unbenutzte Wiederherstellungscodes: 10");
    const ended = await laptop.post(`${page}/sitzungen`, {});
    expect(ended.location).toBe(`${page}?hinweis=sitzungen`);
    expect((await phone.get(page)).status).toBe(303);
    expect(textOf((await laptop.get(ended.location ?? "")).html)).toContain(
      "Alle anderen Geräte wurden abgemeldet",
    );
  });

  it("changes the password only with the current one and a good new one", async () => {
    const email = "fachbereichsleitung@usingen.example";
    const browser = await signInStaff(t.url, "usingen", email);
    const other = await signInStaff(t.url, "usingen", email);
    await browser.get(page);
    const wrong = await browser.post(`${page}/passwort`, {
      current: "nicht das Passwort",
      password: "Sieben Sterne sehen still",
      confirm: "Sieben Sterne sehen still",
    });
    expect(wrong.status).toBe(422);
    expect(textOf(wrong.html)).toContain("Das aktuelle Passwort ist falsch");
    const common = await browser.post(`${page}/passwort`, {
      current: demoStaffPassword,
      password: "1qaz2wsx3edc",
      confirm: "1qaz2wsx3edc",
    });
    expect(common.status).toBe(422);
    const mismatch = await browser.post(`${page}/passwort`, {
      current: demoStaffPassword,
      password: "Sieben Sterne sehen still",
      confirm: "Sieben Sterne sehen stil",
    });
    expect(textOf(mismatch.html)).toContain("Die beiden Passwörter stimmen nicht überein");

    const before = browser.cookie("rathaus_staff_sid");
    const done = await browser.post(`${page}/passwort`, {
      current: demoStaffPassword,
      password: "Sieben Sterne sehen still",
      confirm: "Sieben Sterne sehen still",
    });
    expect(done.status).toBe(303);
    expect(browser.cookie("rathaus_staff_sid")).not.toBe(before);
    expect((await browser.get(page)).status).toBe(200);
    expect((await other.get(page)).status).toBe(303);
    await expect(signInStaff(t.url, "usingen", email)).rejects.toThrow("password step answered 422");
    const tenant = await t.services.tenants.bySlug("usingen");
    const staff = t.services.staff.staff;
    expect(await staff.checkPassword(tenant?.id ?? "", email, "Sieben Sterne sehen still")).toBeDefined();
    const actions = (await t.services.audit.list(tenant?.id ?? "")).map((r) => r.action);
    expect(actions).toContain("staff.password_changed");
  });
});
