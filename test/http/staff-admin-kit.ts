import { expect } from "vitest";
import { staffPaths } from "#modules/staff/index.ts";
import { FormClient, type Page } from "#test/form-client.ts";
import { waitForMail } from "#test/mailbox.ts";
import type { TestApp } from "#test/server.ts";
import { setupSecretOf, totpCode } from "#test/staff.ts";

/** What the staff administration tests share: Usingen's ids, the audit log, mailed links and forms. */

export const base = "/usingen";
export const invitationSubject = "Einladung in die Verwaltung von Usingen";
export const resetSubject = "Ihr Zugang zur Verwaltung von Usingen wurde zurückgesetzt";

export async function usingenId(t: TestApp): Promise<string> {
  const tenant = await t.services.tenants.bySlug("usingen");
  if (!tenant) throw new Error("Usingen is not seeded");
  return tenant.id;
}

export async function memberNamed(t: TestApp, email: string) {
  const members = await t.services.staff.staff.list(await usingenId(t));
  const member = members.find((m) => m.email === email);
  if (!member) throw new Error(`no staff account ${email}`);
  return member;
}

export const memberCount = async (t: TestApp) =>
  (await t.services.staff.staff.list(await usingenId(t))).length;

export async function departmentIdOf(t: TestApp, name: string): Promise<string> {
  const departments = await t.services.staff.departments.list(await usingenId(t));
  return departments.find((d) => d.name === name)?.id ?? "";
}

/** Usingen's audit entries with this action, oldest first. */
export async function auditOf(t: TestApp, action: string) {
  const rows = await t.services.audit.list(await usingenId(t), { limit: 500 });
  return rows.filter((row) => row.action === action).reverse();
}

/** Path and query of the set-up link in the newest mail to `to` with this subject. */
export async function mailedLink(t: TestApp, to: string, subject: string): Promise<string> {
  const mail = await waitForMail(t.database.db, to, subject);
  const url = /https?:\/\/\S+\/verwaltung\/einladung\?token=[\w.-]+/.exec(mail.text_body)?.[0];
  expect(url, mail.text_body).toBeDefined();
  const link = new URL(url ?? "");
  return `${link.pathname}${link.search}`;
}

export const tokenOf = (link: string) => new URL(link, "http://x").searchParams.get("token") ?? "";

/**
 * Posts a form whose fields may repeat (checkbox groups: `roles`, `departments`), as a browser does, with the
 * CSRF token of `formPage` and the cookies of `client`. FormClient.post sends each name once only.
 */
export async function postRepeated(
  client: FormClient,
  formPage: Page,
  path: string,
  fields: [string, string][],
): Promise<Page> {
  const csrf = (/name="_csrf" value="([^"]+)"/.exec(formPage.html)?.[1] ?? "").replaceAll("&amp;", "&");
  const cookie = ["__csrf", "rathaus_staff_sid", "lang"]
    .filter((name) => client.cookie(name) !== undefined)
    .map((name) => `${name}=${client.cookie(name)}`)
    .join("; ");
  const response = await fetch(new URL(path, client.baseUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams([["_csrf", csrf], ...fields]).toString(),
    redirect: "manual",
  });
  return {
    status: response.status,
    html: await response.text(),
    location: response.headers.get("location"),
    headers: response.headers,
  };
}

/**
 * Follows a mailed set-up link in a fresh browser: chooses the password, sets up the authenticator app from
 * the key on the page and lands signed in on the recovery codes. Returns the browser and the key.
 */
export async function acceptInvitation(t: TestApp, link: string, password: string) {
  const browser = new FormClient(t.url);
  expect((await browser.get(link)).status).toBe(200);
  const accepted = await browser.post(staffPaths.invitation(base), {
    token: tokenOf(link),
    password,
    confirm: password,
  });
  expect(accepted.status).toBe(303);
  expect(accepted.location).toBe(staffPaths.secondStep(base));
  const setup = await browser.get(accepted.location ?? "");
  const secret = setupSecretOf(setup.html);
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  const done = await browser.post(staffPaths.secondStep(base), { code: await totpCode(secret) });
  expect(done.status).toBe(200);
  expect([...done.html.matchAll(/<code>[A-Z2-7]{5}-[A-Z2-7]{5}<\/code>/g)]).toHaveLength(10);
  return { browser, secret, setupHtml: setup.html };
}
