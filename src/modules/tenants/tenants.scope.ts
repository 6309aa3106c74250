import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from "fastify";
import { NotFound } from "#core/http/errors.ts";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { tenantChrome } from "./tenants.chrome.ts";
import { hostnameFromHeader } from "./tenants.hostnames.ts";
import type { Tenant, TenantsService } from "./tenants.service.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The municipality of a request under /{slug} or on its own hostname. */
    tenant: Tenant | undefined;
    /** URL prefix of the municipality's pages: "/{slug}", or "" on its own hostname. */
    tenantBase: string;
  }
}

/**
 * Registers a module's municipality pages under /{slug}: before any of them runs, the municipality is
 * resolved (unknown → 404) and the page frame set. Every module with pages of a municipality uses this;
 * APIs pass `under: "/api/v1"` for /api/v1/{slug}.
 */
export async function registerTenantScoped(
  app: FastifyInstance,
  tenants: TenantsService,
  routes: FastifyPluginAsync,
  options: { under?: string } = {},
): Promise<void> {
  await app.register(
    async (scoped) => {
      scoped.decorateRequest("tenant", undefined);
      scoped.decorateRequest("tenantBase", "");
      scoped.addHook("onRequest", async (request) => {
        const { tenant: slug } = request.params as { tenant: string };
        const tenant = await tenants.bySlug(slug);
        if (!tenant) throw NotFound();
        const onOwnHost = tenants.slugForHostname(hostnameFromHeader(request.host)) === tenant.slug;
        request.tenant = tenant;
        request.tenantBase = onOwnHost ? "" : `/${tenant.slug}`;
        request.chrome = tenantChrome(tenant, request.tenantBase, request.lang);
      });
      await scoped.register(routes);
    },
    { prefix: `${options.under ?? ""}/:tenant` },
  );
}

/** Municipality, URL prefix and page frame of a request in a tenant-scoped route. */
export function tenantContext(request: FastifyRequest): { tenant: Tenant; base: string; chrome: SiteChrome } {
  if (!request.tenant || !request.chrome) throw new Error("tenantContext used outside registerTenantScoped");
  return { tenant: request.tenant, base: request.tenantBase, chrome: request.chrome };
}
