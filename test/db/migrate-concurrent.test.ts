import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { migrations } from "../../migrations/index.ts";
import { emptyPgDatabase } from "../db.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

interface Exit {
  code: number | null;
  output: string;
}

function runMigrate(env: NodeJS.ProcessEnv): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/rathaus.js", "migrate"], { cwd: root, env });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output }));
  });
}

describe("two processes migrating one PostgreSQL database at once", () => {
  it.skipIf(inject("pgTemplate") === "")("apply each migration exactly once", async () => {
    const database = await emptyPgDatabase();
    const dataDir = await mkdtemp(join(tmpdir(), "rathaus-migrate-"));
    try {
      const env = {
        ...process.env,
        DATABASE_URL: database.url,
        NODE_ENV: "development",
        SEED_DEMO: "false",
        DATA_DIR: dataDir,
        LOG_LEVEL: "warn",
      };
      const results = await Promise.all([runMigrate(env), runMigrate(env), runMigrate(env)]);
      for (const result of results) expect(result.code, result.output).toBe(0);
      // Exactly one of them applied the migrations; the others found the database up to date.
      const applied = results.filter((r) => r.output.includes("Applied:"));
      const upToDate = results.filter((r) => r.output.includes("up to date"));
      expect(applied).toHaveLength(1);
      expect(upToDate).toHaveLength(results.length - 1);

      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ name: string; n: number }>(
          "select name, count(*)::int as n from kysely_migration group by name order by name",
        );
        expect(rows).toEqual(Object.keys(migrations).map((name) => ({ name, n: 1 })));
        const tables = await client.query(
          "select 1 from information_schema.tables where table_name = 'tenants'",
        );
        expect(tables.rowCount).toBe(1);
      } finally {
        await client.end();
      }
    } finally {
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
