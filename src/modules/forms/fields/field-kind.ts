import type { TSchema } from "@sinclair/typebox";
import type { FieldError } from "#core/http/errors.ts";
import type { FormBody } from "#core/http/form-page.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { errorFor } from "#core/views/form/error-summary.tsx";
import type { LocalText } from "../definition/parts.ts";

/**
 * One field type of the form engine (DEFRA forms-engine-plugin style: adding a type is adding one file that
 * exports a `FieldKind`, and one line in `registry.ts`). A field's answer travels in two shapes:
 * - the *input*: the strings as the citizen typed them (shown again after an error), read from the form body;
 * - the *value*: the typed answer stored in the draft and the application (string, number, boolean, …).
 * `toInput` turns a stored value back into input, so the final check validates stored answers with the same
 * `parse` the step used; it must accept anything (tampered or stale data) without throwing.
 */
export interface FieldKind<F, I, V> {
  readonly type: string;
  /** TypeBox schema of this field's definition. */
  readonly schema: TSchema;
  /** False for uploads: their answer is set by the flow from the file store, never read from the body. */
  readonly fromBody: boolean;
  read(body: FormBody, name: string): I;
  toInput(value: unknown): I;
  isEmpty(input: I): boolean;
  /** Checks a non-empty input; errors name `name` or one of its parts (`${name}.postalCode`). */
  parse(input: I, field: F, ctx: ParseContext): { value?: V; errors?: FieldError[] };
  /** Errors when a required field is empty (default: one at `name` with the kind's message). */
  missing(field: F, ctx: ParseContext): FieldError[];
  render(props: RenderProps<F, I>): JSX.Element;
  /** The answer as lines of plain text for "Ihre Angaben prüfen" and the receipt. */
  display(value: V, field: F, lang: Lang): string[];
}

export interface ParseContext {
  /** The field's name in the form body (`dogName`, `items[0].kind`). */
  name: string;
  lang: Lang;
  label: string;
  /** Today in Europe/Berlin, `yyyy-mm-dd`. */
  today: string;
  /** The typed answer of another field in scope (same repeat item first), for date bounds. */
  valueOf(id: string): unknown;
  /** Label of another field, for messages that name it. */
  labelOf(id: string): string;
}

export interface RenderProps<F, I> {
  field: F;
  name: string;
  input: I;
  errors: readonly FieldError[];
  lang: Lang;
  label: string;
  hint: string | undefined;
  optional: boolean;
}

/** The erased kind the engine works with; each kind file keeps its own precise types. */
export type AnyFieldKind = FieldKind<unknown, unknown, unknown>;

export function defineKind<F, I, V>(kind: FieldKind<F, I, V>): AnyFieldKind {
  return kind as unknown as AnyFieldKind;
}

export function localize(text: LocalText, lang: Lang): string;
export function localize(text: LocalText | undefined, lang: Lang): string | undefined;
export function localize(text: LocalText | undefined, lang: Lang): string | undefined {
  if (!text) return undefined;
  return lang === "en" ? (text.en ?? text.de) : text.de;
}

type WithMessages = { messages?: { required?: LocalText; invalid?: LocalText } };

/** The definition's own wording for a message, else the kind's generic one. */
export function messageFor(
  field: unknown,
  key: "required" | "invalid",
  lang: Lang,
  fallback: string,
): string {
  return localize((field as WithMessages).messages?.[key], lang) ?? fallback;
}

export const fail = (name: string, message: string): { errors: FieldError[] } => ({
  errors: [{ field: name, message }],
});

/** A value as a string when it is one (or a finite number), else "" — how stored scalars become input. */
export function stringInput(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return "";
}

export const hasControlChars = (value: string): boolean => /[\p{Cc}\p{Cf}]/u.test(value);

/** Name of the submit buttons that change a step instead of going on (see engine/form-body.ts). */
export const actionField = "_action";

/** The props every core form control takes, from a kind's render props. */
export function controlProps<F, I>(props: RenderProps<F, I>) {
  return {
    lang: props.lang,
    name: props.name,
    label: props.label,
    hint: props.hint,
    optional: props.optional,
    error: errorFor(props.errors, props.name),
  };
}
