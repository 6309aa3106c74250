import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { berlinDate } from "#core/dates/berlin.ts";
import type { FieldError } from "#core/http/errors.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import { format } from "#core/i18n/messages.ts";
import { errorFor, FormPage, TextField } from "#core/views/form/index.ts";
import { sendHtml, sendMessage } from "#modules/identity/auth-kit.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { applicationMessages } from "./applications.messages.ts";
import { applicationPaths } from "./applications.paths.ts";
import type { ApplicationRouteOptions } from "./flow-context.ts";

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

  app.get("/antragsstatus", (request, reply) =>
    render(request, reply, { reference: "", errors: [], status: 200 }),
  );

  app.post("/antragsstatus", { config: lookupRateLimit }, async (request, reply) => {
    const { tenant } = tenantContext(request);
    const t = applicationMessages[request.lang];
    const body = formBody(request.body);
    const reference = readString(body, "reference").slice(0, 40);
    const application = await opts.applications.findByReference(
      tenant.id,
      reference,
      readString(body, "code"),
    );
    if (!application)
      return render(request, reply, {
        reference,
        errors: [{ field: "reference", message: t.statusNotFound }],
        status: 422,
      });
    return sendMessage(request, reply, {
      title: format(t.statusResult, { reference: application.reference, service: application.serviceName }),
      paragraphs: [
        `${t.columnSubmitted}: ${berlinDate(application.submittedAt)}`,
        `${t.columnStatus}: ${t[`status_${application.status}`]}`,
      ],
    });
  });
}
