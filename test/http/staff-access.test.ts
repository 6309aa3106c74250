import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffPaths } from "#modules/staff/index.ts";
import { demoStaffPassword } from "#seed/staff.ts";
import { testDrivers } from "../db.ts";
import { FormClient, textOf } from "../form-client.ts";
import { startTestApp, type TestApp } from "../server.ts";
import { signInStaff } from "../staff.ts";
import {
  acceptInvitation,
  auditOf,
  base,
  departmentIdOf,
  mailedLink,
  memberNamed,
  postRepeated,
  resetSubject,
} from "./staff-admin-kit.ts";

/**
 * What an administrator changes on an existing account, over HTTP: roles and departments (audited with
 * before and after), the last administrator, one's own account, disabling (the session ends at once) and
 * resetting access (a new invitation mail; the old password and authenticator app are gone).
 */

const lastAdmin = "Mindestens eine aktive Person muss die Rolle Administration behalten";
const notSelf = "Ihr eigenes Konto können Sie hier nicht deaktivieren oder zurücksetzen";

const errorSummaryOf = (html: string) => textOf(/<div[^>]+error-summary[\s\S]*?<\/ul>/.exec(html)?.[0] ?? "");

describe.each(testDrivers())("staff roles and access over HTTP on %s", (driver) => {
  let t: TestApp;
  let admin: FormClient;

  beforeAll(async () => {
    t = await startTestApp(driver);
    admin = await signInStaff(t.url, "usingen", "admin@usingen.example");
  });
  afterAll(() => t?.close());

  /** Posts the member form as the page shows it, with these roles and departments ticked. */
  async function saveMember(email: string, roles: string[], departments: string[], displayName?: string) {
    const member = await memberNamed(t, email);
    const path = staffPaths.member(base, member.id);
    const form = await admin.get(path);
    expect(form.status).toBe(200);
    return postRepeated(admin, form, path, [
      ["displayName", displayName ?? member.displayName],
      ...roles.map((role): [string, string] => ["roles", role]),
      ...departments.map((id): [string, string] => ["departments", id]),
    ]);
  }

  it("changes roles and departments and records the roles before and after", async () => {
    const [ordnungsamt, bauamt] = await Promise.all([
      departmentIdOf(t, "Ordnungsamt"),
      departmentIdOf(t, "Bauamt"),
    ]);
    const saved = await saveMember(
      "sitzungsdienst@usingen.example",
      ["council_office", "department_lead"],
      [ordnungsamt, bauamt],
      "Sven Sitzungsdienst-Leiter",
    );
    expect(saved.status).toBe(303);
    const sven = await memberNamed(t, "sitzungsdienst@usingen.example");
    expect(saved.location).toBe(`${staffPaths.member(base, sven.id)}?hinweis=gespeichert`);
    expect(textOf((await admin.get(saved.location ?? "")).html)).toContain(
      "Die Änderungen wurden gespeichert.",
    );
    expect(sven.displayName).toBe("Sven Sitzungsdienst-Leiter");
    expect([...sven.roles].sort()).toEqual(["council_office", "department_lead"]);
    expect([...sven.departmentIds].sort()).toEqual([ordnungsamt, bauamt].sort());

    const changes = await auditOf(t, "staff.roles_changed");
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      actor_id: (await memberNamed(t, "admin@usingen.example")).id,
      target: "sitzungsdienst@usingen.example",
      details: { before: "council_office", after: "department_lead,council_office" },
    });

    // Saving the page again as it is (only the departments change) is no change of roles.
    expect((await saveMember(sven.email, ["department_lead", "council_office"], [bauamt])).status).toBe(303);
    expect(await auditOf(t, "staff.roles_changed")).toHaveLength(1);
    expect(await auditOf(t, "staff.updated")).toHaveLength(2);
    expect((await memberNamed(t, sven.email)).departmentIds).toEqual([bauamt]);
  });

  it("refuses an empty role list or an unknown department, changing nothing", async () => {
    const before = await memberNamed(t, "ratsmitglied@usingen.example");
    const noRoles = await saveMember(before.email, [], []);
    expect(noRoles.status).toBe(422);
    expect(errorSummaryOf(noRoles.html)).toBe("Es gibt ein Problem Wählen Sie mindestens eine Rolle aus");
    const unknown = await saveMember(
      before.email,
      ["council_member"],
      ["0190a000-0000-7000-8000-000000000000"],
    );
    expect(unknown.status).toBe(422);
    expect(errorSummaryOf(unknown.html)).toContain("Wählen Sie nur vorhandene Fachbereiche aus");
    expect(await memberNamed(t, before.email)).toEqual(before);
  });

  it("keeps the last active administrator: the role cannot be removed from them", async () => {
    const andrea = await memberNamed(t, "admin@usingen.example");
    const refused = await saveMember(andrea.email, ["clerk"], []);
    expect(refused.status).toBe(422);
    expect(errorSummaryOf(refused.html)).toBe(`Es gibt ein Problem ${lastAdmin}`);
    expect(refused.html).toContain('href="#field-roles"');
    expect((await memberNamed(t, andrea.email)).roles).toEqual(["admin"]);
    expect((await admin.get(staffPaths.staff(base))).status).toBe(200);

    // With Regina as a second administrator the role can be given and taken again.
    expect((await saveMember("ratsmitglied@usingen.example", ["admin", "council_member"], [])).status).toBe(
      303,
    );
    expect((await saveMember("ratsmitglied@usingen.example", ["council_member"], [])).status).toBe(303);
    expect((await memberNamed(t, "ratsmitglied@usingen.example")).roles).toEqual(["council_member"]);
  });

  it("refuses to disable or reset one's own account", async () => {
    const andrea = await memberNamed(t, "admin@usingen.example");
    const own = await admin.get(staffPaths.member(base, andrea.id));
    expect(own.html).not.toContain(staffPaths.memberStatus(base, andrea.id));
    expect(own.html).not.toContain(staffPaths.memberAccess(base, andrea.id));
    const disable = await admin.post(staffPaths.memberStatus(base, andrea.id), { action: "disable" });
    expect(disable.status).toBe(422);
    expect(errorSummaryOf(disable.html)).toBe(`Es gibt ein Problem ${notSelf}`);
    const reset = await admin.post(staffPaths.memberAccess(base, andrea.id), {});
    expect(reset.status).toBe(422);
    expect(errorSummaryOf(reset.html)).toBe(`Es gibt ein Problem ${notSelf}`);
    expect(await memberNamed(t, andrea.email)).toMatchObject({ status: "active", totpEnabled: true });
    expect((await admin.get(staffPaths.staff(base))).status).toBe(200);
    expect(await auditOf(t, "staff.disabled")).toEqual([]);
  });

  it("disabling ends the member's session at once; enabling lets them sign in again", async () => {
    const clerk = await signInStaff(t.url, "usingen", "sachbearbeitung@usingen.example");
    expect((await clerk.get(staffPaths.home(base))).status).toBe(200);
    const sabine = await memberNamed(t, "sachbearbeitung@usingen.example");

    await admin.get(staffPaths.member(base, sabine.id));
    const disabled = await admin.post(staffPaths.memberStatus(base, sabine.id), { action: "disable" });
    expect(disabled.status).toBe(303);
    expect(disabled.location).toBe(`${staffPaths.member(base, sabine.id)}?hinweis=deaktiviert`);
    const page = textOf((await admin.get(disabled.location ?? "")).html);
    expect(page).toContain("Das Konto wurde deaktiviert.");
    expect(page).toContain("Konto wieder aktivieren");
    expect(page).not.toContain("Zugang zurücksetzen");
    expect(await auditOf(t, "staff.disabled")).toMatchObject([{ target: sabine.email }]);

    const next = await clerk.get(staffPaths.home(base));
    expect(next.status).toBe(303);
    expect(next.location).toBe(`${staffPaths.login(base)}?weiter=%2Fusingen%2Fverwaltung`);
    expect(clerk.cookie("rathaus_staff_sid")).toBeUndefined();
    await clerk.get(staffPaths.login(base));
    const again = await clerk.post(staffPaths.login(base), {
      email: sabine.email,
      password: demoStaffPassword,
    });
    expect(again.status).toBe(422);
    expect(textOf(again.html)).toContain("E-Mail-Adresse oder Passwort ist falsch");

    await admin.get(staffPaths.member(base, sabine.id));
    const enabled = await admin.post(staffPaths.memberStatus(base, sabine.id), { action: "enable" });
    expect(enabled.location).toBe(`${staffPaths.member(base, sabine.id)}?hinweis=aktiviert`);
    expect((await memberNamed(t, sabine.email)).status).toBe("active");
    const back = await clerk.post(staffPaths.login(base), {
      email: sabine.email,
      password: demoStaffPassword,
    });
    expect(back.status).toBe(303);
  });

  it("resetting access ends the sessions, mails a new link, and the old password no longer works", async () => {
    const lead = await signInStaff(t.url, "usingen", "fachbereichsleitung@usingen.example");
    expect((await lead.get(staffPaths.home(base))).status).toBe(200);
    const frank = await memberNamed(t, "fachbereichsleitung@usingen.example");
    expect(frank.totpEnabled).toBe(true);

    const form = await admin.get(staffPaths.member(base, frank.id));
    expect(textOf(form.html)).toContain("Zugang zurücksetzen");
    const reset = await admin.post(staffPaths.memberAccess(base, frank.id), {});
    expect(reset.status).toBe(303);
    expect(reset.location).toBe(`${staffPaths.member(base, frank.id)}?hinweis=zurueckgesetzt`);
    expect(textOf((await admin.get(reset.location ?? "")).html)).toContain(
      "Eine neue Einladung wurde an fachbereichsleitung@usingen.example gesendet.",
    );
    expect(await memberNamed(t, frank.email)).toMatchObject({ status: "invited", totpEnabled: false });
    expect(await auditOf(t, "staff.access_reset")).toMatchObject([{ target: frank.email }]);

    expect((await lead.get(staffPaths.home(base))).status).toBe(303);
    const old = new FormClient(t.url);
    await old.get(staffPaths.login(base));
    const refused = await old.post(staffPaths.login(base), {
      email: frank.email,
      password: demoStaffPassword,
    });
    expect(refused.status).toBe(422);
    expect(textOf(refused.html)).toContain("E-Mail-Adresse oder Passwort ist falsch");

    const link = await mailedLink(t, frank.email, resetSubject);
    const { browser, secret } = await acceptInvitation(t, link, "Frank fährt früh zum Flughafen");
    const dashboard = textOf((await browser.get(staffPaths.home(base))).html);
    expect(dashboard).toContain("Angemeldet als Frank Fachbereichsleiter");
    expect(dashboard).toContain("Ihre Rollen Fachbereichsleitung");
    expect(secret).not.toBe("");
    expect(await memberNamed(t, frank.email)).toMatchObject({ status: "active", totpEnabled: true });
  });

  it("a disabled invitee's link is dead until enabled; a reset replaces the earlier link", async () => {
    await admin.get(staffPaths.invite(base));
    const email = "paula.pause@usingen.example";
    const sent = await admin.post(staffPaths.invite(base), {
      displayName: "Paula Pause",
      email,
      roles: "clerk",
    });
    expect(sent.status).toBe(303);
    const first = await mailedLink(t, email, "Einladung in die Verwaltung von Usingen");
    const paula = await memberNamed(t, email);
    const visitor = new FormClient(t.url);
    expect((await visitor.get(first)).status).toBe(200);

    await admin.get(staffPaths.member(base, paula.id));
    await admin.post(staffPaths.memberStatus(base, paula.id), { action: "disable" });
    const dead = await visitor.get(first);
    expect(dead.status).toBe(400);
    expect(textOf(dead.html)).toContain("Dieser Link ist nicht mehr gültig");

    await admin.post(staffPaths.memberStatus(base, paula.id), { action: "enable" });
    expect((await memberNamed(t, email)).status).toBe("invited");
    expect((await visitor.get(first)).status).toBe(200);

    expect((await admin.post(staffPaths.memberAccess(base, paula.id), {})).status).toBe(303);
    const second = await mailedLink(t, email, resetSubject);
    expect(second).not.toBe(first);
    expect((await visitor.get(first)).status).toBe(400);
    expect((await visitor.get(second)).status).toBe(200);
  });

  it("answers 404 for an unknown member and leaves the list intact", async () => {
    for (const id of ["0190a000-0000-7000-8000-000000000000", "kein-konto"]) {
      expect((await admin.get(staffPaths.member(base, id))).status).toBe(404);
      expect((await admin.post(staffPaths.memberStatus(base, id), { action: "disable" })).status).toBe(404);
      expect((await admin.post(staffPaths.memberAccess(base, id), {})).status).toBe(404);
    }
    expect((await admin.get(staffPaths.staff(base))).status).toBe(200);
  });
});
