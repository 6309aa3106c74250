import type { PropsWithChildren } from "@kitajs/html";
import type { FieldError } from "#core/http/errors.ts";
import { Layout } from "../layout.tsx";
import type { SiteChrome } from "../site-chrome.ts";
import { BackLink } from "./buttons.tsx";
import { ErrorSummary, formPageTitle } from "./error-summary.tsx";
import { Form } from "./form.tsx";

export interface FormPageProps {
  chrome: SiteChrome;
  /** The page's own path (language switch, and the form's action unless `action` is given). */
  path: string;
  action?: string;
  title: string;
  intro?: string;
  csrfToken: string;
  submitLabel: string;
  errors: readonly FieldError[];
  backHref?: string;
  /** Below the form, e.g. "Passwort vergessen?" or a link to another way in. */
  after?: JSX.Element;
}

/**
 * The page of one form, as every citizen and staff form looks: back link, error summary, heading, a line
 * of explanation, the fields (children) and the submit button; the title says "Fehler:" when there are errors.
 */
export function FormPage(props: PropsWithChildren<FormPageProps>): JSX.Element {
  const lang = props.chrome.lang;
  // Rendered markup from the caller's own TSX (escaped there), hence "safe" for xss-scan.
  const safeAfter = props.after ?? "";
  return (
    <Layout
      chrome={props.chrome}
      page={{ title: formPageTitle(lang, props.title, props.errors), path: props.path }}
    >
      {props.backHref ? <BackLink href={props.backHref} lang={lang} /> : ""}
      <ErrorSummary lang={lang} errors={props.errors} />
      <h1 class="kern-heading-large" safe>
        {props.title}
      </h1>
      {props.intro ? (
        <p class="kern-body" safe>
          {props.intro}
        </p>
      ) : (
        ""
      )}
      <Form action={props.action ?? props.path} csrfToken={props.csrfToken} submitLabel={props.submitLabel}>
        {props.children}
      </Form>
      {safeAfter}
    </Layout>
  );
}
