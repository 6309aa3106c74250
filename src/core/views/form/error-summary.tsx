import type { FieldError } from "#core/http/errors.ts";
import { coreMessages } from "#core/i18n/core.messages.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { format } from "#core/i18n/messages.ts";
import { fieldId } from "./ids.ts";

/**
 * The GOV.UK error summary in KERN's danger alert, first thing in <main> above the heading: "Es gibt ein
 * Problem" and one link per error to `#fieldId(field)`; following a link moves the focus to that input.
 * The summary takes the focus when the page loads (`autofocus`, so also without JavaScript), and screen
 * readers read it first. Renders nothing when there are no errors.
 */
export function ErrorSummary(props: { lang: Lang; errors: readonly FieldError[] }): JSX.Element {
  if (props.errors.length === 0) return "";
  const t = coreMessages[props.lang];
  return (
    <div
      class="kern-alert kern-alert--danger error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabindex="-1"
      attrs={{ autofocus: true }}
    >
      <div class="kern-alert__header">
        <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
        <h2 class="kern-title" id="error-summary-title" safe>
          {t.errorSummaryHeading}
        </h2>
      </div>
      <div class="kern-alert__body">
        <ul class="kern-list error-summary__list">
          {props.errors.map((error) => (
            <li>
              <a class="kern-link" href={`#${fieldId(error.field)}`} safe>
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** The page title, with "Fehler: " in front while the page shows errors (GOV.UK: the first thing read out). */
export function formPageTitle(lang: Lang, title: string, errors: readonly FieldError[]): string {
  return errors.length > 0 ? format(coreMessages[lang].errorPageTitle, { title }) : title;
}

/** The message for one field, to pass as its `error` prop. */
export function errorFor(errors: readonly FieldError[], name: string): string | undefined {
  return errors.find((error) => error.field === name)?.message;
}
