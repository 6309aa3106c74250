import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { berlinDate } from "#core/dates/berlin.ts";
import { type FieldError, NotFound } from "#core/http/errors.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import { withQuery } from "#core/http/paths.ts";
import { sendHtml } from "#core/http/reply.ts";
import { format } from "#core/i18n/messages.ts";
import { decimalComma, formatCents, maxAmountCents, parseEuroCents } from "#core/money/index.ts";
import { type CatalogService, type CatalogServiceApi, pick } from "#modules/catalog/index.ts";
import { backOfficeFrame, currentStaff, staffPaths } from "#modules/staff/index.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { type DecideFeeDependencies, decideFee } from "#workflows/decide-fee.ts";
import type { Application } from "./applications.service.ts";
import { feeDecisionMessages } from "./fee-decision.messages.ts";
import { FeeDecisionListPage, FeeDecisionPage } from "./views/fee-decision.tsx";

export interface FeeDecisionOptions extends DecideFeeDependencies {
  catalog: Pick<CatalogServiceApi, "list">;
}

const feePath = (base: string, id: string) => `${staffPaths.fees(base)}/${id}`;

/**
 * The back-office area (for registerStaff's `areas`) where clerks set the fees billed later: the
 * applications of their departments' services waiting for it, and one application with the fee form.
 */
export function feeDecisionBackOffice(opts: FeeDecisionOptions): FastifyPluginAsync {
  return async (backOffice) => backOffice.register(feeDecisionRoutes, opts);
}

async function feeDecisionRoutes(app: FastifyInstance, opts: FeeDecisionOptions) {
  /** The services whose fees this member of staff sets: those of their departments, and those without one. */
  async function servicesOf(request: FastifyRequest): Promise<CatalogService[]> {
    const { tenant } = tenantContext(request);
    const { departmentIds } = currentStaff(request).member;
    return (await opts.catalog.list(tenant.id)).filter(
      (service) => service.departmentId === null || departmentIds.includes(service.departmentId),
    );
  }

  async function pendingOf(request: FastifyRequest, id: string, services: CatalogService[]) {
    const { tenant } = tenantContext(request);
    const application = await opts.applications.find(tenant.id, id);
    const service = services.find((candidate) => candidate.slug === application?.serviceSlug);
    return application?.feeDecision === "pending" && service ? { application, service } : undefined;
  }

  function renderDecision(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    page: { application: Application; service: CatalogService; value: string; errors: FieldError[] },
  ) {
    const { base, chrome } = tenantContext(request);
    const t = feeDecisionMessages[request.lang];
    const { application, service } = page;
    const model = {
      reference: application.reference,
      backHref: staffPaths.fees(base),
      action: feePath(base, application.id),
      facts: [
        { label: t.columnService, value: application.serviceName },
        { label: t.columnSubmitted, value: berlinDate(application.submittedAt) },
        { label: t.applicant, value: application.email },
      ],
      summary: application.summary,
      estimate: application.feeCents
        ? format(t.estimateHint, { amount: formatCents(application.feeCents) })
        : undefined,
      legalBasis: service.feeLegalBasis ? format(t.legalBasis, { basis: service.feeLegalBasis }) : undefined,
      value: page.value,
      errors: page.errors,
    };
    const frame = backOfficeFrame(request, reply);
    return sendHtml(reply, status, FeeDecisionPage({ chrome, frame, model }));
  }

  async function renderList(request: FastifyRequest, reply: FastifyReply, status: number, notice?: string) {
    const { tenant, base, chrome } = tenantContext(request);
    const { lang } = request;
    const t = feeDecisionMessages[lang];
    const services = await servicesOf(request);
    const pending = await opts.applications.pendingFeeDecisions(
      tenant.id,
      services.map((service) => service.slug),
    );
    const names = new Map(services.map((service) => [service.slug, pick(service.name, lang).text]));
    const model = {
      rows: pending.map((application) => ({
        href: feePath(base, application.id),
        reference: application.reference,
        service: names.get(application.serviceSlug) ?? application.serviceName,
        submitted: berlinDate(application.submittedAt),
        estimate: application.feeCents ? formatCents(application.feeCents) : t.noEstimate,
      })),
    };
    const frame = backOfficeFrame(request, reply, { notice });
    return sendHtml(reply, status, FeeDecisionListPage({ chrome, frame, model }));
  }

  app.get<{ Querystring: { festgesetzt?: string } }>(
    "/gebuehren",
    { config: { permission: "fees.decide" } },
    async (request, reply) =>
      renderList(request, reply, 200, await decidedNotice(request, request.query.festgesetzt)),
  );

  /** After a decision the list says what was decided ("…ist festgesetzt: 45,00 €, Kassenzeichen …"). */
  async function decidedNotice(request: FastifyRequest, id: string | undefined) {
    if (!id) return undefined;
    const { tenant } = tenantContext(request);
    const t = feeDecisionMessages[request.lang];
    const application = await opts.applications.find(tenant.id, id);
    if (application?.feeDecision === undefined || application.feeDecision === "pending") return undefined;
    if (application.feeDecision === "waived")
      return format(t.waivedNotice, { reference: application.reference });
    const payment = (await opts.payments.forApplications(tenant.id, [application.id])).get(application.id);
    return (
      payment &&
      format(t.billedNotice, {
        reference: application.reference,
        amount: formatCents(payment.amountCents),
        kassenzeichen: payment.kassenzeichen,
      })
    );
  }

  app.get<{ Params: { id: string } }>(
    "/gebuehren/:id",
    { config: { permission: "fees.decide" } },
    async (request, reply) => {
      const found = await pendingOf(request, request.params.id, await servicesOf(request));
      if (!found) throw NotFound();
      const value = found.application.feeCents ? decimalComma(found.application.feeCents) : "";
      return renderDecision(request, reply, 200, { ...found, value, errors: [] });
    },
  );

  app.post<{ Params: { id: string } }>(
    "/gebuehren/:id",
    { config: { permission: "fees.decide" } },
    async (request, reply) => {
      const { tenant, base } = tenantContext(request);
      const t = feeDecisionMessages[request.lang];
      const value = readString(formBody(request.body), "gebuehr");
      const services = await servicesOf(request);
      const cents = parseEuroCents(value);
      const problem = !value.trim()
        ? t.feeMissing
        : cents === undefined
          ? t.feeInvalid
          : cents > maxAmountCents
            ? format(t.feeTooHigh, { max: formatCents(maxAmountCents) })
            : undefined;
      if (problem || cents === undefined) {
        const found = await pendingOf(request, request.params.id, services);
        if (!found) throw NotFound();
        return renderDecision(request, reply, 422, {
          ...found,
          value,
          errors: [{ field: "gebuehr", message: problem ?? t.feeInvalid }],
        });
      }
      const { member } = currentStaff(request);
      const result = await decideFee(opts, {
        tenant,
        applicationId: request.params.id,
        feeCents: cents,
        staff: { id: member.id, ip: request.ip, requestId: request.id },
        serviceSlugs: services.map((service) => service.slug),
      });
      if (!result.ok && result.reason === "unknown") throw NotFound();
      if (!result.ok) return renderList(request, reply, 409, t.alreadyDecided);
      return reply.redirect(withQuery(staffPaths.fees(base), { festgesetzt: result.application.id }), 303);
    },
  );
}
