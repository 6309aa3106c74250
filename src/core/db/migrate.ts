import type { Kysely, MigrationResultSet } from "kysely";
import { Migrator } from "kysely";
import { migrations } from "../../../migrations/index.ts";

// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema
export function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

/**
 * Applies all pending migrations. Kysely's PostgreSQL adapter holds a session-level advisory lock
 * (pg_advisory_lock) while it migrates, so instances starting at once against the same database wait for
 * each other and each migration runs exactly once (proven by test/db/migrate-concurrent.test.ts).
 */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results }: MigrationResultSet = await createMigrator(db).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
