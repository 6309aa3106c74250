import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { BadRequest, NotFound } from "#core/http/errors.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import type { CatalogService } from "./catalog.model.ts";
import { applicationStartPath, catalogPaths } from "./catalog.paths.ts";
import type { CatalogRouteOptions } from "./catalog.routes.tsx";

const defaultLimit = 50;
const maxLimit = 100;

/** Public representation of a service in the JSON API (documented in catalog.openapi.ts). */
export function serviceJson(service: CatalogService, tenantSlug: string) {
  const base = `/${tenantSlug}`;
  return {
    slug: service.slug,
    leikaKey: service.leikaKey ?? null,
    name: service.name,
    summary: service.summary,
    description: service.description,
    plainLanguage: service.plainLanguage,
    lifeSituations: service.lifeSituations,
    categories: service.categories,
    office: service.office,
    openingHours: service.openingHours,
    fees: service.fees,
    documents: service.documents,
    legalBases: service.legalBases,
    processingTime: service.processingTime,
    fullyOnline: service.fullyOnline,
    formKey: service.formKey,
    popularity: service.popularity,
    updatedAt: service.updatedAt.toISOString(),
    links: {
      self: catalogPaths.apiOne(tenantSlug, service.slug),
      page: catalogPaths.service(base, service.slug),
      apply: service.formKey ? applicationStartPath(base, service.slug) : null,
    },
  };
}

function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === etag || tag === "*");
}

/** Sends JSON with a strong ETag over its bytes; a matching If-None-Match gets 304 without a body. */
function sendWithEtag(request: FastifyRequest, reply: FastifyReply, value: unknown): FastifyReply {
  const body = JSON.stringify(value);
  const etag = etagOf(body);
  reply.header("etag", etag).header("cache-control", "public, no-cache");
  if (matches(request.headers["if-none-match"], etag)) return reply.status(304).send();
  return reply.type("application/json; charset=utf-8").send(body);
}

function parseLimit(value: unknown): number {
  if (value === undefined) return defaultLimit;
  const limit = typeof value === "string" && /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
  if (!(limit >= 1 && limit <= maxLimit))
    throw BadRequest(`limit must be a whole number from 1 to ${maxLimit}.`);
  return limit;
}

/** GET /api/v1/{slug}/services[/{service}], registered inside the municipality's API scope. */
export async function catalogApiRoutes(app: FastifyInstance, opts: CatalogRouteOptions) {
  const { catalog } = opts;

  app.get("/services", async (request, reply) => {
    const { tenant } = tenantContext(request);
    const query = request.query as Record<string, unknown>;
    const limit = parseLimit(query.limit);
    const after = typeof query.after === "string" ? query.after : undefined;
    const services = await catalog.page(tenant.id, after, limit + 1);
    const items = services.slice(0, limit);
    const last = items.at(-1);
    const next =
      services.length > limit && last
        ? `${catalogPaths.apiList(tenant.slug)}?limit=${limit}&after=${encodeURIComponent(last.slug)}`
        : null;
    return sendWithEtag(request, reply, { items: items.map((s) => serviceJson(s, tenant.slug)), next });
  });

  app.get<{ Params: { service: string } }>("/services/:service", async (request, reply) => {
    const { tenant } = tenantContext(request);
    const service = await catalog.bySlug(tenant.id, request.params.service);
    if (!service) throw NotFound(`There is no service "${request.params.service}" in ${tenant.name}.`);
    return sendWithEtag(request, reply, serviceJson(service, tenant.slug));
  });
}
