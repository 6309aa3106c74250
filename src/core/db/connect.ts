import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { Kysely, PostgresDialect, sql } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock.ts";
import type { Database } from "./database.ts";
import { typeParsers } from "./type-parsers.ts";

export type Driver = "pglite" | "pg";

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  driver: Driver;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  poolStats(): PoolStats;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { driver: "pg"; url: string; poolSize?: number }
  /** `dataDir` is a folder on disk, or `undefined` for a database in memory. */
  | { driver: "pglite"; dataDir?: string; loadDataDir?: Blob };

export function pgliteDataDir(dataDir: string): string {
  return join(dataDir, "db");
}

const pgTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    const parse = typeParsers[oid];
    // biome-ignore lint/suspicious/noExplicitAny: pg's overloads are not expressible here
    return parse ?? (pg.types.getTypeParser as any)(oid, format);
  },
};

export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const parsers = Object.fromEntries(Object.entries(typeParsers).map(([oid, parse]) => [Number(oid), parse]));
  const pglite = new PGlite({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    parsers,
    // Contrib extensions the catalog search uses when present (migration 20261127T0009_catalog creates them).
    extensions: { pg_trgm, btree_gin },
    // Keeps idle memory near 200 MB instead of 320 MB; written into the data dir's postgresql.conf.
    postgresqlconf: ["shared_buffers = 16MB"],
  });
  await pglite.waitReady;
  return pglite;
}

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.driver === "pg") {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10, types: pgTypes });
    pool.on("error", () => {}); // idle client errors surface on the next query instead of crashing the process
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      driver: "pg",
      ping: async () => void (await sql`select 1`.execute(db)),
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      close: () => db.destroy(),
    };
  }
  const release = target.dataDir ? lockDataDir(target.dataDir) : () => {};
  try {
    const handle = databaseOnPglite(await openPglite(target.dataDir, target.loadDataDir));
    return { ...handle, close: () => handle.close().finally(release) };
  } catch (error) {
    release();
    throw error;
  }
}

export function databaseOnPglite(pglite: PGlite): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    driver: "pglite",
    ping: async () => void (await sql`select 1`.execute(db)),
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
