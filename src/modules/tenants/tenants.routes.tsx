import type { FastifyInstance } from "fastify";
import { NotFound } from "#core/http/errors.ts";
import { pathOf } from "#core/http/request-context.ts";
import { format } from "#core/i18n/messages.ts";
import { brandingCss, installationChrome } from "./tenants.chrome.ts";
import { tenantMessages } from "./tenants.messages.ts";
import { legalPageKeys, tenantPaths } from "./tenants.paths.ts";
import type { PageKey } from "./tenants.schema.ts";
import { registerTenantScoped, tenantContext } from "./tenants.scope.ts";
import type { Tenant, TenantsService } from "./tenants.service.ts";
import { LandingPage } from "./views/landing.tsx";
import { LegalPageView } from "./views/legal-page.tsx";

/** Public representation of a municipality in the JSON API. */
function tenantJson(tenant: Tenant) {
  return {
    slug: tenant.slug,
    name: tenant.name,
    officialName: tenant.officialName,
    address: tenant.address,
    contact: tenant.contact,
    openingHours: tenant.openingHours,
    colour: tenant.colour,
    links: { home: tenantPaths.home(`/${tenant.slug}`), self: tenantPaths.apiOne(tenant.slug) },
  };
}

/** `myTownHallHref`: the installation-wide "Mein Rathaus" (applications module), linked from the landing page. */
export async function tenantsRoutes(
  app: FastifyInstance,
  opts: { tenants: TenantsService; myTownHallHref: string },
) {
  const { tenants } = opts;

  app.get(tenantPaths.landing(), async (request, reply) => {
    const list = await tenants.list();
    const municipalities = list.map((t) => ({
      name: t.name,
      officialName: t.officialName,
      href: tenantPaths.home(`/${t.slug}`),
    }));
    const model = { municipalities, myTownHallHref: opts.myTownHallHref };
    return reply
      .type("text/html; charset=utf-8")
      .send(await LandingPage({ chrome: installationChrome(request.lang), model }));
  });

  app.get(tenantPaths.apiList(), async () => ({ items: (await tenants.list()).map(tenantJson) }));

  app.get<{ Params: { slug: string } }>("/api/v1/tenants/:slug", async (request) => {
    const tenant = await tenants.bySlug(request.params.slug);
    if (!tenant) throw NotFound(`There is no municipality "${request.params.slug}".`);
    return tenantJson(tenant);
  });

  await registerTenantScoped(app, tenants, async (scoped) => {
    scoped.get("/branding.css", async (request, reply) =>
      reply
        .type("text/css; charset=utf-8")
        .header("cache-control", "public, max-age=300")
        .send(brandingCss(tenantContext(request).tenant)),
    );

    scoped.get("/wappen.svg", async (request, reply) => {
      const svg = tenantContext(request).tenant.logoSvg;
      if (!svg) throw NotFound();
      // An SVG may carry script; the sandbox CSP keeps it inert even when opened directly.
      return reply
        .type("image/svg+xml")
        .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
        .header("cache-control", "public, max-age=3600")
        .send(svg);
    });

    scoped.get<{ Params: { page: string } }>("/:page", async (request, reply) => {
      const key = request.params.page as PageKey;
      if (!legalPageKeys.includes(key)) throw NotFound();
      const { tenant, chrome } = tenantContext(request);
      const t = tenantMessages[request.lang];
      const page = await tenants.legalPage(tenant, key, request.lang);
      const contact = [tenant.officialName, tenant.contact.email, tenant.contact.phone]
        .filter(Boolean)
        .join(", ");
      const model = {
        title: page?.title ?? t[key],
        body: page?.body ?? format(t.pageMissing, { contact }),
        textLang: page && page.lang !== request.lang ? page.lang : undefined,
        path: pathOf(tenantPaths.legal(request.tenantBase, key)),
      };
      return reply.type("text/html; charset=utf-8").send(await LegalPageView({ chrome, model }));
    });
  });
}
