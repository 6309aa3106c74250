import { buildApp, createServices } from "./app.ts";
import { type Config, loadConfig } from "./config.ts";
import { type DatabaseHandle, openDatabase, pgliteDataDir } from "./core/db/connect.ts";
import { migrateToLatest } from "./core/db/migrate.ts";
import { seedDemo } from "./seed/seed.ts";

export function databaseTarget(config: Config) {
  return config.databaseUrl
    ? ({ driver: "pg", url: config.databaseUrl, poolSize: config.databasePoolSize } as const)
    : ({ driver: "pglite", dataDir: pgliteDataDir(config.dataDir) } as const);
}

/** Start-up: config → database → migrate → seed (empty database, when enabled) → listen. */
export async function start(config: Config = loadConfig()): Promise<void> {
  const database: DatabaseHandle = await openDatabase(databaseTarget(config));
  await migrateToLatest(database.db);
  const services = createServices(database, config);
  // Loaded before listening: custom hostnames are resolved synchronously from this snapshot.
  const tenants = await services.tenants.refresh();
  if (config.seedDemo && tenants.tenants.length === 0) await seedDemo(services);
  const app = await buildApp(config, database, services);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down: finishing open requests");
    const forceExit = setTimeout(() => process.exit(1), 10_000).unref();
    try {
      await app.close(); // also waits for the job worker's running jobs
      await database.close();
      clearTimeout(forceExit);
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, "shutdown failed");
      process.exit(1);
    }
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { url: config.publicUrl, database: database.driver },
    `Digitales Rathaus läuft auf ${config.publicUrl} (${database.driver === "pglite" ? `PGlite in ${pgliteDataDir(config.dataDir)}` : "PostgreSQL"})`,
  );
}
