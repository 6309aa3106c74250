import { ErrorMessage, FieldLabel, type FieldProps, Hint } from "./field-parts.tsx";
import { attrValue, describedBy, errorId, fieldId, hintId } from "./ids.ts";

export type InputMode = "text" | "numeric" | "decimal" | "tel" | "email" | "url" | "search" | "none";

export interface TextFieldProps extends FieldProps {
  /**
   * `number` is for real quantities only: for codes and whole numbers (postcode, house number, IBAN) GOV.UK
   * recommends `text` with `inputmode="numeric"`, which keeps leading zeros and ignores the scroll wheel.
   */
  type?: "text" | "email" | "tel" | "password" | "number";
  /** What the user sent, shown again after a failed validation. Never rendered for passwords. */
  value?: string;
  /** HTML autocomplete token, e.g. "email", "given-name", "postal-code" (WCAG 1.3.5). */
  autocomplete?: string;
  inputmode?: InputMode;
  /** Spell checking; off by default for e-mail addresses. */
  spellcheck?: boolean;
  /** KERN's narrow inputs: 2 for day or month, 4 for a year or a postcode. */
  width?: 2 | 4;
}

function spellcheckAttr(spellcheck: boolean | undefined, type: string): string | undefined {
  if (spellcheck !== undefined) return String(spellcheck);
  return type === "email" ? "false" : undefined;
}

/** One-line input with label, hint and inline error (KERN `kern-form-input`). */
export function TextField(props: TextFieldProps): JSX.Element {
  const id = props.id ?? fieldId(props.name);
  const type = props.type ?? "text";
  const error = props.error || undefined;
  return (
    <div class={["kern-form-input", error && "kern-form-input--error"]}>
      <FieldLabel for={id} text={props.label} lang={props.lang} optional={props.optional} />
      <Hint for={id} text={props.hint} />
      <input
        class={[
          "kern-form-input__input",
          error && "kern-form-input__input--error",
          props.width && `kern-form-input__input--width-${props.width}`,
        ]}
        id={id}
        name={props.name}
        type={type}
        // A password is never sent back: it would sit in the page, the browser's history and caches.
        value={type === "password" ? undefined : attrValue(props.value)}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        spellcheck={spellcheckAttr(props.spellcheck, type)}
        autocapitalize={type === "email" ? "none" : undefined}
        aria-describedby={describedBy(props.hint && hintId(id), error && errorId(id))}
        aria-invalid={error ? "true" : undefined}
      />
      <ErrorMessage for={id} text={error} lang={props.lang} />
    </div>
  );
}

export interface PasswordFieldProps
  extends Omit<TextFieldProps, "type" | "value" | "autocomplete" | "inputmode"> {
  /** `current-password` to log in, `new-password` to set one (password managers offer to generate it). */
  autocomplete: "current-password" | "new-password";
}

/** Password input; it never shows a value, so after an error the user types it again. */
export function PasswordField(props: PasswordFieldProps): JSX.Element {
  return <TextField {...props} type="password" spellcheck={props.spellcheck ?? false} />;
}

export interface TextAreaProps extends FieldProps {
  value?: string;
  /** Visible lines; 5 unless told. */
  rows?: number;
  autocomplete?: string;
  spellcheck?: boolean;
}

/** Multi-line text with label, hint and inline error. */
export function TextArea(props: TextAreaProps): JSX.Element {
  const id = props.id ?? fieldId(props.name);
  const error = props.error || undefined;
  // The HTML parser drops one newline right after <textarea>; this one is it, so a leading newline typed by
  // the user survives.
  const content = `\n${props.value ?? ""}`;
  return (
    <div class={["kern-form-input", error && "kern-form-input--error"]}>
      <FieldLabel for={id} text={props.label} lang={props.lang} optional={props.optional} />
      <Hint for={id} text={props.hint} />
      <textarea
        class={["kern-form-input__input", error && "kern-form-input__input--error"]}
        id={id}
        name={props.name}
        rows={String(props.rows ?? 5)}
        // @kitajs/html does not know autocomplete on textarea (the HTML standard does).
        attrs={{ autocomplete: props.autocomplete }}
        spellcheck={props.spellcheck === undefined ? undefined : String(props.spellcheck)}
        aria-describedby={describedBy(props.hint && hintId(id), error && errorId(id))}
        aria-invalid={error ? "true" : undefined}
        safe
      >
        {content}
      </textarea>
      <ErrorMessage for={id} text={error} lang={props.lang} />
    </div>
  );
}
