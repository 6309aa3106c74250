import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoMunicipalities } from "#seed/municipalities.ts";
import { testDrivers } from "../db.ts";
import { rawRequest } from "../raw-request.ts";
import { startTestApp, type TestApp } from "../server.ts";

const legalPages = ["impressum", "datenschutz", "barrierefreiheit"];
const usingenInput = demoMunicipalities.find((m) => m.slug === "usingen");
const ownHost = "rathaus.usingen.example";

function expectProblem(response: Response, body: Record<string, unknown>, status: number, instance: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(body).toMatchObject({ status, instance });
  for (const key of ["type", "title", "detail"]) expect(typeof body[key], key).toBe("string");
  expect(body.type).toMatch(/^\/problems\/[a-z0-9-]+$/);
}

describe.each(testDrivers())("tenant resolution on %s", (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(() => t?.close());

  const get = (path: string, init?: RequestInit) => fetch(`${t.url}${path}`, init);

  describe("by path", () => {
    it("lists both municipalities on / with links to their homes", async () => {
      const response = await get("/");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      const html = await response.text();
      expect(html).toContain("Stadt Usingen");
      expect(html).toContain("Stadt Neu-Anspach");
      expect(html).toContain('href="/usingen"');
      expect(html).toContain('href="/neu-anspach"');
    });

    it.each([
      ["/usingen", "Usingen", "Stadt Usingen"],
      ["/neu-anspach", "Neu-Anspach", "Stadt Neu-Anspach"],
    ])("serves %s with its name", async (path, name, officialName) => {
      const response = await get(path);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toMatch(new RegExp(`<h1[^>]*>Digitales Rathaus ${name}</h1>`));
      expect(html).toContain(officialName);
      expect(html).toContain(`href="${path}/branding.css"`);
      for (const page of legalPages) expect(html).toContain(`href="${path}/${page}"`);
    });

    it("does not mix up the municipalities", async () => {
      const html = await (await get("/neu-anspach")).text();
      expect(html).not.toContain("Stadt Usingen");
    });

    it("serves the home in English with ?lang=en", async () => {
      const html = await (await get("/usingen?lang=en")).text();
      expect(html).toContain("Digital Town Hall Usingen");
      expect(html).toContain('lang="en"');
    });

    it.each(["/usingen", "/neu-anspach"])("serves the legal pages of %s", async (base) => {
      for (const page of legalPages) {
        const response = await get(`${base}/${page}`);
        expect(response.status, `${base}/${page}`).toBe(200);
        expect(response.headers.get("content-type")).toMatch(/^text\/html/);
        const html = await response.text();
        expect(html).toContain("<h1");
        expect(html).toContain(base === "/usingen" ? "Usingen" : "Neu-Anspach");
      }
    });

    it("answers 404 for an unknown page of a known municipality", async () => {
      expect((await get("/usingen/gibt-es-nicht")).status).toBe(404);
      expect((await get("/usingen/impressum/mehr")).status).toBe(404);
    });

    it("serves branding.css and the coat of arms with their content types", async () => {
      const css = await get("/usingen/branding.css");
      expect(css.status).toBe(200);
      expect(css.headers.get("content-type")).toMatch(/^text\/css/);
      expect(await css.text()).toContain("--brand-colour: #1f4e8c");
      const svg = await get("/usingen/wappen.svg");
      expect(svg.status).toBe(200);
      expect(svg.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
      expect(svg.headers.get("content-security-policy")).toContain("sandbox");
      expect(await svg.text()).toMatch(/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/);
      const other = await (await get("/neu-anspach/branding.css")).text();
      expect(other).toContain("--brand-colour: #2f6b2f");
    });
  });

  describe("unknown municipality", () => {
    it("is a localized 404 page, German by default", async () => {
      const response = await get("/gibt-es-nicht");
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      const html = await response.text();
      expect(html).toContain('lang="de"');
      expect(html).toContain("Seite nicht gefunden");
      expect(html).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    });

    it("is English with Accept-Language: en", async () => {
      const response = await get("/gibt-es-nicht", { headers: { "accept-language": "en-GB,en;q=0.9" } });
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).toContain('lang="en"');
      expect(html).toContain("Page not found");
    });

    it("is English with ?lang=en", async () => {
      const response = await get("/gibt-es-nicht?lang=en");
      expect(response.status).toBe(404);
      expect(await response.text()).toContain("Page not found");
    });

    it("is 404 for its sub-pages and assets too", async () => {
      for (const path of [
        "/gibt-es-nicht/impressum",
        "/gibt-es-nicht/branding.css",
        "/gibt-es-nicht/wappen.svg",
      ]) {
        expect((await get(path)).status, path).toBe(404);
      }
    });
  });

  describe("JSON API", () => {
    it("lists the municipalities", async () => {
      const response = await get("/api/v1/tenants");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      const body = (await response.json()) as { items: { slug: string }[] };
      expect(body.items.map((i) => i.slug).sort()).toEqual(["neu-anspach", "usingen"]);
    });

    it("shows one municipality", async () => {
      const response = await get("/api/v1/tenants/usingen");
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        slug: "usingen",
        name: "Usingen",
        officialName: "Stadt Usingen",
        address: { street: "Wilhelmjstraße 1", postalCode: "61250", city: "Usingen" },
        links: { home: "/usingen", self: "/api/v1/tenants/usingen" },
      });
    });

    it("answers problem+json 404 for an unknown municipality", async () => {
      const response = await get("/api/v1/tenants/nope");
      const body = (await response.json()) as Record<string, unknown>;
      expectProblem(response, body, 404, "/api/v1/tenants/nope");
      expect(body.detail).toContain("nope");
    });

    it("answers problem+json 404 for an unknown API route, also in English mode", async () => {
      for (const path of ["/api/x", "/api/v1/nothing/here", "/api"]) {
        const response = await get(path, { headers: { "accept-language": "en" } });
        expectProblem(response, (await response.json()) as Record<string, unknown>, 404, path);
      }
    });
  });

  describe("by custom hostname", () => {
    beforeAll(async () => {
      if (!usingenInput) throw new Error("demo input for usingen missing");
      await t.services.tenants.save({ ...usingenInput, hostnames: [ownHost] });
    });

    const onHost = (path: string, host = ownHost, headers: Record<string, string> = {}) =>
      rawRequest(t.url, path, { headers: { host, ...headers } });

    it("serves the municipality's home at /", async () => {
      const response = await onHost("/");
      expect(response.status).toBe(200);
      expect(response.body).toMatch(/<h1[^>]*>Digitales Rathaus Usingen<\/h1>/);
      expect(response.body).not.toContain("Stadt Neu-Anspach");
      // Links are relative to the hostname, without the /usingen prefix.
      expect(response.body).toContain('href="/impressum"');
      expect(response.body).toContain('href="/branding.css"');
    });

    it("ignores case and port in the Host header", async () => {
      for (const host of ["RATHAUS.Usingen.Example", `${ownHost}:8443`, `${ownHost}.`]) {
        const response = await onHost("/", host);
        expect(response.status, host).toBe(200);
        expect(response.body).toContain("Digitales Rathaus Usingen");
      }
    });

    it("keeps the query string", async () => {
      const response = await onHost("/?lang=en");
      expect(response.status).toBe(200);
      expect(response.body).toContain("Digital Town Hall Usingen");
    });

    it("serves the legal pages and assets without prefix", async () => {
      for (const page of legalPages) expect((await onHost(`/${page}`)).status, page).toBe(200);
      const css = await onHost("/branding.css");
      expect(css.status).toBe(200);
      expect(css.headers["content-type"]).toMatch(/^text\/css/);
    });

    it("does not serve another municipality on that hostname", async () => {
      expect((await onHost("/neu-anspach")).status).toBe(404);
      expect((await onHost("/neu-anspach/impressum")).status).toBe(404);
    });

    it("keeps the installation paths working", async () => {
      const health = await onHost("/health");
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body)).toMatchObject({ status: "ok" });
      const api = await onHost("/api/v1/tenants/neu-anspach");
      expect(api.status).toBe(200);
      expect(JSON.parse(api.body)).toMatchObject({ slug: "neu-anspach" });
      expect((await onHost("/assets/app.css")).status).toBe(200);
    });

    it("leaves other hostnames on path routing", async () => {
      const landing = await onHost("/", "localhost");
      expect(landing.status).toBe(200);
      expect(landing.body).toContain("Stadt Neu-Anspach");
      expect((await onHost("/usingen", "rathaus.other.example")).status).toBe(200);
    });

    it("stops serving the hostname once it is removed", async () => {
      if (!usingenInput) throw new Error("demo input for usingen missing");
      await t.services.tenants.save({ ...usingenInput, hostnames: [] });
      const landing = await onHost("/");
      expect(landing.body).toContain("Stadt Neu-Anspach"); // the landing page again
      expect((await onHost("/impressum")).status).toBe(404);
    });
  });
});

describe("custom hostname behind a reverse proxy", () => {
  let behindProxy: TestApp;
  let direct: TestApp;
  beforeAll(async () => {
    behindProxy = await startTestApp("pglite", { env: { TRUST_PROXY: "true" } });
    direct = await startTestApp("pglite");
    if (!usingenInput) throw new Error("demo input for usingen missing");
    for (const app of [behindProxy, direct]) {
      await app.services.tenants.save({ ...usingenInput, hostnames: [ownHost] });
    }
  });
  afterAll(async () => {
    await behindProxy?.close();
    await direct?.close();
  });

  const viaProxy = (app: TestApp, path: string) =>
    rawRequest(app.url, path, { headers: { host: "app.internal:3000", "x-forwarded-host": ownHost } });

  it("routes by X-Forwarded-Host when the proxy is trusted", async () => {
    const home = await viaProxy(behindProxy, "/");
    expect(home.status).toBe(200);
    expect(home.body).toContain("Digitales Rathaus Usingen");
    expect(home.body).toContain('href="/impressum"');
    expect((await viaProxy(behindProxy, "/impressum")).status).toBe(200);
  });

  it("ignores X-Forwarded-Host from clients when no proxy is trusted", async () => {
    const landing = await viaProxy(direct, "/");
    expect(landing.status).toBe(200);
    expect(landing.body).toContain("Stadt Neu-Anspach");
  });

  it("rejects a malformed X-Forwarded-Host from the trusted proxy with 400", async () => {
    const response = await rawRequest(behindProxy.url, "/", {
      headers: { host: "app.internal", "x-forwarded-host": "bad host!!" },
    });
    expect(response.status).toBe(400);
  });
});
