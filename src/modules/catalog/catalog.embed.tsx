import type { FastifyInstance } from "fastify";
import { tenantContext } from "#modules/tenants/index.ts";
import { catalogPaths } from "./catalog.paths.ts";
import type { CatalogServiceApi } from "./catalog.service.ts";
import { serviceItems } from "./catalog.view-model.ts";
import { EmbedBox } from "./views/embed.tsx";

export interface EmbedRouteOptions {
  catalog: CatalogServiceApi;
  publicUrl: string;
}

/**
 * GET /{slug}/einbettung/digitales-rathaus: the "Digitales Rathaus" box as an HTML fragment for the town's
 * own website (see README.md: server-side include or fetch; it is not meant for an iframe). Links are
 * absolute: under the installation's PUBLIC_URL, or on the municipality's own hostname when asked there.
 */
export async function catalogEmbedRoutes(app: FastifyInstance, opts: EmbedRouteOptions) {
  app.get(catalogPaths.embed(""), async (request, reply) => {
    const { tenant, base, chrome } = tenantContext(request);
    const origin = base === "" ? `${new URL(opts.publicUrl).protocol}//${request.host}` : opts.publicUrl;
    const absolute = (path: string) => `${origin}${path}`;
    const popular = await opts.catalog.popular(tenant.id, 8);
    const items = serviceItems(popular, chrome.lang, base).map((item) => ({
      ...item,
      href: absolute(item.href),
    }));
    const html = await EmbedBox({
      model: {
        lang: chrome.lang,
        municipality: tenant.name,
        homeHref: absolute(catalogPaths.home(base)),
        searchAction: absolute(catalogPaths.search(base)),
        azHref: absolute(catalogPaths.list(base)),
        popular: items,
      },
    });
    return reply
      .type("text/html; charset=utf-8")
      .header("access-control-allow-origin", "*")
      .header("cross-origin-resource-policy", "cross-origin")
      .header("cache-control", "public, max-age=300")
      .header("vary", "Accept-Language, Cookie")
      .send(html);
  });
}
