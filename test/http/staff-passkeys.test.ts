import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers } from "../db.ts";
import { textOf } from "../form-client.ts";
import { startTestApp, type TestApp } from "../server.ts";
import { signInStaff } from "../staff.ts";
import { JsonBrowser as Browser } from "./json-browser.ts";
import { SoftwareAuthenticator, type SoftwareCredential } from "./software-authenticator.ts";

/**
 * Passkeys of staff over HTTP, as public/passkeys.js calls the server: added under "Mein Zugang" after the
 * mandatory password + TOTP sign-in, then signing in alone (both factors), only at the own municipality.
 */

const clerk = "sachbearbeitung@usingen.example";
const access = "/usingen/verwaltung/zugang";
const usingen = {
  login: "/usingen/verwaltung/anmelden",
  signInOptions: "/usingen/verwaltung/anmelden/passkey/optionen",
  signIn: "/usingen/verwaltung/anmelden/passkey?weiter=/usingen/verwaltung/zugang",
};

describe.each(testDrivers())("staff passkeys over HTTP on %s", (driver) => {
  let t: TestApp;
  let device: SoftwareAuthenticator;
  let tenantIds: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp(driver, { linksReachable: true, env: { TRUST_PROXY: "true" } });
    device = new SoftwareAuthenticator(t.url);
    const list = await t.services.tenants.list();
    tenantIds = Object.fromEntries(list.map((tenant) => [tenant.slug, tenant.id]));
  });
  afterAll(() => t?.close());

  const staffId = async (slug: string, email: string) =>
    (
      await t.database.db
        .selectFrom("staff_members")
        .select("id")
        .where("tenant_id", "=", tenantIds[slug] ?? "")
        .where("email", "=", email)
        .executeTakeFirstOrThrow()
    ).id;
  const passkeyRows = async (email: string) =>
    t.database.db
      .selectFrom("staff_passkeys")
      .selectAll()
      .where("tenant_id", "=", tenantIds.usingen ?? "")
      .where("staff_id", "=", await staffId("usingen", email))
      .execute();
  const auditLog = () => t.services.audit.list(tenantIds.usingen ?? "", { limit: 500 });

  /** A JSON-capable browser carrying the session of a password + TOTP sign-in. */
  async function signedIn(email: string): Promise<Browser> {
    const form = await signInStaff(t.url, "usingen", email);
    const browser = new Browser(t.url);
    browser.jar.set("rathaus_staff_sid", form.cookie("rathaus_staff_sid") ?? "");
    return browser;
  }

  async function addPasskey(browser: Browser, name: string) {
    await browser.get(access);
    const options = await browser.json(`${access}/passkeys/optionen`, { name });
    expect(options.status).toBe(200);
    const response = device.register(options.body.options as PublicKeyCredentialCreationOptionsJSON);
    const added = await browser.json(`${access}/passkeys/hinzufuegen`, { name, response });
    return { options, added };
  }

  async function passkeySignIn(slug: string, credential?: SoftwareCredential) {
    const browser = new Browser(t.url);
    await browser.get(`/${slug}/verwaltung/anmelden`);
    const options = await browser.json(`/${slug}/verwaltung/anmelden/passkey/optionen`, {});
    expect(options.status).toBe(200);
    const request = options.body.options as PublicKeyCredentialRequestOptionsJSON;
    const response = device.signIn(request, credential ?? device.credentials[0]);
    const result = await browser.json(`/${slug}/verwaltung/anmelden/passkey`, { response });
    return { browser, result };
  }

  it("a clerk adds a passkey under 'Mein Zugang' after signing in with password and code", async () => {
    const browser = await signedIn(clerk);
    const empty = await browser.get(access);
    expect(empty.status).toBe(200);
    expect(textOf(empty.text)).toContain("Sie haben noch keinen Passkey eingerichtet.");
    expect(empty.text).toContain('data-options-url="/usingen/verwaltung/zugang/passkeys/optionen"');

    const { options, added } = await addPasskey(browser, "Dienstlaptop");
    const creation = options.body.options as PublicKeyCredentialCreationOptionsJSON;
    expect(creation.user.name).toBe(clerk);
    expect(creation.user.displayName).toMatch(/\(Usingen\)$/);
    expect(Buffer.from(creation.user.id, "base64url").toString()).toBe(await staffId("usingen", clerk));
    expect(added.body).toEqual({ redirect: `${access}?hinweis=passkey-hinzugefuegt` });
    expect(await passkeyRows(clerk)).toMatchObject([{ name: "Dienstlaptop", counter: 0 }]);
    const page = textOf((await browser.get(`${access}?hinweis=passkey-hinzugefuegt`)).text);
    expect(page).toContain("Der Passkey wurde hinzugefügt.");
    expect(page).toMatch(/Dienstlaptop \d{2}\.\d{2}\.\d{4} \d{2}:\d{2} noch nie „Dienstlaptop“ entfernen/);
    expect((await auditLog()).find((e) => e.action === "staff.passkey_added")).toMatchObject({
      actor_type: "staff",
      actor_id: await staffId("usingen", clerk),
      details: { name: "Dienstlaptop" },
    });
  });

  it("signs in with the passkey alone and lands where the sign-in was asked for", async () => {
    const login = await new Browser(t.url).get(usingen.login);
    expect(login.text).toMatch(/<div class="passkey-ceremony" hidden data-passkey="sign-in"/);
    expect(login.text).toContain(
      'data-verify-url="/usingen/verwaltung/anmelden/passkey?weiter=%2Fusingen%2Fverwaltung"',
    );
    const browser = new Browser(t.url);
    await browser.get(usingen.login);
    const options = await browser.json(usingen.signInOptions, {});
    const response = device.signIn(
      options.body.options as PublicKeyCredentialRequestOptionsJSON,
      device.credentials[0],
    );
    const result = await browser.json(usingen.signIn, { response });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ redirect: access });
    expect(browser.jar.has("rathaus_staff_sid")).toBe(true);
    expect((await browser.get(access)).status).toBe(200);
    const session = await t.database.db
      .selectFrom("staff_sessions")
      .select("auth_method")
      .where("staff_id", "=", await staffId("usingen", clerk))
      .orderBy("created_at", "desc")
      .executeTakeFirstOrThrow();
    expect(session.auth_method).toBe("passkey");
    expect((await passkeyRows(clerk))[0]).toMatchObject({ counter: 1, last_used_at: expect.any(Date) });
    const succeeded = (await auditLog()).find((e) => e.action === "staff.login_succeeded");
    expect(succeeded).toMatchObject({ actor_type: "staff", details: { method: "passkey" } });
  });

  it("is not recognised at another municipality's back office nor at the citizens' sign-in", async () => {
    const elsewhere = await passkeySignIn("neu-anspach");
    expect(elsewhere.result.status).toBe(400);
    expect(elsewhere.result.body).toMatchObject({ type: "/problems/passkey-unknown-credential" });
    expect(elsewhere.browser.jar.has("rathaus_staff_sid")).toBe(false);

    const citizen = new Browser(t.url);
    await citizen.get("/usingen/konto/anmelden");
    const options = await citizen.json("/usingen/konto/anmelden/passkey/optionen", {});
    const response = device.signIn(
      options.body.options as PublicKeyCredentialRequestOptionsJSON,
      device.credentials[0],
    );
    const asCitizen = await citizen.json("/usingen/konto/anmelden/passkey", { response });
    expect(asCitizen.body).toMatchObject({ type: "/problems/passkey-unknown-credential" });
    expect(citizen.jar.has("rathaus_sid")).toBe(false);

    // A challenge handed out by one municipality's sign-in does not serve another's.
    const mixed = new Browser(t.url);
    await mixed.get("/neu-anspach/verwaltung/anmelden");
    const theirs = await mixed.json("/neu-anspach/verwaltung/anmelden/passkey/optionen", {});
    const signed = device.signIn(
      theirs.body.options as PublicKeyCredentialRequestOptionsJSON,
      device.credentials[0],
    );
    expect((await mixed.json(usingen.signIn, { response: signed })).body).toMatchObject({
      type: "/problems/passkey-challenge",
    });
  });

  it("a disabled account's passkey signs nobody in; an access reset deletes the passkeys", async () => {
    const admin = await signInStaff(t.url, "usingen", "admin@usingen.example");
    const id = await staffId("usingen", clerk);
    await admin.get(`/usingen/verwaltung/mitarbeitende/${id}`);
    expect((await admin.post(`/usingen/verwaltung/mitarbeitende/${id}/status`, {})).status).toBe(303);
    expect((await passkeySignIn("usingen")).result.body).toMatchObject({
      type: "/problems/passkey-unknown-credential",
    });
    const failed = (await auditLog()).find(
      (e) => e.action === "staff.login_failed" && e.details.reason === "inactive",
    );
    expect(failed).toMatchObject({ target: id, details: { method: "passkey" } });

    await admin.get(`/usingen/verwaltung/mitarbeitende/${id}`);
    expect(
      (await admin.post(`/usingen/verwaltung/mitarbeitende/${id}/status`, { action: "enable" })).status,
    ).toBe(303);
    await admin.get(`/usingen/verwaltung/mitarbeitende/${id}`);
    expect((await admin.post(`/usingen/verwaltung/mitarbeitende/${id}/zugang`, {})).status).toBe(303);
    expect(await passkeyRows(clerk)).toEqual([]);
  });

  it("removes only the member's own passkey", async () => {
    const lead = "fachbereichsleitung@usingen.example";
    const browser = await signedIn(lead);
    expect((await addPasskey(browser, "Sicherheitsschlüssel")).added.status).toBe(200);
    const [row] = await passkeyRows(lead);
    const other = await signedIn("sitzungsdienst@usingen.example");
    await other.get(access);
    const foreign = await other.form(`${access}/passkeys/entfernen`, {
      credential: row?.credential_id ?? "",
    });
    expect(foreign.status).toBe(404);

    await browser.get(access);
    const removed = await browser.form(`${access}/passkeys/entfernen`, {
      credential: row?.credential_id ?? "",
    });
    expect(removed.location).toBe(`${access}?hinweis=passkey-entfernt`);
    expect(await passkeyRows(lead)).toEqual([]);
    const leadsKey = device.credentials.at(-1);
    expect((await passkeySignIn("usingen", leadsKey)).result.body).toMatchObject({
      type: "/problems/passkey-unknown-credential",
    });
    expect((await auditLog()).find((e) => e.action === "staff.passkey_removed")).toMatchObject({
      details: { name: "Sicherheitsschlüssel" },
    });
  });
});
