import type { FastifyInstance } from "fastify";
import { NotFound } from "#core/http/errors.ts";
import { withQuery } from "#core/http/paths.ts";
import { sendHtml } from "#core/http/reply.ts";
import { format } from "#core/i18n/messages.ts";
import { identityPaths } from "#modules/identity/identity.paths.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { applicationMessages } from "./applications.messages.ts";
import { applicationPaths } from "./applications.paths.ts";
import { applicationFiles } from "./applications.service.ts";
import type { ApplicationRouteOptions } from "./flow-context.ts";
import { myTownHallLists, once } from "./my-town-hall.lists.ts";
import { MyTownHallPage } from "./views/my-town-hall.tsx";

/** "Mein Rathaus": a signed-in citizen's started and sent applications at this municipality, and receipts. */
export async function myTownHallRoutes(app: FastifyInstance, opts: ApplicationRouteOptions) {
  app.get("/mein-rathaus", async (request, reply) => {
    const { tenant, base, chrome } = tenantContext(request);
    const path = applicationPaths.myTownHall(base);
    const citizenId = request.citizenSession?.citizenId;
    if (!citizenId) return reply.redirect(withQuery(identityPaths.login(base), { weiter: path }), 303);
    const [drafts, applications] = await Promise.all([
      opts.drafts.openDraftsOf(citizenId, [tenant.id]),
      opts.applications.applicationsOf(citizenId, [tenant.id]),
    ]);
    const lists = await myTownHallLists(
      opts.catalog,
      { tenantId: tenant.id, base, lang: request.lang },
      { drafts, applications },
      { payments: opts.payments, csrfToken: once(() => reply.generateCsrf()) },
    );
    const model = {
      ...lists,
      path,
      intro: format(applicationMessages[request.lang].myIntro, { tenant: tenant.name }),
      // On its own hostname /mein-rathaus is this page, and the session belongs to that hostname alone.
      overviewHref: base ? applicationPaths.overview() : undefined,
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
