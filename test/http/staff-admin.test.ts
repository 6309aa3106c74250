import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffPaths } from "#modules/staff/index.ts";
import { testDrivers } from "../db.ts";
import { FormClient, textOf } from "../form-client.ts";
import { startTestApp, type TestApp } from "../server.ts";
import { signInStaff } from "../staff.ts";
import {
  acceptInvitation,
  auditOf,
  base,
  departmentIdOf,
  invitationSubject,
  mailedLink,
  memberCount,
  memberNamed,
  tokenOf,
  usingenId,
} from "./staff-admin-kit.ts";

/**
 * The administration of a municipality's staff over HTTP, as an administrator and the people invited use it:
 * invitations by mail (refused input, the link, choosing a password, the mandatory authenticator app), dead
 * links, departments, the audit log and the English texts. Roles and access: staff-access.test.ts.
 */

const password = "Zwölf Zebras zählen Zitronen";
const invalidLink = "Dieser Link ist nicht mehr gültig";

describe.each(testDrivers())("staff administration over HTTP on %s", (driver) => {
  let t: TestApp;
  let admin: FormClient;
  const invite = staffPaths.invite(base);

  beforeAll(async () => {
    t = await startTestApp(driver);
    admin = await signInStaff(t.url, "usingen", "admin@usingen.example");
  });
  afterAll(() => t?.close());

  it("refuses invitations with missing or wrong input, in German, keeps the input and creates no account", async () => {
    const before = await memberCount(t);
    const buergerbuero = await departmentIdOf(t, "Bürgerbüro");
    const valid = { displayName: "Nina Neumann", email: "nina.neumann@usingen.example", roles: "clerk" };
    const cases: [Record<string, string>, field: string, message: string][] = [
      [{ ...valid, displayName: "  " }, "displayName", "Geben Sie den Namen ein"],
      [{ ...valid, email: "" }, "email", "Geben Sie die dienstliche E-Mail-Adresse ein"],
      [
        { ...valid, email: "nina.neumann@" },
        "email",
        "Geben Sie eine E-Mail-Adresse im richtigen Format ein, zum Beispiel name@usingen.de",
      ],
      [
        { displayName: valid.displayName, email: valid.email },
        "roles",
        "Wählen Sie mindestens eine Rolle aus",
      ],
      [{ ...valid, roles: "superuser" }, "roles", "Wählen Sie mindestens eine Rolle aus"],
      [{ ...valid, departments: randomUUID() }, "departments", "Wählen Sie nur vorhandene Fachbereiche aus"],
      [
        { ...valid, departments: "nicht-einmal-eine-id" },
        "departments",
        "Wählen Sie nur vorhandene Fachbereiche aus",
      ],
      [
        { ...valid, email: " Sachbearbeitung@Usingen.EXAMPLE " },
        "email",
        "Für diese E-Mail-Adresse gibt es bereits ein Konto",
      ],
    ];
    expect((await admin.get(invite)).status).toBe(200);
    for (const [fields, field, message] of cases) {
      const page = await admin.post(invite, { departments: buergerbuero, ...fields });
      expect(page.status, message).toBe(422);
      const summary = /<div[^>]+error-summary[\s\S]*?<\/ul>/.exec(page.html)?.[0] ?? "";
      expect(textOf(summary)).toBe(`Es gibt ein Problem ${message}`);
      expect(summary).toContain(`href="#field-${field}"`);
      expect(page.html).toMatch(/<title>Fehler: Person einladen/);
      if (fields.displayName?.trim()) expect(page.html).toContain(`value="${fields.displayName}"`);
    }
    expect(await memberCount(t)).toBe(before);
    expect(await auditOf(t, "staff.invited")).toEqual([]);
    const mails = await t.database.db.selectFrom("dev_mailbox").select("recipient").execute();
    expect(mails.map((m) => m.recipient)).not.toContain(valid.email);
  });

  it("invites by mail; the link leads to a password, the authenticator app and the back office", async () => {
    const ordnungsamt = await departmentIdOf(t, "Ordnungsamt");
    await admin.get(invite);
    const sent = await admin.post(invite, {
      displayName: "Nina Neumann",
      email: " Nina.Neumann@Usingen.example",
      roles: "clerk",
      departments: ordnungsamt,
    });
    expect(sent.status).toBe(303);
    const nina = await memberNamed(t, "nina.neumann@usingen.example");
    expect(nina).toMatchObject({ status: "invited", roles: ["clerk"], departmentIds: [ordnungsamt] });
    expect(sent.location).toBe(`${staffPaths.member(base, nina.id)}?hinweis=eingeladen`);
    const memberPage = await admin.get(sent.location ?? "");
    expect(textOf(memberPage.html)).toContain(
      "Die Einladung an nina.neumann@usingen.example wurde gesendet.",
    );
    const list = textOf((await admin.get(staffPaths.staff(base))).html);
    expect(list).toContain(
      "Nina Neumann – Bearbeiten nina.neumann@usingen.example Sachbearbeitung Ordnungsamt Eingeladen noch nie",
    );
    const [invited] = await auditOf(t, "staff.invited");
    expect(invited).toMatchObject({ target: "nina.neumann@usingen.example", actor_type: "staff" });
    expect(invited?.actor_id).toBe((await memberNamed(t, "admin@usingen.example")).id);

    const link = await mailedLink(t, "nina.neumann@usingen.example", invitationSubject);
    expect(link).toMatch(/^\/usingen\/verwaltung\/einladung\?token=[0-9a-f-]{36}\.[\w-]{43}$/);
    const browser = new FormClient(t.url);
    const choose = await browser.get(link);
    expect(choose.status).toBe(200);
    expect(textOf(choose.html)).toContain(
      "Willkommen, Nina Neumann. Legen Sie ein Passwort für Ihr Konto in der Verwaltung von Usingen fest.",
    );
    // Before a password is set, the account cannot sign in.
    const early = new FormClient(t.url);
    await early.get(staffPaths.login(base));
    expect((await early.post(staffPaths.login(base), { email: nina.email, password })).status).toBe(422);

    const token = tokenOf(link);
    const mismatch = await browser.post(staffPaths.invitation(base), {
      token,
      password,
      confirm: "Zwölf Zebras zählen Orangen",
    });
    expect(mismatch.status).toBe(422);
    expect(textOf(mismatch.html)).toContain("Die beiden Passwörter stimmen nicht überein");
    const common = await browser.post(staffPaths.invitation(base), {
      token,
      password: "qwerty123456",
      confirm: "qwerty123456",
    });
    expect(common.status).toBe(422);
    expect(textOf(common.html)).toContain(
      "Dieses Passwort wird sehr häufig verwendet und ist leicht zu erraten. Wählen Sie ein anderes",
    );
    expect(common.html).toContain(`value="${token}"`);
    expect((await memberNamed(t, nina.email)).status).toBe("invited");

    const { browser: signedIn, setupHtml } = await acceptInvitation(t, link, password);
    expect(textOf(setupHtml)).toContain("Für Mitarbeitende ist die Zwei-Faktor-Anmeldung vorgeschrieben.");
    const dashboard = await signedIn.get(staffPaths.home(base));
    expect(dashboard.status).toBe(200);
    const text = textOf(dashboard.html);
    expect(text).toContain("Angemeldet als Nina Neumann");
    expect(text).toContain("Ihre Rollen Sachbearbeitung Ihre Fachbereiche Ordnungsamt");
    expect(text).toContain("Anträge Ihrer Fachbereiche bearbeiten");
    expect(await memberNamed(t, nina.email)).toMatchObject({ status: "active", totpEnabled: true });
    expect(await auditOf(t, "staff.invitation_accepted")).toMatchObject([{ actor_id: nina.id }]);
    expect((await signedIn.get(staffPaths.staff(base))).status).toBe(403);

    // The same link again: used up, for the page and for the form.
    const again = await new FormClient(t.url).get(link);
    expect(again.status).toBe(400);
    expect(textOf(again.html)).toContain(invalidLink);
    const replay = await browser.post(staffPaths.invitation(base), { token, password, confirm: password });
    expect(replay.status).toBe(400);
    expect(textOf(replay.html)).toContain(invalidLink);
  });

  it("answers 400 for forged, garbled and expired invitation links", async () => {
    await admin.get(invite);
    const sent = await admin.post(invite, {
      displayName: "Otto Ostermann",
      email: "otto.ostermann@usingen.example",
      roles: "council_member",
    });
    expect(sent.status).toBe(303);
    const link = await mailedLink(t, "otto.ostermann@usingen.example", invitationSubject);
    const [staffId = ""] = tokenOf(link).split(".");
    const forged = [
      `${staffId}.${"A".repeat(43)}`,
      `${randomUUID()}.${tokenOf(link).split(".")[1]}`,
      "kein-token",
      `${tokenOf(link)}.extra`,
      "",
    ];
    const browser = new FormClient(t.url);
    for (const token of forged) {
      const page = await browser.get(`${staffPaths.invitation(base)}?token=${encodeURIComponent(token)}`);
      expect(page.status, token).toBe(400);
      expect(textOf(page.html)).toContain(invalidLink);
    }
    expect((await browser.get(staffPaths.invitation(base))).status).toBe(400);
    expect((await browser.get(link)).status).toBe(200);
    for (const token of forged) {
      const page = await browser.post(staffPaths.invitation(base), { token, password, confirm: password });
      expect(page.status, token).toBe(400);
    }

    await t.database.db
      .updateTable("staff_invitations")
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where("staff_id", "=", staffId)
      .execute();
    const expired = await browser.get(link);
    expect(expired.status).toBe(400);
    expect(textOf(expired.html)).toContain(invalidLink);
    const late = await browser.post(staffPaths.invitation(base), {
      token: tokenOf(link),
      password,
      confirm: password,
    });
    expect(late.status).toBe(400);
    expect((await memberNamed(t, "otto.ostermann@usingen.example")).status).toBe("invited");
  });

  it("creates departments; a name taken in any case or a wrong address is refused", async () => {
    const path = staffPaths.departments(base);
    const page = await admin.get(path);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain("Bürgerbüro buergerbuero@usingen.example");

    const created = await admin.post(path, {
      name: "  Standesamt ",
      email: "Standesamt@Usingen.example",
      phone: "06081 1024-160",
    });
    expect(created.status).toBe(303);
    expect(created.location).toBe(`${path}?hinweis=angelegt`);
    const listed = textOf((await admin.get(created.location ?? "")).html);
    expect(listed).toContain("Der Fachbereich wurde angelegt.");
    expect(listed).toContain("Standesamt standesamt@usingen.example 06081 1024-160 0");
    expect(await auditOf(t, "department.created")).toMatchObject([{ target: "Standesamt" }]);

    const refused: [Record<string, string>, string, string][] = [
      [{ name: "STANDESAMT" }, "name", "Einen Fachbereich mit dieser Bezeichnung gibt es bereits"],
      [{ name: "bürgerbüro" }, "name", "Einen Fachbereich mit dieser Bezeichnung gibt es bereits"],
      [
        { name: "Friedhofsamt", email: "friedhof@" },
        "email",
        "Geben Sie eine E-Mail-Adresse im richtigen Format ein oder lassen Sie das Feld leer",
      ],
      [{ name: "" }, "name", "Geben Sie die Bezeichnung des Fachbereichs ein"],
      [
        { name: "Friedhofsamt", phone: "sechs" },
        "phone",
        "Geben Sie eine Telefonnummer aus Ziffern, Leerzeichen und + - / ( ) ein",
      ],
    ];
    const before = (await t.services.staff.departments.list(await usingenId(t))).length;
    for (const [fields, field, message] of refused) {
      const answer = await admin.post(path, { email: "", phone: "", ...fields });
      expect(answer.status, message).toBe(422);
      expect(textOf(answer.html)).toContain(message);
      expect(answer.html).toContain(`href="#field-${field}"`);
    }
    expect((await t.services.staff.departments.list(await usingenId(t))).length).toBe(before);
  });

  it("shows the audit log with the names of the people who signed in", async () => {
    const stranger = new FormClient(t.url);
    await stranger.get(staffPaths.login(base));
    await stranger.post(staffPaths.login(base), {
      email: "admin@usingen.example",
      password: "falsch geraten",
    });
    const page = await admin.get(staffPaths.audit(base));
    expect(page.status).toBe(200);
    const rows = [...page.html.matchAll(/<tr class="kern-table__row">([\s\S]*?)<\/tr>/g)].map((m) =>
      textOf(m[1] ?? ""),
    );
    expect(rows[0]).toBe("Zeitpunkt Wer Aktion Betreff IP-Adresse");
    expect(rows.some((r) => /Andrea Admin staff\.login_succeeded/.test(r))).toBe(true);
    expect(rows.some((r) => /Nina Neumann staff\.login_succeeded/.test(r))).toBe(true);
    expect(
      rows.some((r) => /nicht angemeldet staff\.login_failed admin@usingen\.example 127\.0\.0\.1/.test(r)),
    ).toBe(true);
    expect(rows.some((r) => /Andrea Admin staff\.invited otto\.ostermann@usingen\.example/.test(r))).toBe(
      true,
    );
    expect(page.html).not.toContain("falsch geraten");
  });

  it("explains the errors in English with ?lang=en", async () => {
    await admin.get(invite);
    const page = await admin.post(`${invite}?lang=en`, { displayName: "", email: "jemand@", roles: "" });
    await admin.get(`${staffPaths.home(base)}?lang=de`);
    expect(page.status).toBe(422);
    expect(page.html).toContain('<html lang="en"');
    expect(page.html).toMatch(/<title>Error: Invite someone/);
    const summary = /<div[^>]+error-summary[\s\S]*?<\/ul>/.exec(page.html)?.[0] ?? "";
    expect(textOf(summary)).toBe(
      "There is a problem Enter the name Enter an email address in the correct format, like name@usingen.de Select at least one role",
    );
  });
});
