import type { FastifyInstance } from "fastify";
import { berlinDate, berlinDateTime } from "#core/dates/berlin.ts";
import { NotFound } from "#core/http/errors.ts";
import { format } from "#core/i18n/messages.ts";
import { pick } from "#modules/catalog/index.ts";
import { sendHtml } from "#modules/identity/auth-kit.ts";
import { identityPaths, withQuery } from "#modules/identity/identity.paths.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { applicationMessages } from "./applications.messages.ts";
import { applicationPaths } from "./applications.paths.ts";
import { applicationFiles } from "./applications.service.ts";
import type { ApplicationRouteOptions } from "./flow-context.ts";
import { MyTownHallPage } from "./views/my-town-hall.tsx";

/** "Mein Rathaus": a signed-in citizen's started and sent applications at this municipality, and receipts. */
export async function myTownHallRoutes(app: FastifyInstance, opts: ApplicationRouteOptions) {
  app.get("/mein-rathaus", async (request, reply) => {
    const { tenant, base, chrome } = tenantContext(request);
    const path = applicationPaths.myTownHall(base);
    const citizenId = request.citizenSession?.citizenId;
    if (!citizenId) return reply.redirect(withQuery(identityPaths.login(base), { weiter: path }), 303);
    const t = applicationMessages[request.lang];
    const [drafts, applications] = await Promise.all([
      opts.drafts.openDraftsOf(citizenId, tenant.id),
      opts.applications.applicationsOf(citizenId, tenant.id),
    ]);
    const serviceName = async (slug: string) => {
      const service = await opts.catalog.bySlug(tenant.id, slug);
      return service ? pick(service.name, request.lang).text : slug;
    };
    const model = {
      path,
      intro: format(t.myIntro, { tenant: tenant.name }),
      drafts: await Promise.all(
        drafts.map(async (draft) => ({
          service: await serviceName(draft.serviceSlug),
          changed: berlinDateTime(draft.updatedAt),
          keptUntil: berlinDate(draft.expiresAt),
          href: applicationPaths.review(base, draft.id),
        })),
      ),
      applications: applications.map((application) => ({
        service: application.serviceName,
        reference: application.reference,
        submitted: berlinDate(application.submittedAt),
        status: t[`status_${application.status}`],
        receiptHref: application.receiptFileId ? applicationPaths.receipt(base, application.id) : undefined,
      })),
    };
    return sendHtml(reply, 200, MyTownHallPage({ chrome, model }));
  });

  app.get<{ Params: { applicationId: string } }>(
    "/mein-rathaus/antraege/:applicationId/eingangsbestaetigung.pdf",
    async (request, reply) => {
      const { tenant } = tenantContext(request);
      const citizenId = request.citizenSession?.citizenId;
      const application = citizenId
        ? await opts.applications.find(tenant.id, request.params.applicationId)
        : undefined;
      if (!application?.receiptFileId || application.citizenId !== citizenId) throw NotFound();
      const opened = await opts.files.store.open(
        tenant.id,
        application.receiptFileId,
        applicationFiles(application.id),
      );
      if (!opened) throw NotFound();
      return reply
        .type("application/pdf")
        .header("cache-control", "private, no-store")
        .header("x-content-type-options", "nosniff")
        .header("content-disposition", `attachment; filename="${application.reference}.pdf"`)
        .send(opened.stream);
    },
  );
}
