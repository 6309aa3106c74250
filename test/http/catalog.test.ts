import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoCatalog } from "#seed/catalog.ts";
import { testDrivers } from "../db.ts";
import { createCitizen } from "../factories.ts";
import { textOf } from "../form-client.ts";
import { rawRequest } from "../raw-request.ts";
import { startTestApp, type TestApp } from "../server.ts";

const ownHost = "rathaus.usingen.example";

interface OpenApiOperation {
  security?: Record<string, string[]>[];
  parameters: { name?: string; $ref?: string }[];
  responses: Record<string, { content?: Record<string, unknown> }>;
}

async function problem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as { type: string; status: number };
  expect(body.status).toBe(status);
  return body;
}

describe.each(testDrivers())("service catalog over HTTP on %s", (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
    const usingen = await t.services.tenants.bySlug("usingen");
    if (!usingen) throw new Error("demo municipality missing");
    await t.services.catalog.save(usingen.id, {
      slug: "altstadtfest",
      name: "Standplatz auf dem Altstadtfest",
      summary: "Nur in Usingen.",
    });
  });
  afterAll(() => t?.close());

  const get = (path: string, init?: RequestInit) => fetch(`${t.url}${path}`, init);
  const html = async (path: string, init?: RequestInit) => {
    const response = await get(path, init);
    expect(response.status, path).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    return response.text();
  };

  it("seeds more than 30 services per municipality, the seven online ones with their form, idempotently", async () => {
    for (const slug of ["usingen", "neu-anspach"]) {
      const tenant = await t.services.tenants.bySlug(slug);
      if (!tenant) throw new Error("demo municipality missing");
      const before = await t.services.catalog.list(tenant.id);
      await seedDemoCatalog(t.services, tenant);
      const services = await t.services.catalog.list(tenant.id);
      expect(services.map((s) => s.slug)).toEqual(before.map((s) => s.slug));
      expect(services.length, slug).toBeGreaterThanOrEqual(30);
      expect(
        services
          .filter((s) => s.formKey === s.slug)
          .map((s) => s.slug)
          .sort(),
      ).toEqual([
        "bewohnerparkausweis",
        "gewerbeanmeldung",
        "hundesteuer-anmeldung",
        "maengelmelder",
        "meldebescheinigung",
        "sondernutzung-verkehrsflaechen",
        "sperrmuell-anmeldung",
      ]);
    }
  });

  it("makes the home the Digitales Rathaus: search, popular services, life situations, A–Z, contact", async () => {
    const page = await html("/usingen");
    expect(page).toMatch(/<h1[^>]*>Digitales Rathaus Usingen<\/h1>/);
    expect(page).toContain('action="/usingen/suche"');
    expect(page).toContain('href="/usingen/leistungen/personalausweis-beantragen"');
    expect(page).toContain('href="/usingen/lebenslagen/umzug"');
    expect(page).toContain('href="/usingen/leistungen"');
    expect(textOf(page)).toContain("Wilhelmjstraße 1");
    expect(textOf(page)).toContain("Öffnungszeiten");
  });

  it("shows a service with its start button, and how to apply in person where there is no form", async () => {
    const online = await html("/usingen/leistungen/hundesteuer-anmeldung");
    expect(online).toContain('href="/usingen/leistungen/hundesteuer-anmeldung/antrag"');
    expect(textOf(online)).toContain("Online beantragen");
    expect(textOf(online)).toContain("99 102 013 104 000");
    expect(textOf(online)).toContain("Hundesteuersatzung der Stadt Usingen");
    const inPerson = await html("/usingen/leistungen/personalausweis-beantragen");
    expect(inPerson).not.toContain("/antrag");
    expect(textOf(inPerson)).toContain("So beantragen Sie die Leistung");
    const english = await html("/usingen/leistungen/hundesteuer-anmeldung?lang=en");
    expect(textOf(english)).toContain("Apply online");
    expect(english, "untranslated texts are marked German").toContain('<ul class="kern-list" lang="de">');
  });

  it("answers unknown services, life situations and other municipalities' services with 404", async () => {
    expect((await get("/usingen/leistungen/altstadtfest")).status).toBe(200);
    expect((await get("/neu-anspach/leistungen/altstadtfest")).status).toBe(404);
    expect((await get("/usingen/leistungen/gibt-es-nicht")).status).toBe(404);
    expect((await get("/usingen/lebenslagen/gibt-es-nicht")).status).toBe(404);
    expect((await get("/gibt-es-nicht/leistungen")).status).toBe(404);
  });

  it("lists services from A to Z and by life situation", async () => {
    const az = await html("/usingen/leistungen");
    expect(az).toContain('href="#buchstabe-H"');
    expect(az.indexOf("Gewerbe anmelden")).toBeLessThan(az.indexOf("Hundesteuer – Anmeldung"));
    const moving = textOf(await html("/usingen/lebenslagen/umzug"));
    expect(moving).toContain("Wohnsitz anmelden");
    expect(moving).not.toContain("Reisepass beantragen");
    expect(textOf(await html("/usingen/lebenslagen"))).toContain("Hund und Haustier");
  });

  it("searches with a plain GET form: 'Hund' finds the dog tax, 'Hundestuer' finds it by similarity", async () => {
    const exact = textOf(await html("/usingen/suche?q=Hund"));
    expect(exact).toContain("Hundesteuer – Anmeldung eines Hundes");
    expect(exact).not.toContain("Keine genauen Treffer");
    const typo = textOf(await html("/usingen/suche?q=Hundestuer"));
    expect(typo).toContain("Keine genauen Treffer");
    expect(typo).toContain("Hundesteuer – Anmeldung eines Hundes");
    expect(textOf(await html("/usingen/suche?q=xyzzyqwrt"))).toContain("haben wir keine Leistung gefunden");
    expect(textOf(await html("/usingen/suche"))).toContain("Geben Sie einen Suchbegriff ein.");
    for (const q of ["%26%7C!%3A*()", "a&q=b", "%3Cscript%3E", "x".repeat(500)])
      await html(`/usingen/suche?q=${q}`);
    expect(await html("/usingen/suche?q=%3Cscript%3E")).toContain("„&lt;script>“");
  });

  describe("JSON API", () => {
    it("lists services in keyset pages and answers If-None-Match with 304", async () => {
      const first = await get("/api/v1/usingen/services?limit=10");
      const body = (await first.json()) as { items: { slug: string }[]; next: string };
      expect(body.items).toHaveLength(10);
      const second = (await (await get(body.next)).json()) as { items: { slug: string }[] };
      expect((second.items[0]?.slug ?? "") > (body.items.at(-1)?.slug ?? "")).toBe(true);
      const etag = first.headers.get("etag") ?? "";
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await get("/api/v1/usingen/services?limit=10", { headers: { "if-none-match": etag } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
    });

    it("serves one service with a changing ETag", async () => {
      const response = await get("/api/v1/usingen/services/hundesteuer-anmeldung");
      expect(response.status).toBe(200);
      const service = (await response.json()) as Record<string, unknown>;
      expect(service).toMatchObject({
        slug: "hundesteuer-anmeldung",
        leikaKey: "99102013104000",
        formKey: "hundesteuer-anmeldung",
        links: { apply: "/usingen/leistungen/hundesteuer-anmeldung/antrag" },
      });
      const etag = response.headers.get("etag") ?? "";
      const tenant = await t.services.tenants.bySlug("usingen");
      const current = await t.services.catalog.bySlug(tenant?.id ?? "", "hundesteuer-anmeldung");
      if (!current || !tenant) throw new Error("seeded service missing");
      await t.services.catalog.save(tenant.id, {
        slug: current.slug,
        name: current.name.de,
        formKey: current.formKey,
        leikaKey: current.leikaKey,
        popularity: current.popularity + 1,
      });
      const changed = await get("/api/v1/usingen/services/hundesteuer-anmeldung", {
        headers: { "if-none-match": etag },
      });
      expect(changed.status).toBe(200);
    });

    it("answers unknown things and bad parameters with problem+json", async () => {
      await problem(await get("/api/v1/neu-anspach/services/altstadtfest"), 404);
      await problem(await get("/api/v1/gibt-es-nicht/services"), 404);
      for (const limit of ["0", "101", "abc", "1e3"]) {
        await problem(await get(`/api/v1/usingen/services?limit=${limit}`), 400);
      }
    });

    it("describes itself in an OpenAPI 3.1 document whose references all resolve", async () => {
      const response = await get("/api/v1/openapi.json");
      expect(response.status).toBe(200);
      const raw = await response.text();
      const doc = JSON.parse(raw) as {
        openapi: string;
        paths: Record<string, Record<string, OpenApiOperation>>;
        components: { securitySchemes?: Record<string, unknown> };
      };
      expect(doc.openapi).toBe("3.1.0");
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          "/api/v1/{tenant}/services",
          "/api/v1/{tenant}/services/{service}",
          "/api/v1/{tenant}/treasury/bookings",
        ]),
      );
      // The treasury's bookings need its bearer token; every scheme an operation names is declared.
      const bookings = doc.paths["/api/v1/{tenant}/treasury/bookings"]?.get;
      expect(bookings?.security).toEqual([{ treasuryToken: [] }]);
      expect(doc.components.securitySchemes?.treasuryToken).toMatchObject({ type: "http", scheme: "bearer" });
      expect(bookings?.parameters.map((p) => p.name ?? p.$ref)).toEqual([
        "#/components/parameters/Tenant",
        "date",
      ]);
      expect(Object.keys(bookings?.responses ?? {})).toEqual(["200", "400", "401", "404"]);
      expect(Object.keys(bookings?.responses["401"]?.content ?? {})).toEqual(["application/problem+json"]);
      for (const operation of Object.values(doc.paths).flatMap((item) => Object.values(item)))
        for (const requirement of operation.security ?? [])
          for (const scheme of Object.keys(requirement))
            expect(doc.components.securitySchemes?.[scheme], scheme).toBeDefined();
      for (const [, ref] of raw.matchAll(/"\$ref":"#\/([^"]+)"/g)) {
        const target = (ref ?? "")
          .split("/")
          .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], doc);
        expect(target, ref).toBeDefined();
      }
    });
  });

  describe("rendered-page cache", () => {
    it("serves a page from the cache until a service of the municipality changes", async () => {
      const path = "/neu-anspach/leistungen/reisepass-beantragen";
      await get(path);
      const cached = await get(path);
      expect(cached.headers.get("x-page-cache")).toBe("hit");
      const tenant = await t.services.tenants.bySlug("neu-anspach");
      if (!tenant) throw new Error("demo municipality missing");
      await t.services.catalog.save(tenant.id, {
        slug: "reisepass-beantragen",
        name: "Reisepass beantragen (geändert)",
      });
      const fresh = await get(path);
      expect(fresh.headers.get("x-page-cache")).toBe("miss");
      expect(await fresh.text()).toContain("Reisepass beantragen (geändert)");
    });

    it("keeps languages, signed-in visitors and hostnames apart", async () => {
      await get("/usingen/leistungen");
      const english = await html("/usingen/leistungen?lang=en");
      expect(english).toContain("Services from A to Z");
      expect(await html("/usingen/leistungen")).toContain("Leistungen von A bis Z");

      const citizenId = await createCitizen(t, "leser@example.org", "Sehr-geheimes-Passwort-1");
      const session = await t.services.identity.sessions.start(citizenId, "password", {
        ip: "",
        userAgent: "",
      });
      const signedIn = await html("/usingen/leistungen", { headers: { cookie: `rathaus_sid=${session}` } });
      expect(signedIn).toContain(">Mein Konto<");
      expect(await html("/usingen/leistungen"), "the signed-in page is not served to others").toContain(
        ">Anmelden<",
      );

      await t.services.tenants.setHostnames("usingen", [ownHost]);
      const own = await rawRequest(t.url, "/leistungen", { headers: { host: ownHost } });
      expect(own.status).toBe(200);
      expect(own.body).toContain('href="/leistungen/hundesteuer-anmeldung"');
      expect(own.body).not.toContain('href="/usingen/leistungen/');
      await t.services.tenants.setHostnames("usingen", []);
    });
  });

  it("offers an embeddable HTML fragment with absolute links and CORS for the town's homepage", async () => {
    const response = await get("/usingen/einbettung/digitales-rathaus");
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const fragment = await response.text();
    expect(fragment).not.toContain("<html");
    expect(fragment).toContain(`action="${t.config.publicUrl}/usingen/suche"`);
    expect(fragment).toContain(`href="${t.config.publicUrl}/usingen/leistungen/personalausweis-beantragen"`);
    expect((await get("/gibt-es-nicht/einbettung/digitales-rathaus")).status).toBe(404);
  });
});
