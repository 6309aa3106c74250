import type { AddressInfo } from "node:net";
import Fastify, { type FastifyReply } from "fastify";
import { registerErrorHandling } from "#core/http/error-handler.ts";
import type { FieldError } from "#core/http/errors.ts";
import { languagePlugin } from "#core/http/language.ts";
import { securityPlugin } from "#core/http/security.ts";
import { staticAssets } from "#core/http/static-assets.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { ErrorSummary, Form, formPageTitle } from "#core/views/form/index.ts";
import { Layout } from "#core/views/layout.tsx";
import { type Answers, type Inputs, parseStep, renderStep } from "#modules/forms/index.ts";
import { installationChrome } from "#modules/tenants/index.ts";
import { everyFieldForm, testToday } from "#test/forms.ts";

/**
 * A test-only app for the form engine: step "alles" of the every-field test form (one field of each type, a
 * group and a repeatable group) and the upload step "datei" with a file already in the answers, each on a page
 * of the real layout with the real security plugin (CSP, CSRF), posted and re-rendered the way the
 * application flow will do it: 422 with errors, 200 after an add/remove button, 303 when complete.
 */
export const stepPath = (stepId: string) => `/formular/${stepId}`;
export const donePath = "/formular/fertig";

const proof = {
  fileId: "f-1",
  name: "ausweis.pdf",
  size: 48_000,
  mediaType: "application/pdf",
  documentType: "Personalausweis",
};

async function StepPage(props: {
  lang: Lang;
  stepId: string;
  csrfToken: string;
  answers: Answers;
  errors: FieldError[];
  input?: Inputs;
}): Promise<string> {
  const chrome = installationChrome(props.lang);
  const path = stepPath(props.stepId);
  // Markup rendered (and escaped) by the form engine, hence "safe" for xss-scan.
  const safeFields = await renderStep(
    everyFieldForm,
    props.stepId,
    props.answers,
    props.errors,
    props.lang,
    props.input,
    {
      today: testToday,
    },
  );
  const title = props.lang === "en" ? "All fields" : "Alle Felder";
  return (
    <Layout chrome={chrome} page={{ title: formPageTitle(props.lang, title, props.errors), path }}>
      <ErrorSummary lang={props.lang} errors={props.errors} />
      <h1 class="kern-heading-large">{title}</h1>
      <Form
        action={path}
        csrfToken={props.csrfToken}
        submitLabel={props.lang === "en" ? "Continue" : "Weiter"}
      >
        {safeFields}
      </Form>
    </Layout>
  );
}

const sendHtml = (reply: FastifyReply, html: string, status = 200) =>
  reply.status(status).type("text/html; charset=utf-8").send(html);

export async function startFormEngineApp(): Promise<{ url: string; close(): Promise<void> }> {
  const app = Fastify({ logger: false });
  app.decorateRequest("chrome", undefined);
  await app.register(securityPlugin, {
    cookieSecret: "form-engine-test-secret-0123456789abcdef",
    secureCookies: false,
  });
  await app.register(languagePlugin, { secureCookies: false });
  await app.register(staticAssets);
  registerErrorHandling(app, (request) => installationChrome(request.lang));
  const stored: Answers = { proof: [proof] };

  app.get<{ Params: { step: string } }>("/formular/:step", async (request, reply) => {
    const { step } = request.params;
    if (step === "fertig") {
      const done = (
        <Layout chrome={installationChrome(request.lang)} page={{ title: "Fertig", path: donePath }}>
          <h1 class="kern-heading-large">Fertig</h1>
        </Layout>
      );
      return sendHtml(reply, await done);
    }
    const page = {
      lang: request.lang,
      stepId: step,
      csrfToken: reply.generateCsrf(),
      answers: stored,
      errors: [],
    };
    return sendHtml(reply, await StepPage(page));
  });

  app.post<{ Params: { step: string } }>("/formular/:step", async (request, reply) => {
    const { step } = request.params;
    const result = parseStep(everyFieldForm, step, request.body, stored, {
      lang: request.lang,
      today: testToday,
    });
    // The answers are not kept: every journey starts from the same page.
    if (result.complete) return reply.redirect(donePath, 303);
    const page = { lang: request.lang, stepId: step, csrfToken: reply.generateCsrf(), ...result };
    return sendHtml(reply, await StepPage(page), result.action ? 200 : 422);
  });

  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
