import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConfigError, loadConfig } from "#src/config.ts";
import { type TestIdentity, testIdentities } from "#src/dev-idp/test-identities.ts";
import { testDrivers } from "../db.ts";
import { createCitizen } from "../factories.ts";
import { FormClient, textOf } from "../form-client.ts";
import { startTestApp, type TestApp } from "../server.ts";

/**
 * "Mit BundID anmelden" against the demo identity provider the app runs at /_dev/idp, over real HTTP: the
 * browser side with a cookie-keeping client, the server side (discovery, token, UserInfo) with openid-client.
 */

const [erika, jonas] = testIdentities as [TestIdentity, TestIdentity];
const password = "Elf Eulen essen Erdbeeren";
const callbackPath = "/usingen/konto/anmelden/oidc/rueckkehr";

/** From the sign-in page through the provider's page to the callback URL it sends the browser back to. */
async function throughProvider(t: TestApp, browser: FormClient, identity: TestIdentity): Promise<string> {
  const login = await browser.get("/usingen/konto/anmelden?weiter=/usingen/konto/profil");
  const start = /href="([^"]*\/konto\/anmelden\/oidc\?[^"]*)"/
    .exec(login.html)?.[1]
    ?.replaceAll("&amp;", "&");
  expect(start).toBe("/usingen/konto/anmelden/oidc?weiter=%2Fusingen%2Fkonto%2Fprofil");
  const toProvider = await browser.get(start ?? "");
  expect(toProvider.status).toBe(303);
  expect(toProvider.location).toMatch(new RegExp(`^${t.url}/_dev/idp/auth\\?`));
  const authorization = new URL(toProvider.location ?? "");
  expect(authorization.searchParams.get("code_challenge_method")).toBe("S256");
  const toInteraction = await browser.get(toProvider.location ?? "");
  expect(toInteraction.location).toMatch(/^\/_dev\/idp\/interaction\/[\w-]+$/);
  const interaction = toInteraction.location ?? "";
  const choose = await browser.get(interaction);
  expect(choose.status).toBe(200);
  const chosen = await browser.post(interaction, { identity: identity.sub, action: "login" });
  expect(chosen.status).toBe(303);
  const resumed = await browser.get(chosen.location ?? "");
  expect(resumed.location).toMatch(new RegExp(`^${t.url}${callbackPath}\\?code=`));
  return resumed.location ?? "";
}

const citizenByEmail = (t: TestApp, email: string) =>
  t.database.db.selectFrom("citizens").selectAll().where("email", "=", email).executeTakeFirst();

const auditActions = async (t: TestApp, action: string) =>
  t.database.db.selectFrom("audit_log").select("details").where("action", "=", action).execute();

describe.each(testDrivers())("sign-in through the demo identity provider on %s", (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver, { linksReachable: true });
  });
  afterAll(() => t?.close());

  it("names the provider on the sign-in page, in both languages", async () => {
    const browser = new FormClient(t.url);
    const host = new URL(t.url).host;
    const de = textOf((await browser.get("/usingen/konto/anmelden")).html);
    expect(de).toContain(`Anmeldung über: Demo-Identitätsanbieter – nur zum Testen (${host})`);
    expect(de).toContain("Mit BundID anmelden");
    const en = textOf((await browser.get("/usingen/konto/anmelden?lang=en")).html);
    expect(en).toContain(`Identity provider: Demo identity provider – for testing only (${host})`);
    expect(en).toContain("Sign in with BundID");
  });

  it("signs in with the Usingen test identity: account from the claims, trust level stored with the session", async () => {
    const browser = new FormClient(t.url);
    const callback = await throughProvider(t, browser, erika);
    const signedIn = await browser.get(callback);
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe("/usingen/konto/profil");
    expect(browser.cookie("rathaus_sid")).toBeDefined();
    expect(browser.cookie("rathaus_oidc")).toBeUndefined();

    const profile = await browser.get("/usingen/konto/profil");
    expect(profile.status).toBe(200);
    for (const value of [
      "Erika",
      "Mustermann",
      "12",
      "08",
      "1964",
      "Weilburger Straße 12",
      "61250",
      "Usingen",
    ]) {
      expect(profile.html).toContain(`value="${value}"`);
    }
    const text = textOf(profile.html);
    expect(text).toContain("Vertrauensniveau dieser Anmeldung: substantiell");
    expect(text).toContain("von Demo-Identitätsanbieter – nur zum Testen übernommen");

    const citizen = await citizenByEmail(t, erika.claims.email);
    expect(citizen).toMatchObject({ password_hash: null, birthdate: "1964-08-12", city: "Usingen" });
    expect(citizen?.email_verified_at).not.toBeNull();
    const logins = await t.database.db
      .selectFrom("citizen_oidc_logins")
      .innerJoin("citizen_sessions", (join) =>
        join
          .onRef("citizen_sessions.citizen_id", "=", "citizen_oidc_logins.citizen_id")
          .onRef("citizen_sessions.id_hash", "=", "citizen_oidc_logins.session_id_hash"),
      )
      .select(["trust_level", "acr", "auth_method"])
      .where("citizen_oidc_logins.citizen_id", "=", citizen?.id ?? "")
      .execute();
    expect(logins).toEqual([{ trust_level: "substantiell", acr: "STORK-QAA-Level-3", auth_method: "oidc" }]);
    expect(await auditActions(t, "citizen.login_succeeded")).toContainEqual({
      details: { method: "oidc", trustLevel: "substantiell", acr: "STORK-QAA-Level-3" },
    });
  });

  it("takes name and address from the provider at every sign-in and keeps the phone number", async () => {
    const browser = new FormClient(t.url);
    await browser.get(await throughProvider(t, browser, erika));
    await browser.get("/usingen/konto/profil");
    const saved = await browser.post("/usingen/konto/profil", {
      givenName: "Erika",
      familyName: "Mustermann",
      "birthdate-day": "1",
      "birthdate-month": "1",
      "birthdate-year": "1970",
      street: "Anderswo 1",
      postalCode: "61250",
      city: "Usingen",
      phone: "06081 123456",
    });
    expect(saved.status).toBe(303);
    expect(await citizenByEmail(t, erika.claims.email)).toMatchObject({ birthdate: "1970-01-01" });
    const again = new FormClient(t.url);
    await again.get(await throughProvider(t, again, erika));
    expect(await citizenByEmail(t, erika.claims.email)).toMatchObject({
      street: "Weilburger Straße 12",
      birthdate: "1964-08-12",
      phone: "06081 123456",
    });
  });

  it("refuses a callback this browser did not start (forged or missing state), without a session", async () => {
    const stranger = new FormClient(t.url);
    const forged = await stranger.get(`${callbackPath}?code=abc&state=forged`);
    expect(forged.status).toBe(400);
    expect(textOf(forged.html)).toContain("Diese Anmeldung wurde nicht in diesem Browser begonnen");
    expect(stranger.cookie("rathaus_sid")).toBeUndefined();

    // A real callback, opened in another browser (login CSRF), or with its state changed.
    const victim = new FormClient(t.url);
    const callback = await throughProvider(t, victim, erika);
    expect((await stranger.get(callback)).status).toBe(400);
    expect(stranger.cookie("rathaus_sid")).toBeUndefined();
    const tampered = new URL(callback);
    tampered.searchParams.set("state", "x".repeat(43));
    expect((await victim.get(tampered.pathname + tampered.search)).status).toBe(400);
    expect(victim.cookie("rathaus_sid")).toBeUndefined();
    expect(await auditActions(t, "citizen.login_failed")).toContainEqual({
      details: { method: "oidc", reason: "state" },
    });
  });

  it("rejects a replayed callback: the code is redeemed once", async () => {
    const browser = new FormClient(t.url);
    const callback = await throughProvider(t, browser, erika);
    const pending = browser.cookie("rathaus_oidc");
    expect((await browser.get(callback)).status).toBe(303);
    // The same browser again: its pending sign-in is used up.
    expect((await browser.get(callback)).status).toBe(400);
    // A copy of the cookie too: the provider refuses the used code.
    const replay = await fetch(callback, {
      headers: { cookie: `rathaus_oidc=${pending}` },
      redirect: "manual",
    });
    expect(replay.status).toBe(400);
    expect(textOf(await replay.text())).toContain("hat die Anmeldung nicht bestätigt");
    expect(replay.headers.getSetCookie().some((c) => c.startsWith("rathaus_sid="))).toBe(false);
  });

  it("links an existing account only when the provider confirms the address", async () => {
    await t.database.db.deleteFrom("citizens").where("email", "=", erika.claims.email).execute();
    const erikaId = await createCitizen(t, erika.claims.email, password);
    const browser = new FormClient(t.url);
    expect((await browser.get(await throughProvider(t, browser, erika))).status).toBe(303);
    const link = await t.database.db
      .selectFrom("citizen_identity_links")
      .select("citizen_id")
      .where("subject", "=", erika.sub)
      .executeTakeFirst();
    expect(link?.citizen_id).toBe(erikaId);
    expect((await citizenByEmail(t, erika.claims.email))?.password_hash).not.toBeNull();

    // Jonas's provider does not confirm his address: the account with it is not his to enter.
    await createCitizen(t, jonas.claims.email, password);
    const other = new FormClient(t.url);
    const refused = await other.get(await throughProvider(t, other, jonas));
    expect(refused.status).toBe(409);
    expect(textOf(refused.html)).toContain("Es gibt schon ein Konto mit dieser E-Mail-Adresse");
    expect(other.cookie("rathaus_sid")).toBeUndefined();
    const links = await t.database.db
      .selectFrom("citizen_identity_links")
      .select("citizen_id")
      .where("subject", "=", jonas.sub)
      .execute();
    expect(links).toEqual([]);

    // Without such an account he gets a new one, its address unconfirmed.
    await t.database.db.deleteFrom("citizens").where("email", "=", jonas.claims.email).execute();
    const fresh = new FormClient(t.url);
    expect((await fresh.get(await throughProvider(t, fresh, jonas))).status).toBe(303);
    expect(await citizenByEmail(t, jonas.claims.email)).toMatchObject({
      email_verified_at: null,
      password_hash: null,
      city: "Neu-Anspach",
    });
  });

  it("tells the citizen who cancels at the provider, and explains a page without a choice", async () => {
    const browser = new FormClient(t.url);
    await browser.get("/usingen/konto/anmelden");
    const toProvider = await browser.get("/usingen/konto/anmelden/oidc");
    const interaction = (await browser.get(toProvider.location ?? "")).location ?? "";
    await browser.get(interaction);
    const nothing = await browser.post(interaction, { action: "login" });
    expect(nothing.status).toBe(422);
    expect(textOf(nothing.html)).toContain("Wählen Sie eine Test-Identität aus");
    const cancelled = await browser.post(interaction, { action: "cancel" });
    const back = (await browser.get(cancelled.location ?? "")).location ?? "";
    expect(back).toContain("error=access_denied");
    const page = await browser.get(back);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain("Anmeldung abgebrochen");
    expect(browser.cookie("rathaus_sid")).toBeUndefined();
  });

  it("answers garbage and foreign redirect URIs with a page, never a 500", async () => {
    const browser = new FormClient(t.url);
    for (const query of [
      "",
      "?state=a&state=b",
      `?state=${"s".repeat(5000)}`,
      "?code[]=x&state[x]=y",
      "?error=x",
    ]) {
      expect((await browser.get(`${callbackPath}${query}`)).status, query).toBe(400);
    }
    const foreign = new URLSearchParams({
      client_id: "digitales-rathaus",
      redirect_uri: "https://evil.example/usingen/konto/anmelden/oidc/rueckkehr",
      response_type: "code",
      scope: "openid",
      code_challenge: "x".repeat(43),
      code_challenge_method: "S256",
    });
    const refused = await browser.get(`/_dev/idp/auth?${foreign}`);
    expect(refused.status).toBe(400);
    expect(textOf(refused.html)).toContain("Anmeldung beim Demo-Identitätsanbieter nicht möglich");
    expect((await browser.get("/_dev/idp/interaction/unknown")).status).toBe(400);
    // The token endpoint takes no CSRF token: the client authenticates itself (and is refused here).
    const redeem = async (secret: string) => {
      const response = await fetch(`${t.url}/_dev/idp/token`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          authorization: `Basic ${Buffer.from(`digitales-rathaus:${secret}`).toString("base64")}`,
        },
        body: `grant_type=authorization_code&code=forged&code_verifier=${"v".repeat(43)}`,
      });
      return { status: response.status, error: ((await response.json()) as { error: string }).error };
    };
    expect(await redeem("falsch")).toEqual({ status: 401, error: "invalid_client" });
    expect(await redeem(t.config.oidc?.clientSecret ?? "")).toEqual({ status: 400, error: "invalid_grant" });
  });
});

describe("sign-in through an identity provider, by configuration", () => {
  const production = {
    NODE_ENV: "production",
    DATABASE_URL: "postgres://db/rathaus",
    SESSION_SECRET: "p".repeat(32),
    SMTP_URL: "smtp://mail.example.de:587",
    LOG_LEVEL: "silent",
    PORT: "0",
  };

  it("uses the demo provider outside production and checks a configured one", () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env, { persistSecrets: false });
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(loadConfig({}, { persistSecrets: false }).oidc).toMatchObject({
      issuer: "http://localhost:3000/_dev/idp",
      embedded: true,
    });
    expect(loadConfig(production, { persistSecrets: false }).oidc).toBeUndefined();
    expect(problems({ ...production, OIDC_ISSUER: "http://id.example.de" })).toEqual([
      "OIDC_ISSUER must use https:// in production",
      "OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required with OIDC_ISSUER",
    ]);
    expect(problems({ OIDC_CLIENT_ID: "rathaus" })).toEqual([
      "OIDC_CLIENT_ID and OIDC_CLIENT_SECRET need OIDC_ISSUER",
    ]);
    expect(problems({ OIDC_BUTTON_LABEL: "<b>Los</b>" })).toHaveLength(1);
  });

  it("is off in production unless OIDC_ISSUER names one", async () => {
    const t = await startTestApp("pglite", { env: production });
    try {
      expect(t.config.oidc).toBeUndefined();
      const browser = new FormClient(t.url);
      expect(textOf((await browser.get("/usingen/konto/anmelden")).html)).not.toContain("Anmeldung über");
      expect((await browser.get("/usingen/konto/anmelden/oidc")).status).toBe(404);
      expect((await browser.get("/_dev/idp/.well-known/openid-configuration")).status).toBe(404);
    } finally {
      await t.close();
    }
  });

  it("names a configured provider and says when it cannot be reached", async () => {
    const env = {
      OIDC_ISSUER: "http://127.0.0.1:9/bundid",
      OIDC_CLIENT_ID: "rathaus",
      OIDC_CLIENT_SECRET: "geheim",
      OIDC_PROVIDER_NAME: "BundID (Testumgebung)",
      OIDC_BUTTON_LABEL: "Mit BundID weiter",
    };
    const t = await startTestApp("pglite", { env });
    try {
      const browser = new FormClient(t.url);
      const login = textOf((await browser.get("/usingen/konto/anmelden")).html);
      expect(login).toContain("Anmeldung über: BundID (Testumgebung) (127.0.0.1:9)");
      expect(login).toContain("Mit BundID weiter");
      const unavailable = await browser.get("/usingen/konto/anmelden/oidc");
      expect(unavailable.status).toBe(503);
      expect(textOf(unavailable.html)).toContain("BundID (Testumgebung) ist gerade nicht erreichbar");
      expect((await browser.get("/_dev/idp/.well-known/openid-configuration")).status).toBe(404);
    } finally {
      await t.close();
    }
  });
});
