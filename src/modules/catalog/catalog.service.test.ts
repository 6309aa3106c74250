import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#core/db/connect.ts";
import type { AppError } from "#core/http/errors.ts";
import { createTenantsService, type Tenant } from "#modules/tenants/index.ts";
import { freshDatabase, testDrivers } from "#test/db.ts";
import { createPageCache } from "./catalog.page-cache.ts";
import { type CatalogServiceApi, createCatalogService } from "./catalog.service.ts";
import type { ServiceInput } from "./catalog.validation.ts";

const dogTax: ServiceInput = {
  slug: "hundesteuer-anmeldung",
  leikaKey: "99 102 013 104 000",
  name: "Hundesteuer – Anmeldung eines Hundes",
  summary: "Melden Sie Ihren Hund an.",
  lifeSituations: ["hund-haustier"],
  categories: ["steuern-abgaben"],
  formKey: "hundesteuer-anmeldung",
  popularity: 90,
};
const passport: ServiceInput = {
  slug: "reisepass-beantragen",
  name: "Reisepass beantragen",
  nameEn: "Applying for a passport",
  summary: "Für Reisen ins Ausland.",
  lifeSituations: ["ausweise-reisen"],
  popularity: 50,
};
const bulkyWaste: ServiceInput = {
  slug: "sperrmuell",
  name: "Sperrmüll – Abholung anmelden",
  keywords: "Möbel Sofa",
};

function fieldsOf(run: () => unknown): Promise<string[]> {
  return Promise.resolve()
    .then(run)
    .then(
      () => [],
      (error: AppError) => error.fields.map((f) => f.field),
    );
}

describe.each(testDrivers())("catalog service on %s", (driver) => {
  let database: DatabaseHandle;
  let catalog: CatalogServiceApi;
  let usingen: Tenant;
  let anspach: Tenant;

  beforeAll(async () => {
    database = await freshDatabase(driver);
    const tenants = createTenantsService(database.db);
    usingen = await tenants.save({ slug: "usingen", name: "Usingen", officialName: "Stadt Usingen" });
    anspach = await tenants.save({
      slug: "neu-anspach",
      name: "Neu-Anspach",
      officialName: "Stadt Neu-Anspach",
    });
    catalog = createCatalogService(database.db, createPageCache());
    for (const input of [dogTax, passport, bulkyWaste]) await catalog.save(usingen.id, input);
    await catalog.save(anspach.id, { ...passport, popularity: 0 });
  });
  afterAll(() => database?.close());

  it("stores a service with its LeiKa key normalised and reads it back by slug", async () => {
    const service = await catalog.bySlug(usingen.id, "hundesteuer-anmeldung");
    expect(service).toMatchObject({
      leikaKey: "99102013104000",
      name: { de: dogTax.name, en: "" },
      lifeSituations: ["hund-haustier"],
      formKey: "hundesteuer-anmeldung",
      office: { name: "", phone: "", email: "", address: "" },
    });
  });

  it("updates by slug instead of duplicating (the seed runs again and again)", async () => {
    await catalog.save(usingen.id, { ...bulkyWaste, summary: "Zweimal im Jahr kostenlos." });
    const all = await catalog.list(usingen.id);
    expect(all.filter((s) => s.slug === "sperrmuell")).toHaveLength(1);
    expect((await catalog.bySlug(usingen.id, "sperrmuell"))?.summary.de).toBe("Zweimal im Jahr kostenlos.");
  });

  it("keeps municipalities apart", async () => {
    expect(await catalog.bySlug(anspach.id, "hundesteuer-anmeldung")).toBeUndefined();
    expect((await catalog.list(anspach.id)).map((s) => s.slug)).toEqual(["reisepass-beantragen"]);
    expect((await catalog.search(anspach.id, "Hund")).services).toEqual([]);
  });

  it("refuses invalid input with a message per field, and writes nothing", async () => {
    const fields = await fieldsOf(() =>
      catalog.save(usingen.id, {
        slug: "Nicht gültig",
        leikaKey: "99102",
        name: " ",
        lifeSituations: ["gibt-es-nicht"],
        categories: ["auch-nicht"],
        legalBases: [{ title: "Satzung", url: "javascript:alert(1)" }],
        formKey: "Form Key",
        popularity: -1,
      }),
    );
    expect(fields.sort()).toEqual(
      [
        "categories",
        "formKey",
        "legalBases",
        "leikaKey",
        "lifeSituations",
        "name",
        "popularity",
        "slug",
      ].sort(),
    );
    expect(await catalog.list(usingen.id)).toHaveLength(3);
  });

  it("lists popular services first and by life situation", async () => {
    expect((await catalog.popular(usingen.id)).map((s) => s.slug)).toEqual([
      "hundesteuer-anmeldung",
      "reisepass-beantragen",
    ]);
    expect((await catalog.byLifeSituation(usingen.id, "ausweise-reisen")).map((s) => s.slug)).toEqual([
      "reisepass-beantragen",
    ]);
  });

  it("pages by slug (keyset)", async () => {
    const first = await catalog.page(usingen.id, undefined, 2);
    const second = await catalog.page(usingen.id, first.at(-1)?.slug, 2);
    expect([...first, ...second].map((s) => s.slug)).toEqual([
      "hundesteuer-anmeldung",
      "reisepass-beantragen",
      "sperrmuell",
    ]);
  });

  it("finds 'Hund' in the compound 'Hundesteuer' and English names", async () => {
    const result = await catalog.search(usingen.id, "Hund");
    expect(result.fuzzy).toBe(false);
    expect(result.services.map((s) => s.slug)).toEqual(["hundesteuer-anmeldung"]);
    expect((await catalog.search(usingen.id, "passport")).services.map((s) => s.slug)).toEqual([
      "reisepass-beantragen",
    ]);
    expect((await catalog.search(usingen.id, "sofa")).services.map((s) => s.slug)).toEqual(["sperrmuell"]);
  });

  it("finds a misspelt 'Hundestuer' by similarity (pg_trgm)", async () => {
    const result = await catalog.search(usingen.id, "Hundestuer");
    expect(result.fuzzy).toBe(true);
    expect(result.services[0]?.slug).toBe("hundesteuer-anmeldung");
  });

  it("answers any text without an error, tsquery syntax included", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.constantFrom("&|!:*()'\\", "a & b", ":*", "<->")),
        async (text) => {
          const result = await catalog.search(usingen.id, text.replaceAll("\u0000", ""));
          expect(Array.isArray(result.services)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("drops the municipality's rendered pages when a service is saved", async () => {
    const tenantObject = {};
    catalog.pages.set(tenantObject, usingen.id, "/usingen", "<html>alt</html>");
    catalog.pages.set(tenantObject, anspach.id, "/neu-anspach", "<html>bleibt</html>");
    await catalog.save(usingen.id, { ...passport, popularity: 51 });
    expect(catalog.pages.get(tenantObject, usingen.id, "/usingen")).toBeUndefined();
    expect(catalog.pages.get(tenantObject, anspach.id, "/neu-anspach")).toBe("<html>bleibt</html>");
  });
});
