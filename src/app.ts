import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import { type Config, usesHttps } from "./config.ts";
import type { DatabaseHandle } from "./core/db/connect.ts";
import { registerErrorHandling } from "./core/http/error-handler.ts";
import { languagePlugin } from "./core/http/language.ts";
import { operationsPlugin } from "./core/http/operations.ts";
import { requestIdFrom } from "./core/http/request-context.ts";
import { securityPlugin } from "./core/http/security.ts";
import { staticAssets } from "./core/http/static-assets.ts";
import {
  createTenantsService,
  installationChrome,
  rewriteForHostname,
  type TenantsService,
  tenantsRoutes,
} from "./modules/tenants/index.ts";

export interface Services {
  tenants: TenantsService;
}

/** The composition root: every service, built explicitly from the database. */
export function createServices(database: DatabaseHandle): Services {
  return { tenants: createTenantsService(database.db) };
}

export async function buildApp(
  config: Config,
  database: DatabaseHandle,
  services: Services,
): Promise<FastifyInstance> {
  const secureCookies = usesHttps(config);
  const app = Fastify({
    logger: { level: config.logLevel, redact: ["req.headers.cookie", "req.headers.authorization"] },
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    routerOptions: { maxParamLength: 200 },
    genReqId: (req) => requestIdFrom(req.headers["x-request-id"], randomUUID),
    rewriteUrl: (req) =>
      rewriteForHostname(req.url ?? "/", req.headers.host, services.tenants.slugForHostname),
  });
  app.decorateRequest("chrome", undefined);
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  await app.register(securityPlugin, { cookieSecret: config.sessionSecret, secureCookies });
  await app.register(languagePlugin, { secureCookies });
  await app.register(operationsPlugin, { database });
  await app.register(staticAssets);
  registerErrorHandling(app, (request) => installationChrome(request.lang));

  await app.register(tenantsRoutes, { tenants: services.tenants });
  return app;
}
