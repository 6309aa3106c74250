import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { NotFound } from "#core/http/errors.ts";
import { pathOf } from "#core/http/request-context.ts";
import { format } from "#core/i18n/messages.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { catalogMessages } from "./catalog.messages.ts";
import { catalogPaths } from "./catalog.paths.ts";
import type { CatalogServiceApi } from "./catalog.service.ts";
import { letterGroups, lifeSituationLinks, serviceItems, servicePageModel } from "./catalog.view-model.ts";
import { isLifeSituation, lifeSituationLabel } from "./catalog.vocabulary.ts";
import { CatalogHomePage } from "./views/home.tsx";
import { AzPage, LifeSituationPage, LifeSituationsPage } from "./views/list-pages.tsx";
import { SearchPage } from "./views/search-page.tsx";
import { ServicePage } from "./views/service-page.tsx";

export interface CatalogRouteOptions {
  catalog: CatalogServiceApi;
}

/**
 * Answers from the rendered-page cache, or renders and keeps the page. The key is the path (these pages
 * read no query) and the whole page frame, which carries the language and the per-visitor header link.
 */
async function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  catalog: CatalogServiceApi,
  render: () => Promise<string> | string,
): Promise<FastifyReply> {
  const { tenant, chrome } = tenantContext(request);
  const key = `${pathOf(request.url)}\n${JSON.stringify(chrome)}`;
  reply.type("text/html; charset=utf-8");
  const hit = catalog.pages.get(tenant, tenant.id, key);
  if (hit !== undefined) return reply.header("x-page-cache", "hit").send(hit);
  const html = await render();
  catalog.pages.set(tenant, tenant.id, key, html);
  return reply.header("x-page-cache", "miss").send(html);
}

function homeCrumbs(base: string, lang: "de" | "en") {
  return [{ href: catalogPaths.home(base), label: catalogMessages[lang].homeCrumb }];
}

/** The public catalog pages of a municipality, registered inside its /{slug} scope. */
export async function catalogRoutes(app: FastifyInstance, opts: CatalogRouteOptions) {
  const { catalog } = opts;

  app.get("/", (request, reply) =>
    sendCached(request, reply, catalog, async () => {
      const { tenant, base, chrome } = tenantContext(request);
      const [popular, all] = await Promise.all([catalog.popular(tenant.id), catalog.list(tenant.id)]);
      const model = {
        path: catalogPaths.home(base),
        searchAction: catalogPaths.search(base),
        azHref: catalogPaths.list(base),
        popular: serviceItems(popular, chrome.lang, base),
        lifeSituations: lifeSituationLinks(chrome.lang, base),
        hasServices: all.length > 0,
      };
      return CatalogHomePage({ chrome, tenant, model });
    }),
  );

  app.get("/leistungen", (request, reply) =>
    sendCached(request, reply, catalog, async () => {
      const { tenant, base, chrome } = tenantContext(request);
      const t = catalogMessages[chrome.lang];
      const groups = letterGroups(await catalog.list(tenant.id), chrome.lang, base);
      const path = catalogPaths.list(base);
      const intro = format(t.azIntro, { name: tenant.officialName });
      const crumbs = homeCrumbs(base, chrome.lang);
      return AzPage({ chrome, path, crumbs, title: t.azHeading, intro, groups });
    }),
  );

  // Only pages that were found are kept, so a cached page means the service exists: no query on a hit.
  app.get<{ Params: { slug: string } }>("/leistungen/:slug", (request, reply) =>
    sendCached(request, reply, catalog, async () => {
      const { tenant, base, chrome } = tenantContext(request);
      const service = await catalog.bySlug(tenant.id, request.params.slug);
      if (!service) throw NotFound();
      const t = catalogMessages[chrome.lang];
      const crumbs = [
        ...homeCrumbs(base, chrome.lang),
        { href: catalogPaths.list(base), label: t.azHeading },
      ];
      const model = servicePageModel(service, chrome.lang, base);
      return ServicePage({ chrome, model, path: catalogPaths.service(base, service.slug), crumbs });
    }),
  );

  app.get("/lebenslagen", (request, reply) =>
    sendCached(request, reply, catalog, () => {
      const { base, chrome } = tenantContext(request);
      const t = catalogMessages[chrome.lang];
      return LifeSituationsPage({
        chrome,
        path: catalogPaths.lifeSituations(base),
        crumbs: homeCrumbs(base, chrome.lang),
        title: t.lifeSituationsHeading,
        links: lifeSituationLinks(chrome.lang, base),
      });
    }),
  );

  app.get<{ Params: { key: string } }>("/lebenslagen/:key", (request, reply) => {
    const { key } = request.params;
    if (!isLifeSituation(key)) throw NotFound();
    return sendCached(request, reply, catalog, async () => {
      const { tenant, base, chrome } = tenantContext(request);
      const t = catalogMessages[chrome.lang];
      const services = await catalog.byLifeSituation(tenant.id, key);
      return LifeSituationPage({
        chrome,
        path: catalogPaths.lifeSituation(base, key),
        crumbs: [
          ...homeCrumbs(base, chrome.lang),
          { href: catalogPaths.lifeSituations(base), label: t.lifeSituationsHeading },
        ],
        title: format(t.lifeSituationTitle, { name: lifeSituationLabel(key, chrome.lang) }),
        items: serviceItems(services, chrome.lang, base),
        links: lifeSituationLinks(chrome.lang, base),
        current: key,
      });
    });
  });

  // Results depend on the query, so they are not cached; the query is read as plain words.
  app.get("/suche", async (request, reply) => {
    const { tenant, base, chrome } = tenantContext(request);
    const raw = (request.query as Record<string, unknown>).q;
    const query = typeof raw === "string" ? raw.trim().slice(0, 200) : "";
    const result = query ? await catalog.search(tenant.id, query) : { services: [], fuzzy: false };
    const model = {
      path: catalogPaths.search(base),
      query,
      items: serviceItems(result.services, chrome.lang, base),
      fuzzy: result.fuzzy,
    };
    return reply
      .type("text/html; charset=utf-8")
      .send(await SearchPage({ chrome, model, crumbs: homeCrumbs(base, chrome.lang) }));
  });
}
