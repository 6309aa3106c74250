import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { NotFound } from "#core/http/errors.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import { withQuery } from "#core/http/paths.ts";
import { siteOrigin } from "#modules/identity/auth-kit.ts";
import type { Payment } from "#modules/payments/index.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { startFeePayment } from "#workflows/pay-fee.ts";
import { applicationPaths } from "./applications.paths.ts";
import type { Application } from "./applications.service.ts";
import { type ApplicationRouteOptions, draftGone, openFlow } from "./flow-context.ts";

const platformDownQuery = "zahlung=nicht-erreichbar";

/** The page to return to, saying that the payment platform could not be reached just now. */
export const platformDownPath = (path: string) =>
  `${path}${path.includes("?") ? "&" : "?"}${platformDownQuery}`;

export const isPlatformDown = (request: FastifyRequest) =>
  (request.query as Record<string, unknown> | undefined)?.zahlung === "nicht-erreichbar";

/** Where a guest returns from the platform: their status page, opened with the reference and code. */
export const guestStatusPath = (base: string, reference: string, code: string) =>
  withQuery(applicationPaths.statusResult(base), { aktenzeichen: reference, code });

const payRateLimit = { rateLimit: { max: 20, timeWindow: "1 minute" } };

/**
 * Sends the browser to the payment platform for a new attempt, to come back to `returnPath`. When the payment
 * cannot be started (paid already) straight to `returnPath`, which shows that; when the platform failed, to
 * that page with the note that it could not be reached.
 */
export async function sendToPlatform(
  request: FastifyRequest,
  reply: FastifyReply,
  opts: ApplicationRouteOptions,
  payment: Payment,
  returnPath: string,
) {
  const { tenant } = tenantContext(request);
  const returnUrl = `${siteOrigin(request, opts.publicUrl)}${returnPath}`;
  const started = await startFeePayment(opts, { tenant, payment, returnUrl, actor: "citizen" });
  if (started.ok) return reply.redirect(started.redirectUrl, 303);
  return reply.redirect(started.reason === "platform_error" ? platformDownPath(returnPath) : returnPath, 303);
}

/**
 * "Jetzt bezahlen": a new attempt at the payment platform for the fee of an application, from its
 * confirmation page (guest or signed in), later from "Mein Rathaus" or from a guest's status check. The
 * browser is sent to the platform's page and comes back to the page it started from, which shows the state
 * the platform's notification set.
 */
export async function feePaymentRoutes(app: FastifyInstance, opts: ApplicationRouteOptions) {
  async function pay(
    request: FastifyRequest,
    reply: FastifyReply,
    application: Application,
    returnPath: string,
  ) {
    const { tenant } = tenantContext(request);
    const payment = (await opts.payments.forApplications(tenant.id, [application.id])).get(application.id);
    if (!payment) return reply.redirect(returnPath, 303);
    return sendToPlatform(request, reply, opts, payment, returnPath);
  }

  app.post<{ Params: { draftId: string } }>(
    "/antraege/:draftId/bezahlen",
    { config: payRateLimit },
    async (request, reply) => {
      const flow = await openFlow(request, opts, request.params.draftId);
      const application =
        flow?.draft.applicationId && (await opts.applications.find(flow.tenant.id, flow.draft.applicationId));
      if (!flow || !application) return draftGone(request, reply, opts.drafts.lifetimeDays);
      return pay(request, reply, application, applicationPaths.confirmation(flow.base, flow.draft.id));
    },
  );

  app.post<{ Params: { applicationId: string } }>(
    "/mein-rathaus/antraege/:applicationId/bezahlen",
    { config: payRateLimit },
    async (request, reply) => {
      const { tenant, base } = tenantContext(request);
      const citizenId = request.citizenSession?.citizenId;
      const application = citizenId
        ? await opts.applications.find(tenant.id, request.params.applicationId)
        : undefined;
      if (!application || application.citizenId !== citizenId) throw NotFound();
      return pay(request, reply, application, applicationPaths.myTownHall(base));
    },
  );

  app.post("/antragsstatus/bezahlen", { config: payRateLimit }, async (request, reply) => {
    const { tenant, base } = tenantContext(request);
    const body = formBody(request.body);
    const reference = readString(body, "aktenzeichen").slice(0, 40);
    const code = readString(body, "code").slice(0, 100);
    const application = await opts.applications.findByReference(tenant.id, reference, code);
    if (!application) return reply.redirect(applicationPaths.status(base), 303);
    return pay(request, reply, application, guestStatusPath(base, application.reference, code));
  });
}
