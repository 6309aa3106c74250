import type { FastifyInstance } from "fastify";
import type { Db } from "#core/db/transaction.ts";
import { registerTenantScoped, type TenantsService } from "#modules/tenants/index.ts";
import { catalogApiRoutes } from "./catalog.api.ts";
import { catalogEmbedRoutes } from "./catalog.embed.tsx";
import { createPageCache } from "./catalog.page-cache.ts";
import { catalogRoutes } from "./catalog.routes.tsx";
import { type CatalogServiceApi, createCatalogService } from "./catalog.service.ts";

export { type CatalogService, type PaymentPolicy, pick, type Translated } from "./catalog.model.ts";
export { catalogOpenApi } from "./catalog.openapi.ts";
export { applicationStartPath, catalogPaths } from "./catalog.paths.ts";
export type { CatalogServiceApi, SearchResult } from "./catalog.service.ts";
export type { ServiceInput } from "./catalog.validation.ts";
export { isLeikaKey, normalizeLeikaKey, parseLeikaKey } from "./leika.ts";

/** The catalog service with its rendered-page cache. */
export function createCatalogServices(db: Db, options: { maxCachedPagesPerTenant?: number } = {}) {
  return createCatalogService(db, createPageCache({ maxEntriesPerTenant: options.maxCachedPagesPerTenant }));
}

/**
 * The municipality's home (/{slug}) and catalog pages, the embeddable box, and the JSON API under
 * /api/v1/{slug}/services.
 */
export async function registerCatalog(
  app: FastifyInstance,
  opts: { catalog: CatalogServiceApi; tenants: TenantsService; publicUrl: string },
): Promise<void> {
  await registerTenantScoped(app, opts.tenants, async (scoped) => {
    await scoped.register(catalogRoutes, { catalog: opts.catalog });
    await scoped.register(catalogEmbedRoutes, { catalog: opts.catalog, publicUrl: opts.publicUrl });
  });
  await registerTenantScoped(app, opts.tenants, (api) => catalogApiRoutes(api, { catalog: opts.catalog }), {
    under: "/api/v1",
  });
}
