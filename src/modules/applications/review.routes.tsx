import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { FieldError } from "#core/http/errors.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import { sendHtml } from "#core/http/reply.ts";
import { fieldId } from "#core/views/form/index.ts";
import {
  type Answers,
  checkAnswers,
  type FormDefinition,
  isLocked,
  summaryRows,
} from "#modules/forms/index.ts";
import { emailError, normalizeEmail } from "#modules/identity/auth-kit.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { submitApplication } from "#workflows/submit-application.ts";
import { applicationPaths } from "./applications.paths.ts";
import { isPlatformDown, sendToPlatform } from "./fee-payment.routes.tsx";
import { feeSummary, paysBeforeSubmission } from "./fees.ts";
import { type ApplicationRouteOptions, draftGone, type Flow, openFlow } from "./flow-context.ts";
import { startRateLimit } from "./start.routes.tsx";
import { feePaymentModel } from "./views/fee-payment.tsx";
import { ConfirmationPage, ReviewPage } from "./views/review.tsx";

type DraftRequest = FastifyRequest<{ Params: { draftId: string } }>;

/** "Ihre Angaben prüfen", sending (exactly once, whatever the browser repeats) and the confirmation. */
export async function reviewRoutes(app: FastifyInstance, opts: ApplicationRouteOptions) {
  /** Where the confirmation goes: the account's address, else the one the form asked for (if it did). */
  const knownEmail = async (request: FastifyRequest, flow: Flow) => {
    const citizenId = request.citizenSession?.citizenId;
    if (citizenId) return (await opts.profile.withEmail(citizenId))?.email;
    return contactEmailOf(flow.form.definition, flow.draft.answers);
  };

  function render(
    request: DraftRequest,
    reply: FastifyReply,
    flow: Flow,
    page: { email: string; askEmail: boolean; errors: FieldError[]; status: number },
  ) {
    const { base, draft, form } = flow;
    const lang = request.lang;
    const sections = summaryRows(form.definition, draft.answers, lang);
    const { feeCents } = checkAnswers(form.definition, draft.answers, { lang });
    const fee = feeSummary(flow.service, form.definition, draft.answers, feeCents, lang);
    const model = {
      path: applicationPaths.review(base, draft.id),
      serviceName: flow.serviceName,
      backHref: applicationPaths.step(base, draft.id, sections.at(-1)?.stepId ?? ""),
      csrfToken: reply.generateCsrf(),
      sections: sections.map((section) => ({
        title: section.title,
        rows: section.rows.map((row) => ({
          label: row.label,
          lines: row.lines,
          // A locked answer (from the verified identity) has nothing to change.
          changeHref: isLocked(form.definition, draft.lockedAnswers, row.field)
            ? undefined
            : `${applicationPaths.change(base, draft.id, section.stepId)}#${fieldId(row.field)}`,
        })),
      })),
      fees: fee.rows,
      feeNotes: fee.notes,
      paysFirst: paysBeforeSubmission(fee),
      ...page,
    };
    return sendHtml(reply, page.status, ReviewPage({ chrome: tenantContext(request).chrome, model }));
  }

  /** The draft, complete; otherwise the answer (gone, already sent, back to the first incomplete step). */
  async function openComplete(request: DraftRequest, reply: FastifyReply) {
    const flow = await openFlow(request, opts, request.params.draftId);
    if (!flow) return { reply: await draftGone(request, reply, opts.drafts.lifetimeDays) };
    const { base, draft, form } = flow;
    if (draft.applicationId)
      return { reply: reply.redirect(applicationPaths.confirmation(base, draft.id), 303) };
    const check = checkAnswers(form.definition, draft.answers, { lang: request.lang });
    if (check.firstInvalidStep)
      return { reply: reply.redirect(applicationPaths.step(base, draft.id, check.firstInvalidStep), 303) };
    return { flow };
  }

  app.get<{ Params: { draftId: string } }>("/antraege/:draftId/pruefen", async (request, reply) => {
    const opened = await openComplete(request, reply);
    if ("reply" in opened) return opened.reply;
    const email = await knownEmail(request, opened.flow);
    return render(request, reply, opened.flow, {
      email: email ?? "",
      askEmail: !email,
      errors: [],
      status: 200,
    });
  });

  app.post<{ Params: { draftId: string } }>(
    "/antraege/:draftId/pruefen",
    { config: startRateLimit },
    async (request, reply) => {
      const flow = await openFlow(request, opts, request.params.draftId);
      if (!flow) return draftGone(request, reply, opts.drafts.lifetimeDays);
      const account = await knownEmail(request, flow);
      const typed = normalizeEmail(readString(formBody(request.body), "email"));
      const problem = account ? undefined : emailError(typed, request.lang);
      if (problem && !flow.draft.applicationId)
        return render(request, reply, flow, {
          email: typed,
          askEmail: true,
          errors: [problem],
          status: 422,
        });
      const result = await submitApplication(
        { ...opts, files: opts.files.store },
        {
          tenant: flow.tenant,
          draft: flow.draft,
          service: flow.service,
          serviceName: flow.serviceName,
          email: account ?? typed,
          lang: request.lang,
        },
      );
      const { base, draft } = flow;
      if (!result.ok)
        return reply.redirect(applicationPaths.step(base, draft.id, result.firstInvalidStep ?? ""), 303);
      const confirmation = applicationPaths.confirmation(base, draft.id);
      if (result.application.status !== "awaiting_payment" || !result.payment)
        return reply.redirect(confirmation, 303);
      // The fee comes first: straight on to the payment platform, which sends the browser back here.
      return sendToPlatform(request, reply, opts, result.payment, confirmation);
    },
  );

  app.get<{ Params: { draftId: string } }>("/antraege/:draftId/bestaetigung", async (request, reply) => {
    const flow = await openFlow(request, opts, request.params.draftId);
    const application =
      flow?.draft.applicationId && (await opts.applications.find(flow.tenant.id, flow.draft.applicationId));
    if (!flow || !application) return draftGone(request, reply, opts.drafts.lifetimeDays);
    const { base, chrome } = tenantContext(request);
    const signedIn = application.citizenId !== undefined;
    const path = applicationPaths.confirmation(base, flow.draft.id);
    const payment = (await opts.payments.forApplications(flow.tenant.id, [application.id])).get(
      application.id,
    );
    const model = {
      path,
      awaitingPayment: application.status === "awaiting_payment",
      payment:
        payment &&
        feePaymentModel(payment, {
          pay: { path: applicationPaths.pay(base, flow.draft.id) },
          csrfToken: () => reply.generateCsrf(),
          refreshHref: path,
          platformDown: isPlatformDown(request),
        }),
      serviceName: application.serviceName,
      reference: application.reference,
      email: application.email,
      signedIn,
      nextHref: signedIn ? applicationPaths.myTownHall(base) : base || "/",
    };
    return sendHtml(reply, 200, ConfirmationPage({ chrome, model }));
  });
}

/** The answer to the form's own contact question (an e-mail field prefilled from the account's address). */
function contactEmailOf(definition: FormDefinition, answers: Answers): string | undefined {
  for (const step of definition.steps)
    for (const field of step.fields.flatMap((f) => (f.type === "group" ? f.fields : [f])))
      if (field.type === "email" && field.prefill === "email" && typeof answers[field.id] === "string")
        return answers[field.id] as string;
  return undefined;
}
