import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { sql } from "kysely";
import pg from "pg";
import { inject } from "vitest";
import { type DatabaseHandle, type Driver, openDatabase } from "#core/db/connect.ts";
import { pgAdminUrl, pgUrlFor } from "./pg-test-server.ts";

/** Drivers to run integration tests against: PGlite always, PostgreSQL when the server is reachable. */
export function testDrivers(): Driver[] {
  return inject("pgTemplate") ? ["pglite", "pg"] : ["pglite"];
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: pgAdminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * A fresh, migrated database of its own: a copy of the PGlite template in memory, or a new PostgreSQL
 * database made from the migrated template. `close()` removes it again.
 */
export async function freshDatabase(driver: Driver): Promise<DatabaseHandle> {
  if (driver === "pglite") {
    const template = await readFile(inject("pgliteTemplate"));
    return openDatabase({ driver: "pglite", loadDataDir: new Blob([template]) });
  }
  const name = `rathaus_t_${randomBytes(6).toString("hex")}`;
  await adminQuery(`create database ${name} template ${inject("pgTemplate")}`);
  const handle = await openDatabase({ driver: "pg", url: pgUrlFor(name), poolSize: 4 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

/** Drops a PostgreSQL test database on the server, ending every connection of its still-open pool. */
export async function dropUnderOpenConnections(handle: DatabaseHandle): Promise<void> {
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(handle.db);
  await adminQuery(`drop database ${rows[0]?.name} with (force)`);
}

/** Creates an empty PostgreSQL database (no migrations) for tests of migrating itself. */
export async function emptyPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `rathaus_e_${randomBytes(6).toString("hex")}`;
  await adminQuery(`create database ${name}`);
  return { url: pgUrlFor(name), drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
}
