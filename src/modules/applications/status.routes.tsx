import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { berlinDate } from "#core/dates/berlin.ts";
import type { FieldError } from "#core/http/errors.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import { sendHtml } from "#core/http/reply.ts";
import { format } from "#core/i18n/messages.ts";
import { errorFor, FormPage, TextField } from "#core/views/form/index.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { applicationMessages } from "./applications.messages.ts";
import { applicationPaths } from "./applications.paths.ts";
import type { Application } from "./applications.service.ts";
import { feeMessages } from "./fee.messages.ts";
import { guestStatusPath, isPlatformDown } from "./fee-payment.routes.tsx";
import { feeDecisionText } from "./fees.ts";
import type { ApplicationRouteOptions } from "./flow-context.ts";
import { feePaymentModel } from "./views/fee-payment.tsx";
import { StatusResultPage } from "./views/status-result.tsx";

const lookupRateLimit = { rateLimit: { max: 10, timeWindow: "1 minute" } };

/** A guest's status check: the reference and the code from the receipt mail, both needed. */
export async function statusRoutes(app: FastifyInstance, opts: ApplicationRouteOptions) {
  function render(
    request: FastifyRequest,
    reply: FastifyReply,
    page: { reference: string; errors: FieldError[]; status: number },
  ) {
    const { base, chrome } = tenantContext(request);
    const t = applicationMessages[request.lang];
    return sendHtml(
      reply,
      page.status,
      FormPage({
        chrome,
        path: applicationPaths.status(base),
        title: t.statusTitle,
        intro: t.statusIntro,
        csrfToken: reply.generateCsrf(),
        submitLabel: t.statusSubmit,
        errors: page.errors,
        children: (
          <>
            <TextField
              lang={request.lang}
              name="reference"
              label={t.statusReference}
              hint={t.statusReferenceHint}
              value={page.reference}
              autocomplete="off"
              error={errorFor(page.errors, "reference")}
            />
            <TextField lang={request.lang} name="code" label={t.statusSecret} autocomplete="off" />
          </>
        ),
      }),
    );
  }

  /** The application's progress and fee; the pay button carries the reference and code it was opened with. */
  async function showResult(
    request: FastifyRequest,
    reply: FastifyReply,
    application: Application,
    code: string,
  ) {
    const { tenant, base, chrome } = tenantContext(request);
    const t = applicationMessages[request.lang];
    const payment = (await opts.payments.forApplications(tenant.id, [application.id])).get(application.id);
    const here = guestStatusPath(base, application.reference, code);
    const model = {
      path: applicationPaths.statusResult(base),
      title: format(t.statusResult, { reference: application.reference, service: application.serviceName }),
      facts: [
        `${t.columnSubmitted}: ${berlinDate(application.submittedAt)}`,
        `${t.columnStatus}: ${t[`status_${application.status}`]}`,
        ...[feeDecisionText(application.feeDecision, request.lang)]
          .filter((text) => text !== undefined)
          .map((text) => `${feeMessages[request.lang].paymentHeading}: ${text}`),
      ],
      payment:
        payment &&
        feePaymentModel(payment, {
          pay: {
            path: applicationPaths.payAsGuest(base),
            hidden: { aktenzeichen: application.reference, code },
          },
          csrfToken: () => reply.generateCsrf(),
          refreshHref: here,
          platformDown: isPlatformDown(request),
        }),
    };
    return sendHtml(reply, 200, StatusResultPage({ chrome, model }));
  }

  app.get("/antragsstatus", (request, reply) =>
    render(request, reply, { reference: "", errors: [], status: 200 }),
  );

  /** Reached back from the payment platform (reference and code in the address, as the guest gave them). */
  app.get<{ Querystring: Record<string, unknown> }>(
    "/antragsstatus/ergebnis",
    { config: lookupRateLimit },
    async (request, reply) => {
      const { tenant } = tenantContext(request);
      const reference = typeof request.query.aktenzeichen === "string" ? request.query.aktenzeichen : "";
      const code = typeof request.query.code === "string" ? request.query.code.slice(0, 100) : "";
      const application = await opts.applications.findByReference(tenant.id, reference.slice(0, 40), code);
      if (!application)
        return render(request, reply, { reference: reference.slice(0, 40), errors: [], status: 200 });
      return showResult(request, reply, application, code);
    },
  );

  app.post("/antragsstatus", { config: lookupRateLimit }, async (request, reply) => {
    const { tenant } = tenantContext(request);
    const t = applicationMessages[request.lang];
    const body = formBody(request.body);
    const reference = readString(body, "reference").slice(0, 40);
    const code = readString(body, "code").slice(0, 100);
    const application = await opts.applications.findByReference(tenant.id, reference, code);
    if (!application)
      return render(request, reply, {
        reference,
        errors: [{ field: "reference", message: t.statusNotFound }],
        status: 422,
      });
    return showResult(request, reply, application, code);
  });
}
