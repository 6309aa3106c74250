import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { FieldError } from "#core/http/errors.ts";
import { sendHtml } from "#core/http/reply.ts";
import {
  type Answers,
  checkAnswers,
  errorsOnStep,
  findStep,
  type Inputs,
  localize,
  parseStep,
  renderStep,
  type Step,
  stepHasUpload,
  stepOrder,
} from "#modules/forms/index.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { applicationPaths, changeQuery } from "./applications.paths.ts";
import { type ApplicationRouteOptions, draftGone, type Flow, openFlow } from "./flow-context.ts";
import { dropRemovedUploads, keepUploads, uploadSpec } from "./step-uploads.ts";
import { flowButton, StepPage } from "./views/step.tsx";

type StepRoute = { Params: { draftId: string; stepId: string }; Querystring: Record<string, unknown> };
type StepRequest = FastifyRequest<StepRoute>;

/** Opened from the review's change link: the page goes back to the review, not through the later steps. */
const isChange = (request: StepRequest) => request.query[changeQuery] === "ja";

const submitRateLimit = { rateLimit: { max: 60, timeWindow: "1 minute" } };

/** Where a step may not be shown yet: the first earlier step with missing or wrong answers. */
function firstIncompleteBefore(flow: Flow, order: string[], stepId: string, lang: FastifyRequest["lang"]) {
  const { errors } = checkAnswers(flow.form.definition, flow.draft.answers, { lang });
  return order
    .slice(0, order.indexOf(stepId))
    .find((id) => errorsOnStep(findStep(flow.form.definition, id) as Step, errors).length > 0);
}

/**
 * The question pages of a draft, one step each: shown only when the earlier steps are complete (no skipping
 * by address), answers stored after every submission (also with errors, so nothing typed is lost), uploads
 * kept for the draft, "Weiter" to the next step or the review, "Speichern" to the save page.
 */
export async function stepRoutes(app: FastifyInstance, opts: ApplicationRouteOptions) {
  function render(
    request: StepRequest,
    reply: FastifyReply,
    flow: Flow,
    page: { step: Step; answers: Answers; errors: FieldError[]; input?: Inputs; status: number },
  ) {
    const { base, draft, form } = flow;
    const lang = request.lang;
    const order = stepOrder(form.definition, page.answers, { lang });
    const index = Math.max(0, order.indexOf(page.step.id));
    const previous = order[index - 1];
    const changing = isChange(request);
    const model = {
      path: (changing ? applicationPaths.change : applicationPaths.step)(base, draft.id, page.step.id),
      serviceName: flow.serviceName,
      title: localize(page.step.title, lang),
      number: index + 1,
      total: order.length,
      backHref: changing
        ? applicationPaths.review(base, draft.id)
        : previous
          ? applicationPaths.step(base, draft.id, previous)
          : applicationPaths.start(base, draft.serviceSlug),
      csrfToken: reply.generateCsrf(),
      multipart: stepHasUpload(page.step),
      errors: page.errors,
      fields: renderStep(form.definition, page.step.id, page.answers, page.errors, lang, page.input, {
        locked: draft.lockedAnswers,
      }),
    };
    return sendHtml(reply, page.status, StepPage({ chrome: tenantContext(request).chrome, model }));
  }

  /** The draft and the step of the address, or the answer that replaces the page (gone, done, too early). */
  async function open(request: StepRequest, reply: FastifyReply) {
    const flow = await openFlow(request, opts, request.params.draftId);
    if (!flow) return { reply: await draftGone(request, reply, opts.drafts.lifetimeDays) };
    const { base, draft, form } = flow;
    if (draft.applicationId)
      return { reply: reply.redirect(applicationPaths.confirmation(base, draft.id), 303) };
    const order = stepOrder(form.definition, draft.answers, { lang: request.lang });
    const step = findStep(form.definition, request.params.stepId);
    if (!step || !order.includes(step.id))
      return { reply: await draftGone(request, reply, opts.drafts.lifetimeDays) };
    const earlier = firstIncompleteBefore(flow, order, step.id, request.lang);
    if (earlier) return { reply: reply.redirect(applicationPaths.step(base, draft.id, earlier), 303) };
    return { flow, step, order };
  }

  app.get<StepRoute>("/antraege/:draftId/:stepId", async (request, reply) => {
    const opened = await open(request, reply);
    if ("reply" in opened) return opened.reply;
    const { flow, step } = opened;
    return render(request, reply, flow, { step, answers: flow.draft.answers, errors: [], status: 200 });
  });

  app.post<StepRoute>(
    "/antraege/:draftId/:stepId",
    { config: { ...submitRateLimit, multipartForm: true } },
    async (request, reply) => {
      // Only reads happen before the multipart body (and its CSRF token) is read; nothing changes before it.
      const opened = await open(request, reply);
      if ("reply" in opened) return opened.reply;
      const { flow, step } = opened;
      const { draft, form, base } = flow;
      const lang = request.lang;
      const upload = await opts.files.readUploadForm(request, reply, uploadSpec(step));
      const withUploads = await keepUploads(opts.files.store, draft, step, upload.files);
      const result = parseStep(form.definition, step.id, upload.fields, withUploads, {
        lang,
        locked: draft.lockedAnswers,
      });
      if (result.action?.kind === "removeFile")
        await dropRemovedUploads(opts.files.store, draft, step, result.answers);
      await opts.drafts.saveAnswers(draft, result.answers);
      if (readFlowButton(upload.fields) === "save")
        return reply.redirect(applicationPaths.save(base, draft.id), 303);
      const errors = [...upload.errors, ...result.errors];
      if (errors.length > 0 || result.action) {
        const status = errors.length > 0 ? 422 : 200;
        return render(request, reply, flow, {
          step,
          answers: result.answers,
          errors,
          input: result.input,
          status,
        });
      }
      return reply.redirect(nextPage(flow, step, result.answers, request), 303);
    },
  );
}

/**
 * After a step: the next one, or the review after the last. A change from the review returns there at once,
 * unless the new answer opened questions that are still unanswered (e.g. a field shown by a condition).
 */
function nextPage(flow: Flow, step: Step, answers: Answers, request: StepRequest): string {
  const { base, draft, form } = flow;
  const lang = request.lang;
  if (isChange(request)) {
    const { firstInvalidStep } = checkAnswers(form.definition, answers, { lang });
    return firstInvalidStep
      ? applicationPaths.change(base, draft.id, firstInvalidStep)
      : applicationPaths.review(base, draft.id);
  }
  const order = stepOrder(form.definition, answers, { lang });
  const next = order[order.indexOf(step.id) + 1];
  return next ? applicationPaths.step(base, draft.id, next) : applicationPaths.review(base, draft.id);
}

const readFlowButton = (fields: Record<string, string | string[]>) => {
  const value = fields[flowButton];
  return typeof value === "string" ? value : undefined;
};
