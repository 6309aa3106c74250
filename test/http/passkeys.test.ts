import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashSecret } from "#core/secrets.ts";
import { testDrivers } from "../db.ts";
import { createCitizen } from "../factories.ts";
import { textOf } from "../form-client.ts";
import { startTestApp, type TestApp } from "../server.ts";
import { JsonBrowser as Browser } from "./json-browser.ts";
import { SoftwareAuthenticator } from "./software-authenticator.ts";

/**
 * Passkeys over HTTP, as public/passkeys.js calls the server: JSON with the page's CSRF token in a header,
 * the challenge in a cookie. The device is a software authenticator that signs real responses.
 */

const password = "Fünf Füchse fahren Fahrrad";
const paths = {
  login: "/usingen/konto/anmelden",
  account: "/usingen/konto",
  manage: "/usingen/konto/passkeys",
  registrationOptions: "/usingen/konto/passkeys/optionen",
  register: "/usingen/konto/passkeys/hinzufuegen",
  remove: "/usingen/konto/passkeys/entfernen",
  signInOptions: "/usingen/konto/anmelden/passkey/optionen",
  signIn: "/usingen/konto/anmelden/passkey?weiter=/usingen/konto",
};

describe.each(testDrivers())("passkeys over HTTP on %s", (driver) => {
  let t: TestApp;
  let device: SoftwareAuthenticator;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(driver, { linksReachable: true, env: { TRUST_PROXY: "true" } });
    device = new SoftwareAuthenticator(t.url);
    for (const name of ["anna", "ben"]) ids[name] = await createCitizen(t, `${name}@example.de`, password);
  });
  afterAll(() => t?.close());

  const passkeyRows = (citizen: string) =>
    t.database.db
      .selectFrom("citizen_passkeys")
      .selectAll()
      .where("citizen_id", "=", ids[citizen] ?? "")
      .execute();
  const auditLog = async () => {
    const usingen = await t.services.tenants.bySlug("usingen");
    return t.services.audit.list(usingen?.id ?? "", { limit: 500 });
  };

  async function signedIn(citizen: string): Promise<Browser> {
    const browser = new Browser(t.url);
    await browser.get(paths.login);
    const page = await browser.form(`${paths.login}?weiter=/usingen/konto`, {
      email: `${citizen}@example.de`,
      password,
    });
    expect(page.location).toBe(paths.account);
    return browser;
  }

  async function addPasskey(browser: Browser, name: string) {
    await browser.get(paths.manage);
    const options = await browser.json(paths.registrationOptions, { name });
    expect(options.status).toBe(200);
    const response = device.register(options.body.options as PublicKeyCredentialCreationOptionsJSON);
    const challengeCookie = browser.jar.get("rathaus_passkey") ?? "";
    const added = await browser.json(paths.register, { name, response });
    return { options, response, added, challengeCookie };
  }

  async function passkeySignIn(browser: Browser, credential = device.credentials[0], lie = {}) {
    await browser.get(paths.login);
    const options = await browser.json(paths.signInOptions, {});
    expect(options.status).toBe(200);
    const challengeCookie = browser.jar.get("rathaus_passkey") ?? "";
    const response = device.signIn(
      options.body.options as PublicKeyCredentialRequestOptionsJSON,
      credential,
      lie,
    );
    const result = await browser.json(paths.signIn, { response });
    return { result, response, challengeCookie };
  }

  it("a signed-in citizen adds a passkey from the passkeys page linked on 'Mein Konto'", async () => {
    const browser = await signedIn("anna");
    const account = await browser.get(paths.account);
    expect(account.text).toMatch(
      /<a class="kern-link" href="\/usingen\/konto\/passkeys">Passkeys verwalten<\/a>/,
    );
    const empty = await browser.get(paths.manage);
    expect(empty.status).toBe(200);
    expect(textOf(empty.text)).toContain("Sie haben noch keinen Passkey eingerichtet.");
    expect(empty.text).toContain('<script type="module" src="/assets/passkeys.js"></script>');

    const { options, added } = await addPasskey(browser, "  Mein   Laptop ");
    const creation = options.body.options as PublicKeyCredentialCreationOptionsJSON;
    expect(creation.rp).toEqual({ id: "127.0.0.1", name: "Digitales Rathaus" });
    expect(creation.user.name).toBe("anna@example.de");
    expect(Buffer.from(creation.user.id, "base64url").toString()).toBe(ids.anna);
    expect(creation.authenticatorSelection).toMatchObject({
      residentKey: "required",
      userVerification: "required",
    });
    expect(options.type).toContain("application/json");
    expect(added.status).toBe(200);
    expect(added.body).toEqual({ redirect: "/usingen/konto/passkeys?hinweis=hinzugefuegt" });

    const rows = await passkeyRows("anna");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      name: "Mein Laptop",
      counter: 0,
      transports: ["internal"],
      last_used_at: null,
    });
    const page = textOf((await browser.get("/usingen/konto/passkeys?hinweis=hinzugefuegt")).text);
    expect(page).toContain("Der Passkey wurde hinzugefügt.");
    expect(page).toMatch(/Mein Laptop \d{2}\.\d{2}\.\d{4} \d{2}:\d{2} noch nie „Mein Laptop“ entfernen/);
    expect((await auditLog()).find((e) => e.action === "citizen.passkey_added")).toMatchObject({
      actor_id: ids.anna,
      details: { name: "Mein Laptop" },
    });
  });

  it("signs in with the passkey alone, skipping the code step of two-factor sign-in", async () => {
    const anna = ids.anna ?? "";
    const { secret } = await t.services.identity.totp.beginSetup(anna, "anna@example.de");
    expect(await t.services.identity.totp.confirmSetup(anna, await generate({ secret }))).toHaveLength(10);

    const browser = new Browser(t.url);
    const login = await browser.get(paths.login);
    expect(login.text).toMatch(/<div class="passkey-ceremony" hidden data-passkey="sign-in"/);
    expect(login.text).toContain(
      'data-verify-url="/usingen/konto/anmelden/passkey?weiter=%2Fusingen%2Fkonto"',
    );
    const { result } = await passkeySignIn(browser);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ redirect: "/usingen/konto" });
    expect(browser.jar.has("rathaus_sid")).toBe(true);
    expect((await browser.get(paths.account)).status).toBe(200);
    const session = await t.database.db
      .selectFrom("citizen_sessions")
      .select("auth_method")
      .where("citizen_id", "=", anna)
      .orderBy("created_at", "desc")
      .executeTakeFirstOrThrow();
    expect(session.auth_method).toBe("passkey");
    expect((await passkeyRows("anna"))[0]).toMatchObject({ counter: 1, last_used_at: expect.any(Date) });
    expect(textOf((await browser.get(paths.manage)).text)).not.toContain("noch nie");
    const succeeded = (await auditLog()).find((e) => e.action === "citizen.login_succeeded");
    expect(succeeded).toMatchObject({ actor_id: anna, details: { method: "passkey" } });
    await t.services.identity.totp.disable(anna);
  });

  it("refuses replayed responses, forged challenges and responses from another browser", async () => {
    const browser = await signedIn("anna");
    const first = await addPasskey(browser, "Telefon");
    expect(first.added.status).toBe(200);
    // The same registration again, with the same (signed) challenge cookie: the challenge is used up.
    browser.jar.set("rathaus_passkey", first.challengeCookie);
    const replayedRegistration = await browser.json(paths.register, {
      name: "Telefon",
      response: first.response,
    });
    expect(replayedRegistration.status).toBe(400);
    expect(replayedRegistration.type).toContain("application/problem+json");
    expect(replayedRegistration.body).toMatchObject({
      type: "/problems/passkey-challenge",
      detail: "Die Anfrage ist abgelaufen. Versuchen Sie es erneut.",
    });
    expect(await passkeyRows("anna")).toHaveLength(2);

    const thief = new Browser(t.url);
    const signIn = await passkeySignIn(thief);
    expect(signIn.result.status).toBe(200);
    const sessionsBefore = await t.database.db.selectFrom("citizen_sessions").select("id_hash").execute();
    const replayer = new Browser(t.url);
    await replayer.get(paths.login);
    replayer.jar.set("rathaus_passkey", signIn.challengeCookie);
    const replayed = await replayer.json(paths.signIn, { response: signIn.response });
    expect(replayed.body).toMatchObject({ status: 400, type: "/problems/passkey-challenge" });
    expect(replayer.jar.has("rathaus_sid")).toBe(false);

    // A response to a challenge this browser never got: from another browser, or made up.
    const other = new Browser(t.url);
    await other.get(paths.login);
    const theirs = await other.json(paths.signInOptions, {});
    const elsewhere = device.signIn(
      theirs.body.options as PublicKeyCredentialRequestOptionsJSON,
      device.credentials[0],
    );
    expect((await replayer.json(paths.signIn, { response: elsewhere })).body).toMatchObject({
      type: "/problems/passkey-challenge",
    });
    await replayer.json(paths.signInOptions, {});
    const forged = device.signIn(
      { challenge: "bWFkZS11cC1ieS10aGUtYXR0YWNrZXI", rpId: "127.0.0.1" },
      device.credentials[0],
    );
    expect((await replayer.json(paths.signIn, { response: forged })).body).toMatchObject({
      type: "/problems/passkey-verification",
      detail: "Der Passkey konnte nicht geprüft werden. Versuchen Sie es erneut.",
    });
    replayer.jar.set("rathaus_passkey", "forged-without-signature");
    expect((await replayer.json(paths.signIn, { response: forged })).body).toMatchObject({
      type: "/problems/passkey-challenge",
    });
    expect(await t.database.db.selectFrom("citizen_sessions").select("id_hash").execute()).toEqual(
      sessionsBefore,
    );
  });

  it("refuses an unknown credential, another citizen's credential, and another origin or RP ID", async () => {
    const ben = await signedIn("ben");
    expect((await addPasskey(ben, "Bens Schlüssel")).added.status).toBe(200);
    const bensKey = device.credentials.at(-1);
    const annasHandle = device.credentials[0]?.userHandle ?? "";

    const browser = new Browser(t.url);
    const swapped = await passkeySignIn(browser, bensKey, { userHandle: annasHandle });
    expect(swapped.result.status).toBe(400);
    expect(swapped.result.body).toMatchObject({
      type: "/problems/passkey-unknown-credential",
      detail: expect.stringContaining("Dieser Passkey wurde nicht erkannt."),
    });
    const stranger = new SoftwareAuthenticator(t.url);
    const made = stranger.register({
      ...((await ben.json(paths.registrationOptions, {})).body
        .options as PublicKeyCredentialCreationOptionsJSON),
    });
    expect(made.id).toBeTruthy();
    expect((await passkeySignIn(browser, stranger.credentials[0])).result.body).toMatchObject({
      type: "/problems/passkey-unknown-credential",
    });
    for (const lie of [
      { origin: "http://127.0.0.1.evil.example" },
      { rpId: "evil.example" },
      { userVerified: false },
    ]) {
      expect((await passkeySignIn(browser, bensKey, lie)).result.body).toMatchObject({
        type: "/problems/passkey-verification",
      });
    }
    expect(browser.jar.has("rathaus_sid")).toBe(false);

    const wrongOrigin = await ben.json(paths.registrationOptions, { name: "Fremd" });
    const response = device.register(wrongOrigin.body.options as PublicKeyCredentialCreationOptionsJSON, {
      origin: "http://evil.example",
    });
    expect((await ben.json(paths.register, { name: "Fremd", response })).body).toMatchObject({
      type: "/problems/passkey-verification",
    });
    expect((await passkeyRows("ben")).map((r) => r.name)).toEqual(["Bens Schlüssel"]);

    const failures = (await auditLog()).filter((e) => e.action === "citizen.login_failed");
    expect(failures.find((e) => e.target === ids.anna)).toMatchObject({
      actor_type: "anonymous",
      details: { method: "passkey", reason: "unknown-credential" },
    });
    // The stranger's key was made for Ben's account (his user handle), but the server never saw it.
    const bensFailures = failures.filter((e) => e.target === ids.ben).map((e) => e.details.reason);
    expect(bensFailures.sort()).toEqual([
      "unknown-credential",
      "verification",
      "verification",
      "verification",
    ]);
    expect((await auditLog()).find((e) => e.action === "citizen.passkey_add_failed")).toMatchObject({
      actor_id: ids.ben,
      details: { reason: "verification", detail: expect.stringContaining("origin") },
    });
  });

  it("refuses a counter that did not go up", async () => {
    const browser = new Browser(t.url);
    const bensKey = device.credentials.find(
      (c) => c.userHandle === Buffer.from(ids.ben ?? "").toString("base64url"),
    );
    expect((await passkeySignIn(browser, bensKey, { signCount: 7 })).result.status).toBe(200);
    const cloned = await passkeySignIn(new Browser(t.url), bensKey, { signCount: 7 });
    expect(cloned.result.body).toMatchObject({ type: "/problems/passkey-verification" });
    expect((await passkeyRows("ben"))[0]?.counter).toBe(7);
  });

  it("removes a passkey of one's own only, with the CSRF token", async () => {
    const anna = await signedIn("anna");
    const annas = await passkeyRows("anna");
    const bens = await passkeyRows("ben");
    await anna.get(paths.manage);
    const foreign = await anna.form(paths.remove, { credential: bens[0]?.credential_id ?? "" });
    expect(foreign.status).toBe(404);
    expect(await passkeyRows("ben")).toHaveLength(1);

    const noToken = await anna.send(paths.remove, {
      form: { credential: annas[0]?.credential_id ?? "", _csrf: "" },
    });
    expect(noToken.status).toBe(403);
    await anna.get(paths.manage);
    const removed = await anna.form(paths.remove, { credential: annas[0]?.credential_id ?? "" });
    expect(removed.status).toBe(303);
    expect(removed.location).toBe("/usingen/konto/passkeys?hinweis=entfernt");
    expect(textOf((await anna.get(removed.location ?? "")).text)).toContain("Der Passkey wurde entfernt.");
    expect(await passkeyRows("anna")).toHaveLength(annas.length - 1);
    expect((await auditLog()).find((e) => e.action === "citizen.passkey_removed")).toMatchObject({
      actor_id: ids.anna,
      details: { name: "Mein Laptop" },
    });
  });

  it("answers every wrong call with a problem, never a 500", async () => {
    const visitor = new Browser(t.url);
    await visitor.get(paths.login);
    const signedOut = await visitor.json(paths.registrationOptions, { name: "x" });
    expect(signedOut.status).toBe(401);
    expect(signedOut.body).toMatchObject({ type: "/problems/signed-out" });
    expect((await visitor.json(paths.signInOptions, {}, "not-the-token")).status).toBe(403);
    for (const body of [null, [], "text", { response: "x" }, { response: { id: "\u00e4", response: {} } }]) {
      const answer = await visitor.json(paths.signIn, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }

    const anna = await signedIn("anna");
    await anna.get(paths.manage);
    const long = await anna.json(paths.registrationOptions, { name: "x".repeat(61) });
    expect(long.status).toBe(422);
    expect(long.body).toMatchObject({
      type: "/problems/passkey-name-too-long",
      detail: "Der Name darf höchstens 60 Zeichen lang sein",
    });
    expect(anna.jar.has("rathaus_passkey")).toBe(false);
    expect((await anna.json(paths.register, { name: "y", response: { id: 1 } })).status).toBe(400);
  });

  it("counts failures with the password failures of the client address and makes it wait", async () => {
    const browser = new Browser(t.url);
    const ipKey = hashSecret(`throttle:ip:${browser.ip}`);
    const failures = async () =>
      (
        await t.database.db
          .selectFrom("auth_throttle")
          .select("failures")
          .where("key_hash", "=", ipKey)
          .executeTakeFirst()
      )?.failures ?? 0;
    expect(await failures()).toBe(0);
    await passkeySignIn(browser, device.credentials[0], { rpId: "evil.example" });
    expect(await failures()).toBe(1);
    while ((await failures()) <= 30) await t.services.identity.throttle.recordFailure([`ip:${browser.ip}`]);
    const { result } = await passkeySignIn(browser);
    expect(result.status).toBe(429);
    expect(result.body).toMatchObject({ type: "/problems/too-many-requests" });
    expect(String(result.body.detail)).toMatch(/^Zu viele Anmeldeversuche\. Bitte warten Sie 1 Minuten/);
    expect((await auditLog()).find((e) => e.details.reason === "throttled")).toMatchObject({
      action: "citizen.login_failed",
      details: { method: "passkey" },
    });
  });
});
