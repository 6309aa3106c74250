import { readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, type Driver, openDatabase } from "#core/db/connect.ts";
import { createMigrator, migrateToLatest } from "#core/db/migrate.ts";
import { migrations } from "../../migrations/index.ts";
import { emptyPgDatabase, testDrivers } from "../db.ts";

const migrationsDir = fileURLToPath(new URL("../../migrations/", import.meta.url));

/** An unmigrated database: PGlite in memory, or a new empty PostgreSQL database. */
async function emptyDatabase(driver: Driver): Promise<DatabaseHandle> {
  if (driver === "pglite") return openDatabase({ driver: "pglite" });
  const empty = await emptyPgDatabase();
  const handle = await openDatabase({ driver: "pg", url: empty.url, poolSize: 2 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await empty.drop();
    },
  };
}

async function publicTables(database: DatabaseHandle): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
    order by table_name`.execute(database.db);
  return rows.map((r) => r.table_name);
}

describe("migrations/index.ts", () => {
  it("lists exactly the migration files of the folder, in name order", async () => {
    const files = (await readdir(migrationsDir))
      .filter((f) => f.endsWith(".ts") && f !== "index.ts")
      .map((f) => f.slice(0, -".ts".length))
      .sort();
    expect(files.length).toBeGreaterThan(0);
    expect(Object.keys(migrations)).toEqual(files);
  });

  it("holds no other files than migrations and the index", async () => {
    const others = (await readdir(migrationsDir)).filter((f) => !f.endsWith(".ts"));
    expect(others).toEqual([]);
  });

  it("names every migration with a sortable timestamp and gives each an up()", () => {
    for (const [name, migration] of Object.entries(migrations)) {
      expect(name).toMatch(/^\d{8}T\d{4}_[a-z0-9_]+$/);
      expect(typeof migration.up).toBe("function");
    }
  });
});

describe.each(testDrivers())("migrating an empty database on %s", (driver) => {
  let database: DatabaseHandle;
  let firstRun: string[];

  beforeAll(async () => {
    database = await emptyDatabase(driver);
    expect(await publicTables(database)).toEqual([]);
    firstRun = await migrateToLatest(database.db);
  });
  afterAll(() => database?.close());

  it("applies every migration in order", () => {
    expect(firstRun).toEqual(Object.keys(migrations));
  });

  it("creates the tables", async () => {
    const tables = await publicTables(database);
    for (const table of ["tenants", "tenant_hostnames", "tenant_pages", "kysely_migration"]) {
      expect(tables).toContain(table);
    }
  });

  it("records each migration once", async () => {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
      database.db,
    );
    expect(rows.map((r) => r.name)).toEqual(Object.keys(migrations));
  });

  it("applies nothing when migrating again", async () => {
    expect(await migrateToLatest(database.db)).toEqual([]);
    const pending = (await createMigrator(database.db).getMigrations()).filter((m) => !m.executedAt);
    expect(pending).toEqual([]);
  });

  it("leaves a working schema (tenant_pages keyed by tenant_id first)", async () => {
    const { rows } = await sql<{ column_name: string }>`
      select a.attname as column_name
      from pg_index i
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
      where i.indrelid = 'tenant_pages'::regclass and i.indisprimary`.execute(database.db);
    expect(rows.map((r) => r.column_name)).toEqual(["tenant_id"]);
  });
});
