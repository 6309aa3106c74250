import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * The real app on a free port, over a fresh database with the demo municipalities seeded. With
 * `linksReachable`, PUBLIC_URL is the app's own address, so links in its mails can be followed by clicking.
 */
export async function startTestApp(
  driver: Driver = "pglite",
  options: { env?: Record<string, string>; seed?: boolean; linksReachable?: boolean } = {},
): Promise<TestApp> {
  const database = await freshDatabase(driver);
  const port = options.linksReachable ? await freePort() : 0;
  const publicUrl: Record<string, string> = options.linksReachable
    ? { PUBLIC_URL: `http://127.0.0.1:${port}` }
    : {};
  // Uploads and receipts are files under DATA_DIR: each app gets a folder of its own, removed on close.
  const dataDir = options.env?.DATA_DIR ? undefined : await mkdtemp(join(tmpdir(), "rathaus-app-"));
  const config = testConfig({ ...publicUrl, ...(dataDir && { DATA_DIR: dataDir }), ...options.env });
  const services = createServices(database, config);
  if (options.seed !== false) await seedDemo(services);
  const app = await buildApp(config, database, services);
  await app.listen({ port, host: "127.0.0.1" });
  const { port: listening } = app.server.address() as AddressInfo;
  return {
    app,
    url: `http://127.0.0.1:${listening}`,
    services,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
