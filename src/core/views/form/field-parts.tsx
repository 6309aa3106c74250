import { coreMessages } from "#core/i18n/core.messages.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { errorId, hintId } from "./ids.ts";

/** What every field has: its name in the form body, the visible label or legend, an optional hint and error. */
export interface FieldProps {
  lang: Lang;
  /** Name in the form body; the input's id is `fieldId(name)` unless `id` is given. */
  name: string;
  /** Visible label (or legend of a group). Plain text. */
  label: string;
  /** Help below the label, linked with aria-describedby. */
  hint?: string;
  /** Inline error: an instruction to the user ("Geben Sie Ihre E-Mail-Adresse an"). */
  error?: string;
  /** Marks the label "(optional)", as GOV.UK does, instead of marking required fields. */
  optional?: boolean;
  id?: string;
}

function OptionalMark(props: { lang: Lang; optional?: boolean }): JSX.Element {
  if (!props.optional) return "";
  return (
    <span class="kern-label__optional" safe>
      {coreMessages[props.lang].optionalField}
    </span>
  );
}

export function FieldLabel(props: {
  for: string;
  text: string;
  lang: Lang;
  optional?: boolean;
}): JSX.Element {
  return (
    <label class="kern-label" for={props.for}>
      <span safe>{props.text}</span>
      <OptionalMark lang={props.lang} optional={props.optional} />
    </label>
  );
}

export function Legend(props: { text: string; lang: Lang; optional?: boolean }): JSX.Element {
  return (
    <legend class="kern-label">
      <span safe>{props.text}</span>
      <OptionalMark lang={props.lang} optional={props.optional} />
    </legend>
  );
}

export function Hint(props: { for: string; text: string | undefined }): JSX.Element {
  if (!props.text) return "";
  return (
    <div class="kern-hint" id={hintId(props.for)} safe>
      {props.text}
    </div>
  );
}

/** KERN's inline error; the visually hidden "Fehler:" tells screen reader users what the text is. */
export function ErrorMessage(props: { for: string; text: string | undefined; lang: Lang }): JSX.Element {
  if (!props.text) return "";
  return (
    <p class="kern-error" id={errorId(props.for)}>
      <span class="kern-icon kern-icon--danger kern-icon--default" aria-hidden="true"></span>
      <span class="kern-body">
        <span class="kern-sr-only" safe>
          {`${coreMessages[props.lang].errorPrefix} `}
        </span>
        <span safe>{props.text}</span>
      </span>
    </p>
  );
}
