import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { databaseOnPglite, openDatabase, openPglite } from "#core/db/connect.ts";
import { migrateToLatest } from "#core/db/migrate.ts";
import { isPgReachable, pgAdminUrl, pgUrlFor } from "./pg-test-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** File holding a migrated PGlite data dir (tar.gz); each test database starts as a copy of it. */
    pgliteTemplate: string;
    /** Name of a migrated PostgreSQL template database, or "" when no server is reachable. */
    pgTemplate: string;
  }
}

/** Migrates once per run, so a test file gets a ready database by copying instead of initdb + migrate. */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), "rathaus-test-"));
  const pglite = await openPglite();
  const handle = databaseOnPglite(pglite);
  await migrateToLatest(handle.db);
  const template = join(dir, "pglite-template.tar.gz");
  await writeFile(template, Buffer.from(await (await pglite.dumpDataDir("gzip")).arrayBuffer()));
  await handle.close();
  project.provide("pgliteTemplate", template);

  let pgTemplate = "";
  if (await isPgReachable()) {
    pgTemplate = `rathaus_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: pgAdminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${pgTemplate}`);
    await admin.query(`create database ${pgTemplate}`);
    await admin.end();
    const tpl = await openDatabase({ driver: "pg", url: pgUrlFor(pgTemplate), poolSize: 1 });
    await migrateToLatest(tpl.db);
    await tpl.close();
  }
  project.provide("pgTemplate", pgTemplate);

  return async () => {
    await rm(dir, { recursive: true, force: true });
    if (pgTemplate) {
      const admin = new pg.Client({ connectionString: pgAdminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${pgTemplate} with (force)`);
      await admin.end();
    }
  };
}
