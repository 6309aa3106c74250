import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#core/db/connect.ts";
import { uuidv7 } from "#core/db/ids.ts";
import { tenantScope } from "#core/db/tenant-scope.ts";
import { inTransaction } from "#core/db/transaction.ts";
import { freshDatabase, testDrivers } from "../db.ts";

async function createTenant(database: DatabaseHandle, slug: string): Promise<string> {
  const id = uuidv7();
  await database.db
    .insertInto("tenants")
    .values({ id, slug, name: slug, official_name: `Stadt ${slug}` })
    .execute();
  return id;
}

function page(key: "impressum" | "datenschutz", title: string) {
  return { page_key: key, lang: "de" as const, title, body: `${title} body` };
}

describe.each(testDrivers())("tenantScope on %s", (driver) => {
  let database: DatabaseHandle;
  let a: string;
  let b: string;

  beforeAll(async () => {
    database = await freshDatabase(driver);
    a = await createTenant(database, "alpha");
    b = await createTenant(database, "beta");
  });
  afterAll(() => database?.close());

  beforeEach(async () => {
    await database.db.deleteFrom("tenant_pages").execute();
    await tenantScope(database.db, a)
      .insertInto("tenant_pages", [page("impressum", "A impressum"), page("datenschutz", "A datenschutz")])
      .execute();
    await tenantScope(database.db, b).insertInto("tenant_pages", page("impressum", "B impressum")).execute();
  });

  const allRows = () =>
    database.db
      .selectFrom("tenant_pages")
      .select(["tenant_id", "page_key", "title"])
      .orderBy("title")
      .execute();

  it("sets tenant_id on insert (single row and many rows)", async () => {
    expect(await allRows()).toEqual([
      { tenant_id: a, page_key: "datenschutz", title: "A datenschutz" },
      { tenant_id: a, page_key: "impressum", title: "A impressum" },
      { tenant_id: b, page_key: "impressum", title: "B impressum" },
    ]);
  });

  it("overrides a tenant_id smuggled into the values", async () => {
    const smuggled = { ...page("datenschutz", "smuggled"), tenant_id: a } as ReturnType<typeof page>;
    await tenantScope(database.db, b).insertInto("tenant_pages", smuggled).execute();
    const row = await database.db
      .selectFrom("tenant_pages")
      .select("tenant_id")
      .where("title", "=", "smuggled")
      .executeTakeFirstOrThrow();
    expect(row.tenant_id).toBe(b);
  });

  it("selects only the scope's rows", async () => {
    const ofA = await tenantScope(database.db, a)
      .selectFrom("tenant_pages")
      .select("title")
      .orderBy("title")
      .execute();
    expect(ofA.map((r) => r.title)).toEqual(["A datenschutz", "A impressum"]);
    const ofB = await tenantScope(database.db, b).selectFrom("tenant_pages").selectAll().execute();
    expect(ofB.map((r) => r.title)).toEqual(["B impressum"]);
    expect(ofB.every((r) => r.tenant_id === b)).toBe(true);
  });

  it("keeps the tenant filter when more conditions are added", async () => {
    const rows = await tenantScope(database.db, b)
      .selectFrom("tenant_pages")
      .select("title")
      .where("page_key", "=", "datenschutz")
      .execute();
    expect(rows).toEqual([]);
  });

  it("updates only the scope's rows", async () => {
    const result = await tenantScope(database.db, b)
      .updateTable("tenant_pages")
      .set({ body: "changed by B" })
      .executeTakeFirst();
    expect(result.numUpdatedRows).toBe(1n);
    const changed = (await database.db.selectFrom("tenant_pages").selectAll().execute()).filter(
      (r) => r.body === "changed by B",
    );
    expect(changed.map((r) => r.tenant_id)).toEqual([b]);
  });

  it("cannot update another tenant's row even when aiming at it", async () => {
    const result = await tenantScope(database.db, b)
      .updateTable("tenant_pages")
      .set({ title: "hijacked" })
      .where("title", "=", "A impressum")
      .executeTakeFirst();
    expect(result.numUpdatedRows).toBe(0n);
    expect((await allRows()).map((r) => r.title)).not.toContain("hijacked");
  });

  it("deletes only the scope's rows", async () => {
    const result = await tenantScope(database.db, a).deleteFrom("tenant_pages").executeTakeFirst();
    expect(result.numDeletedRows).toBe(2n);
    expect(await allRows()).toEqual([{ tenant_id: b, page_key: "impressum", title: "B impressum" }]);
  });

  it("cannot delete another tenant's row even when aiming at it", async () => {
    const result = await tenantScope(database.db, a)
      .deleteFrom("tenant_pages")
      .where("title", "=", "B impressum")
      .executeTakeFirst();
    expect(result.numDeletedRows).toBe(0n);
    expect(await allRows()).toHaveLength(3);
  });

  it("works inside a transaction", async () => {
    await inTransaction(database.db, async (tx) => {
      await tenantScope(tx, b).deleteFrom("tenant_pages").execute();
      await tenantScope(tx, b).insertInto("tenant_pages", page("datenschutz", "B datenschutz")).execute();
    });
    const ofB = await tenantScope(database.db, b).selectFrom("tenant_pages").select("title").execute();
    expect(ofB).toEqual([{ title: "B datenschutz" }]);
    expect(
      await tenantScope(database.db, a).selectFrom("tenant_pages").select("title").execute(),
    ).toHaveLength(2);
  });

  it("rolls back all writes of a failed transaction", async () => {
    await expect(
      inTransaction(database.db, async (tx) => {
        await tenantScope(tx, a).deleteFrom("tenant_pages").execute();
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await allRows()).toHaveLength(3);
  });
});

describe("tenantScope compiled SQL", () => {
  it("puts the tenant_id predicate into every scoped statement", async () => {
    const database = await freshDatabase("pglite");
    try {
      const scope = tenantScope(database.db, "t-1");
      const select = scope.selectFrom("tenant_pages").selectAll().where("lang", "=", "de").compile();
      expect(select.sql).toMatch(/where "tenant_pages"\."tenant_id" = \$1/);
      expect(select.parameters).toEqual(["t-1", "de"]);
      const update = scope.updateTable("tenant_pages").set({ title: "x" }).compile();
      expect(update.sql).toMatch(/where "tenant_pages"\."tenant_id" = \$\d/);
      expect(update.parameters).toContain("t-1");
      const del = scope.deleteFrom("tenant_pages").compile();
      expect(del.sql).toMatch(/where "tenant_pages"\."tenant_id" = \$1/);
      expect(del.parameters).toEqual(["t-1"]);
      const insert = scope.insertInto("tenant_pages", page("impressum", "x")).compile();
      expect(insert.sql).toContain('"tenant_id"');
      expect(insert.parameters).toContain("t-1");
    } finally {
      await database.close();
    }
  });
});
