import type { FieldError } from "#core/http/errors.ts";
import { format } from "#core/i18n/messages.ts";
import { BackLink, Button, ButtonGroup, ErrorSummary, Form, formPageTitle } from "#core/views/form/index.ts";
import { Layout } from "#core/views/layout.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { applicationMessages } from "../applications.messages.ts";

/** The name of the button that saves the draft instead of going on (the engine's own buttons use `_action`). */
export const flowButton = "_flow";

export interface StepModel {
  path: string;
  serviceName: string;
  title: string;
  number: number;
  total: number;
  backHref: string;
  csrfToken: string;
  multipart: boolean;
  errors: readonly FieldError[];
  /** The step's fields, rendered by the forms module. */
  fields: JSX.Element;
}

/** One question page: back link, error summary, "Schritt n von m", the fields, "Weiter" and "Speichern". */
export function StepPage(props: { chrome: SiteChrome; model: StepModel }): JSX.Element {
  const { chrome, model } = props;
  const lang = chrome.lang;
  const t = applicationMessages[lang];
  // Rendered by the forms module's TSX, which escapes every value it shows.
  const safeFields = model.fields;
  return (
    <Layout
      chrome={chrome}
      page={{ title: formPageTitle(lang, model.title, model.errors), path: model.path }}
    >
      <BackLink href={model.backHref} lang={lang} />
      <ErrorSummary lang={lang} errors={model.errors} />
      <p class="kern-preline" safe>
        {`${model.serviceName} · ${format(t.stepOf, { n: model.number, total: model.total })}`}
      </p>
      <h1 class="kern-heading-large" safe>
        {model.title}
      </h1>
      <Form
        action={model.path}
        csrfToken={model.csrfToken}
        enctype={model.multipart ? "multipart/form-data" : undefined}
      >
        {safeFields}
        <ButtonGroup>
          <Button label={t.continue} />
          <Button label={t.saveForLater} variant="secondary" name={flowButton} value="save" />
        </ButtonGroup>
      </Form>
    </Layout>
  );
}
