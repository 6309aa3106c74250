import type { TSchema } from "@sinclair/typebox";
import type { FieldError } from "#core/http/errors.ts";
import { readString } from "#core/http/form-page.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { format } from "#core/i18n/messages.ts";
import { type InputMode, TextField } from "#core/views/form/index.ts";
import type { PrefillKey } from "../definition/parts.ts";
import { formsMessages } from "../forms.messages.ts";
import {
  type AnyFieldKind,
  controlProps,
  defineKind,
  fail,
  hasControlChars,
  messageFor,
  type ParseContext,
  stringInput,
} from "./field-kind.ts";

/** HTML autocomplete tokens for prefilled fields (WCAG 1.3.5: the browser can fill them too). */
const autocompleteFor: Partial<Record<PrefillKey, string>> = {
  givenName: "given-name",
  familyName: "family-name",
  street: "address-line1",
  postalCode: "postal-code",
  town: "address-level2",
  email: "email",
  phone: "tel",
};

interface TextLikeField {
  id: string;
  prefill?: PrefillKey;
}

/** A field typed into one input: text, e-mail, phone, IBAN, number. Each names only what differs. */
export interface TextLikeConfig<F extends TextLikeField, V> {
  type: string;
  schema: TSchema;
  inputType?: "text" | "email" | "tel";
  inputmode?: InputMode;
  spellcheck?: boolean;
  width?: 2 | 4;
  maxLength(field: F): number;
  /** Checks the trimmed, non-empty text (already free of control characters and not too long). */
  check(text: string, field: F, ctx: ParseContext): { value?: V; errors?: FieldError[] };
  display?(value: V, field: F, lang: Lang): string[];
}

/** The generic "Geben Sie „…“ an", unless the definition words it itself. */
export function missingEnter(field: unknown, ctx: ParseContext): FieldError[] {
  const fallback = format(formsMessages[ctx.lang].enter, { label: ctx.label });
  return [{ field: ctx.name, message: messageFor(field, "required", ctx.lang, fallback) }];
}

/** Too long or holding control characters: the checks every typed text gets first. */
export function textProblem(
  text: string,
  max: number,
  ctx: ParseContext,
  multiline = false,
): string | undefined {
  const t = formsMessages[ctx.lang];
  if (text.length > max) return format(t.tooLong, { label: ctx.label, max });
  const checked = multiline ? text.replace(/[\n\t]/g, " ") : text;
  return hasControlChars(checked) ? format(t.controlChars, { label: ctx.label }) : undefined;
}

export function textLikeKind<F extends TextLikeField, V>(config: TextLikeConfig<F, V>): AnyFieldKind {
  return defineKind<F, string, V>({
    type: config.type,
    schema: config.schema,
    fromBody: true,
    read: readString,
    toInput: stringInput,
    isEmpty: (input) => input.trim() === "",
    parse(input, field, ctx) {
      // One line: a line break (only a tampered request sends one) counts as a space.
      const text = input.trim().replace(/[\r\n\t]+/g, " ");
      const problem = textProblem(text, config.maxLength(field), ctx);
      return problem ? fail(ctx.name, problem) : config.check(text, field, ctx);
    },
    missing: missingEnter,
    render: (props) => (
      <TextField
        {...controlProps(props)}
        type={config.inputType}
        inputmode={config.inputmode}
        spellcheck={config.spellcheck}
        width={config.width}
        autocomplete={props.field.prefill ? autocompleteFor[props.field.prefill] : undefined}
        value={props.input}
      />
    ),
    display: (value, field, lang) => (config.display ? config.display(value, field, lang) : [String(value)]),
  });
}
