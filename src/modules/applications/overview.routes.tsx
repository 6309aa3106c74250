import type { FastifyInstance } from "fastify";
import { withQuery } from "#core/http/paths.ts";
import { sendHtml } from "#core/http/reply.ts";
import { identityPaths } from "#modules/identity/identity.paths.ts";
import { installationChrome, type TenantsService, tenantPaths } from "#modules/tenants/index.ts";
import { applicationPaths } from "./applications.paths.ts";
import type { ApplicationRouteOptions } from "./flow-context.ts";
import { myTownHallLists, once } from "./my-town-hall.lists.ts";
import { OverviewPage, OverviewSignInPage } from "./views/overview.tsx";

/**
 * The installation-wide "Mein Rathaus" at /mein-rathaus, outside any municipality: the signed-in citizen's
 * drafts and applications at every municipality (one query per table for all of them), grouped by
 * municipality; without a session, where to sign in (the account is the same at every municipality).
 */
export async function overviewRoutes(
  app: FastifyInstance,
  opts: ApplicationRouteOptions & { tenants: TenantsService },
) {
  app.get(applicationPaths.overview(), async (request, reply) => {
    const path = applicationPaths.overview();
    const chrome = installationChrome(request.lang);
    const tenants = await opts.tenants.list();
    const citizenId = request.citizenSession?.citizenId;
    if (!citizenId) {
      const municipalities = tenants.map((tenant) => ({
        name: tenant.officialName,
        signInHref: withQuery(identityPaths.login(`/${tenant.slug}`), { weiter: path }),
      }));
      return sendHtml(reply, 200, OverviewSignInPage({ chrome, model: { path, municipalities } }));
    }
    const tenantIds = tenants.map((tenant) => tenant.id);
    const csrfToken = once(() => reply.generateCsrf());
    const [drafts, applications] = await Promise.all([
      opts.drafts.openDraftsOf(citizenId, tenantIds),
      opts.applications.applicationsOf(citizenId, tenantIds),
    ]);
    const municipalities = await Promise.all(
      tenants
        .map((tenant) => ({
          tenant,
          drafts: drafts.filter((draft) => draft.tenantId === tenant.id),
          applications: applications.filter((application) => application.tenantId === tenant.id),
        }))
        .filter((found) => found.drafts.length > 0 || found.applications.length > 0)
        .map(async ({ tenant, ...found }) => {
          const base = `/${tenant.slug}`;
          const lists = await myTownHallLists(
            opts.catalog,
            { tenantId: tenant.id, base, lang: request.lang },
            found,
            { payments: opts.payments, csrfToken },
          );
          return { ...lists, name: tenant.officialName, myTownHallHref: applicationPaths.myTownHall(base) };
        }),
    );
    const model = { path, municipalities, landingHref: tenantPaths.landing() };
    return sendHtml(reply, 200, OverviewPage({ chrome, model }));
  });
}
