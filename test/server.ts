import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import type { DatabaseHandle, Driver } from "#core/db/connect.ts";
import { seedDemo } from "#seed/seed.ts";
import { buildApp, createServices, type Services } from "#src/app.ts";
import { type Config, loadConfig } from "#src/config.ts";
import { freshDatabase } from "./db.ts";

export interface TestApp {
  app: FastifyInstance;
  url: string;
  services: Services;
  database: DatabaseHandle;
  config: Config;
  close(): Promise<void>;
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig(
    { NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", DATA_DIR: "/nonexistent", ...env },
    { persistSecrets: false },
  );
}

/** The real app on a free port, over a fresh database with the demo municipalities seeded. */
export async function startTestApp(
  driver: Driver = "pglite",
  options: { env?: Record<string, string>; seed?: boolean } = {},
): Promise<TestApp> {
  const database = await freshDatabase(driver);
  const config = testConfig(options.env);
  const services = createServices(database, config);
  if (options.seed !== false) await seedDemo(services);
  const app = await buildApp(config, database, services);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    services,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
