import type { FastifyInstance } from "fastify";
import { berlinDate } from "#core/dates/berlin.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import { withQuery } from "#core/http/paths.ts";
import { sendHtml, sendMessage } from "#core/http/reply.ts";
import { format } from "#core/i18n/messages.ts";
import { renderMail } from "#core/mail/index.ts";
import { FormPage, TextField } from "#core/views/form/index.ts";
import { emailError, normalizeEmail, siteOrigin } from "#modules/identity/auth-kit.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { applicationMessages } from "./applications.messages.ts";
import { applicationPaths } from "./applications.paths.ts";
import { type ApplicationRouteOptions, draftCookie, draftGone, openFlow } from "./flow-context.ts";
import { startRateLimit } from "./start.routes.tsx";

/**
 * "Speichern und später fortsetzen": a signed-in citizen finds the draft in Mein Rathaus; a guest gets a link
 * by mail that carries the draft's secret and opens it in any browser (until the draft expires).
 */
export async function saveRoutes(app: FastifyInstance, opts: ApplicationRouteOptions) {
  const keptUntil = (expiresAt: Date) => berlinDate(expiresAt);

  app.get<{ Params: { draftId: string } }>("/antraege/:draftId/speichern", async (request, reply) => {
    const flow = await openFlow(request, opts, request.params.draftId);
    if (!flow) return draftGone(request, reply, opts.drafts.lifetimeDays);
    const t = applicationMessages[request.lang];
    const { base, draft } = flow;
    const date = keptUntil(draft.expiresAt);
    if (draft.citizenId)
      return sendMessage(request, reply, {
        title: t.savedTitle,
        paragraphs: [format(t.savedSignedIn, { date })],
        next: { href: applicationPaths.myTownHall(base), label: t.toMyTownHall },
        success: true,
      });
    const path = applicationPaths.save(base, draft.id);
    const page = FormPage({
      chrome: tenantContext(request).chrome,
      path,
      title: t.saveTitle,
      intro: format(t.saveIntro, { date }),
      csrfToken: reply.generateCsrf(),
      submitLabel: t.saveSubmit,
      errors: [],
      backHref: applicationPaths.review(base, draft.id),
      children: (
        <TextField lang={request.lang} name="email" type="email" label={t.emailLabel} autocomplete="email" />
      ),
    });
    return sendHtml(reply, 200, page);
  });

  app.post<{ Params: { draftId: string } }>(
    "/antraege/:draftId/speichern",
    { config: startRateLimit },
    async (request, reply) => {
      const flow = await openFlow(request, opts, request.params.draftId);
      const secret = draftCookie.read(request);
      if (!flow || !secret) return draftGone(request, reply, opts.drafts.lifetimeDays);
      const t = applicationMessages[request.lang];
      const { base, draft, tenant } = flow;
      const email = normalizeEmail(readString(formBody(request.body), "email"));
      const problem = emailError(email, request.lang);
      const date = keptUntil(draft.expiresAt);
      if (problem) {
        const page = FormPage({
          chrome: tenantContext(request).chrome,
          path: applicationPaths.save(base, draft.id),
          title: t.saveTitle,
          intro: format(t.saveIntro, { date }),
          csrfToken: reply.generateCsrf(),
          submitLabel: t.saveSubmit,
          errors: [problem],
          children: (
            <TextField
              lang={request.lang}
              name="email"
              type="email"
              label={t.emailLabel}
              value={email}
              autocomplete="email"
              error={problem.message}
            />
          ),
        });
        return sendHtml(reply, 422, page);
      }
      const link = `${siteOrigin(request, opts.publicUrl)}${withQuery(applicationPaths.resume(base, draft.id), { code: secret })}`;
      const values = { service: flow.serviceName, tenant: tenant.name, date };
      const subject = format(t.resumeMailSubject, values);
      const content = renderMail({
        lang: request.lang,
        heading: subject,
        paragraphs: [format(t.resumeMailText, values)],
        action: { label: t.resumeMailAction, url: link },
        footer: t.resumeMailIgnore,
      });
      await opts.mailer.enqueueMail(opts.db, {
        to: email,
        subject,
        lang: request.lang,
        tenantId: tenant.id,
        ...content,
      });
      return sendMessage(request, reply, {
        title: t.savedTitle,
        paragraphs: [format(t.savedText, { email, date })],
        success: true,
      });
    },
  );

  /** The mailed link: the secret becomes this browser's cookie, then on to the first unanswered step. */
  app.get<{ Params: { draftId: string }; Querystring: { code?: string } }>(
    "/antraege/:draftId/fortsetzen",
    async (request, reply) => {
      const { tenant, base } = tenantContext(request);
      const secret = typeof request.query.code === "string" ? request.query.code : "";
      const draft = await opts.drafts.open(tenant.id, request.params.draftId, { secret });
      if (!draft) return draftGone(request, reply, opts.drafts.lifetimeDays);
      const path = applicationPaths.draft(base, draft.id);
      draftCookie.give(reply, path, secret, opts.secureCookies, opts.drafts.lifetimeDays);
      return reply.redirect(applicationPaths.review(base, draft.id), 303);
    },
  );
}
