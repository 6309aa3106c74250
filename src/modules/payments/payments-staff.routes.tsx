import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { AuditLog } from "#core/audit/index.ts";
import { berlinDateTime } from "#core/dates/berlin.ts";
import { attachmentDisposition } from "#core/http/content-disposition.ts";
import { type FieldError, NotFound } from "#core/http/errors.ts";
import { type FormBody, formBody, readString } from "#core/http/form-page.ts";
import { withQuery } from "#core/http/paths.ts";
import { sendHtml } from "#core/http/reply.ts";
import { format } from "#core/i18n/messages.ts";
import { formatCents, parseEuroCents } from "#core/money/index.ts";
import { type CatalogServiceApi, pick } from "#modules/catalog/index.ts";
import { auditStaff, backOfficeFrame, can, currentStaff, type StaffService } from "#modules/staff/index.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { paymentMethodLabel } from "./payment-methods.ts";
import { paymentSettingsRoutes } from "./payment-settings.routes.tsx";
import { paymentMessages, paymentStateLabel } from "./payments.messages.ts";
import { RefundRefused } from "./payments.model.ts";
import type { PaymentsService } from "./payments.service.ts";
import { paymentStates } from "./payments.states.ts";
import { optionalDay, paymentHistory, serviceNames, serviceOptions } from "./payments-staff.view-model.ts";
import { treasuryMessages } from "./treasury.messages.ts";
import { treasuryPaths } from "./treasury.paths.ts";
import type { TreasuryService } from "./treasury.service.ts";
import { isPaymentState } from "./treasury.service.ts";
import { treasuryTokenRoutes } from "./treasury-tokens.routes.tsx";
import { PaymentDetailPage } from "./views/payment-detail.tsx";
import { PaymentsListPage } from "./views/payments-list.tsx";

export interface PaymentsBackOfficeOptions {
  payments: Pick<
    PaymentsService,
    | "get"
    | "transitions"
    | "refunds"
    | "refund"
    | "settings"
    | "saveSettings"
    | "kassenzeichenPreview"
    | "providerNames"
  >;
  treasury: TreasuryService;
  /** Names the services that payments keep only by slug. */
  catalog: Pick<CatalogServiceApi, "list" | "bySlug">;
  staff: Pick<StaffService, "list">;
  audit: AuditLog;
  publicUrl: string;
}

/**
 * The payments area of the back office (for registerStaff's `areas`): payments, refunds, export, API access
 * and the municipality's payment settings.
 */
export function paymentsBackOffice(opts: PaymentsBackOfficeOptions): FastifyPluginAsync {
  return async (backOffice) => {
    await backOffice.register(paymentsStaffRoutes, opts);
    await backOffice.register(treasuryTokenRoutes, opts);
    await backOffice.register(paymentSettingsRoutes, opts);
  };
}

const pageSize = 50;

/** The staff's payments: the filtered list with sums, the daily CSV export, one payment and its refund form. */
export async function paymentsStaffRoutes(app: FastifyInstance, opts: PaymentsBackOfficeOptions) {
  async function renderList(
    request: FastifyRequest,
    reply: FastifyReply,
    query: FormBody,
    exportErrors: FieldError[],
  ) {
    const { tenant, base, chrome } = tenantContext(request);
    const t = treasuryMessages[request.lang];
    const from = optionalDay(query, "von", t.dateInvalid);
    const to = optionalDay(query, "bis", t.dateInvalid);
    const errors = [...from.errors, ...to.errors, ...exportErrors];
    if (from.day && to.day && to.day < from.day) errors.push({ field: "bis", message: t.rangeInvalid });
    const [services, catalog] = await Promise.all([
      opts.treasury.serviceSlugs(tenant.id),
      opts.catalog.list(tenant.id),
    ]);
    const names = serviceNames(catalog, request.lang);
    const state = readString(query, "status");
    const service = readString(query, "leistung");
    const filter = {
      from: from.day,
      to: to.day,
      state: isPaymentState(state) ? state : undefined,
      serviceSlug: services.includes(service) ? service : undefined,
    };
    const { items, sums, nextBefore } = await opts.treasury.payments(tenant.id, filter, {
      before: readString(query, "vor"),
      limit: pageSize,
    });
    const kept = Object.fromEntries(
      ["von-day", "von-month", "von-year", "bis-day", "bis-month", "bis-year", "status", "leistung"]
        .map((name) => [name, readString(query, name)])
        .filter(([, value]) => value),
    );
    const model = {
      listAction: treasuryPaths.payments(base),
      exportAction: treasuryPaths.dailyExport(base),
      filter: {
        from: from.parts,
        to: to.parts,
        state: filter.state ?? "",
        service: filter.serviceSlug ?? "",
      },
      exportDay: optionalDay(query, "tag", "").parts,
      stateOptions: paymentStates.map((value) => ({ value, label: paymentStateLabel(value, request.lang) })),
      serviceOptions: serviceOptions(services, names, request.lang),
      sums: {
        count: String(sums.count),
        paid: formatCents(sums.paidCents),
        refunded: formatCents(sums.refundedCents),
        net: formatCents(sums.netCents),
      },
      rows: items.map((payment) => ({
        href: treasuryPaths.payment(base, payment.id),
        kassenzeichen: payment.kassenzeichen,
        created: berlinDateTime(payment.createdAt),
        service: payment.serviceSlug ? (names.get(payment.serviceSlug) ?? payment.serviceSlug) : "",
        amount: formatCents(payment.amountCents),
        refunded: formatCents(payment.refundedCents),
        state: paymentStateLabel(payment.state, request.lang),
        method: payment.method ? paymentMethodLabel(payment.method, request.lang) : "",
      })),
      olderHref: nextBefore
        ? withQuery(treasuryPaths.payments(base), { ...kept, vor: nextBefore })
        : undefined,
      tokensHref: can(currentStaff(request).member.roles, "payments.tokens")
        ? treasuryPaths.tokens(base)
        : undefined,
      settingsHref: can(currentStaff(request).member.roles, "payments.settings")
        ? treasuryPaths.settings(base)
        : undefined,
      errors,
    };
    const page = PaymentsListPage({ chrome, frame: backOfficeFrame(request, reply), model });
    return sendHtml(reply, errors.length > 0 ? 422 : 200, page);
  }

  app.get("/zahlungen", { config: { permission: "payments.read" } }, (request, reply) =>
    renderList(request, reply, formBody(request.query), []),
  );

  app.get(
    "/zahlungen/tagesabschluss",
    { config: { permission: "payments.read" } },
    async (request, reply) => {
      const { tenant } = tenantContext(request);
      const t = treasuryMessages[request.lang];
      const query = formBody(request.query);
      const { day, errors } = optionalDay(query, "tag", t.dateInvalid);
      if (!day)
        return renderList(
          request,
          reply,
          query,
          errors.length ? errors : [{ field: "tag", message: t.exportDayMissing }],
        );
      const csv = await opts.treasury.dailyCsv(tenant.id, day);
      await auditStaff(request, opts.audit, "treasury.export_downloaded", { target: day });
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", attachmentDisposition(`tagesabschluss-${tenant.slug}-${day}.csv`))
        .header("cache-control", "no-store")
        .send(csv);
    },
  );

  async function renderDetail(
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    status: number,
    values: { amount: string; reason: string },
    errors: FieldError[],
    /** After a refund: the confirmation names the newest refund's amount. */
    refunded = false,
  ) {
    const { tenant, base, chrome } = tenantContext(request);
    const payment = await opts.payments.get(tenant.id, request.params.id);
    if (!payment) throw NotFound();
    const { lang } = request;
    const t = treasuryMessages[lang];
    const [transitions, refunds, members, service] = await Promise.all([
      opts.payments.transitions(tenant.id, payment.id),
      opts.payments.refunds(tenant.id, payment.id),
      opts.staff.list(tenant.id),
      payment.serviceSlug ? opts.catalog.bySlug(tenant.id, payment.serviceSlug) : undefined,
    ]);
    const names = new Map(members.map((member) => [member.id, member.displayName]));
    const mayRefund =
      can(currentStaff(request).member.roles, "payments.refund") && payment.refundableCents > 0;
    const model = {
      kassenzeichen: payment.kassenzeichen,
      backHref: treasuryPaths.payments(base),
      facts: [
        { label: paymentMessages[lang].kassenzeichen, value: payment.kassenzeichen },
        { label: t.amountLabel, value: formatCents(payment.amountCents) },
        { label: t.refundedLabel, value: formatCents(payment.refundedCents) },
        { label: t.refundableLabel, value: formatCents(payment.refundableCents) },
        { label: t.stateLabel, value: paymentStateLabel(payment.state, lang) },
        { label: t.purposeLabel, value: payment.purpose },
        {
          label: t.serviceLabel,
          value: service ? pick(service.name, lang).text : (payment.serviceSlug ?? ""),
        },
        { label: t.providerLabel, value: payment.provider },
        { label: t.methodColumn, value: paymentMethodLabel(payment.method, lang) },
        { label: t.providerPaymentIdLabel, value: payment.providerPaymentId ?? "" },
        { label: t.paymentIdLabel, value: payment.id },
        { label: t.createdLabel, value: berlinDateTime(payment.createdAt) },
        { label: t.paidAtLabel, value: payment.succeededAt ? berlinDateTime(payment.succeededAt) : t.notYet },
        { label: t.emailLabel, value: payment.email ?? "" },
      ],
      history: paymentHistory(transitions, names, lang),
      refunds: refunds.map((refund) => ({
        when: berlinDateTime(refund.createdAt),
        amount: formatCents(refund.amountCents),
        reason: refund.reason,
        actor: names.get(refund.staffId) ?? t["actor.staff"],
        id: refund.providerRefundId ?? refund.id,
      })),
      refund: mayRefund
        ? {
            action: treasuryPaths.refund(base, payment.id),
            refundable: formatCents(payment.refundableCents),
            expectedCents: String(payment.refundableCents),
            values,
          }
        : undefined,
      errors,
    };
    const newest = refunded ? refunds.at(-1) : undefined;
    const notice = newest && format(t.refundedNotice, { amount: formatCents(newest.amountCents) });
    const frame = backOfficeFrame(request, reply, { notice });
    return sendHtml(reply, status, PaymentDetailPage({ chrome, frame, model }));
  }

  app.get<{ Params: { id: string }; Querystring: { hinweis?: string } }>(
    "/zahlungen/:id",
    { config: { permission: "payments.read" } },
    (request, reply) => {
      const refunded = request.query.hinweis === "erstattet";
      return renderDetail(request, reply, 200, { amount: "", reason: "" }, [], refunded);
    },
  );

  app.post<{ Params: { id: string } }>(
    "/zahlungen/:id/erstattung",
    { config: { permission: "payments.refund" } },
    async (request, reply) => {
      const { tenant, base } = tenantContext(request);
      const t = treasuryMessages[request.lang];
      const body = formBody(request.body);
      const values = { amount: readString(body, "betrag"), reason: readString(body, "grund") };
      const amountCents = parseEuroCents(values.amount);
      const errors: FieldError[] = [];
      if (!values.amount.trim()) errors.push({ field: "betrag", message: t.amountMissing });
      else if (amountCents === undefined) errors.push({ field: "betrag", message: t.amountInvalid });
      else if (amountCents === 0) errors.push({ field: "betrag", message: t.amountZero });
      if (!values.reason.trim()) errors.push({ field: "grund", message: t.reasonMissing });
      else if (values.reason.trim().length > 500) errors.push({ field: "grund", message: t.reasonTooLong });
      if (errors.length > 0 || amountCents === undefined)
        return renderDetail(request, reply, 422, values, errors);
      const expected = Number(readString(body, "erstattbar"));
      try {
        await opts.payments.refund({
          tenantId: tenant.id,
          paymentId: request.params.id,
          staffId: currentStaff(request).member.id,
          amountCents,
          reason: values.reason,
          // A form without a readable amount was not made by this page: it can only be refused as stale.
          expectedRefundableCents: Number.isSafeInteger(expected) ? expected : -1,
          ip: request.ip,
          requestId: request.id,
        });
      } catch (error) {
        if (!(error instanceof RefundRefused)) throw error;
        if (error.reason === "not_found") throw NotFound();
        const { status, message } = refusal(error.reason, request.lang);
        return renderDetail(request, reply, status, values, [{ field: "betrag", message }]);
      }
      return reply.redirect(
        withQuery(treasuryPaths.payment(base, request.params.id), { hinweis: "erstattet" }),
        303,
      );
    },
  );
}

/** What the clerk reads when the refund is refused, and the status of that page. */
function refusal(reason: Exclude<RefundRefused["reason"], "not_found">, lang: FastifyRequest["lang"]) {
  const t = paymentMessages[lang];
  const answers = {
    stale: { status: 409, message: t.refundStale },
    too_much: { status: 422, message: t.refundTooMuch },
    not_refundable: { status: 409, message: t.refundNotRefundable },
    invalid: { status: 422, message: t.refundInvalid },
    platform_error: { status: 502, message: t.refundPlatformError },
  };
  return answers[reason];
}
