import type { TSchema } from "@sinclair/typebox";
import type { FieldError } from "#core/http/errors.ts";
import { readString } from "#core/http/form-page.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { format } from "#core/i18n/messages.ts";
import type { ChoiceOptionDef } from "../definition/parts.ts";
import { formsMessages } from "../forms.messages.ts";
import {
  type AnyFieldKind,
  defineKind,
  fail,
  localize,
  messageFor,
  type ParseContext,
  type RenderProps,
  stringInput,
} from "./field-kind.ts";

/** Helpers shared by the choice fields (select, radios, checkboxes). */
interface ChoiceField {
  options: ChoiceOptionDef[];
}

export const choiceOptions = (field: ChoiceField, lang: Lang) =>
  field.options.map((option) => ({
    value: option.value,
    label: localize(option.label, lang),
    hint: localize(option.hint, lang),
  }));

export const optionLabel = (field: ChoiceField, value: string, lang: Lang): string => {
  const option = field.options.find((o) => o.value === value);
  return option ? localize(option.label, lang) : value;
};

export const isOption = (field: ChoiceField, value: string): boolean =>
  field.options.some((option) => option.value === value);

/** "Wählen Sie bei „…“ eine Möglichkeit aus", unless the definition words it itself. */
export function missingChoice(
  field: unknown,
  ctx: ParseContext,
  key: "choose" | "chooseSome" | "yesNo" = "choose",
): FieldError[] {
  const fallback = format(formsMessages[ctx.lang][key], { label: ctx.label });
  return [{ field: ctx.name, message: messageFor(field, "required", ctx.lang, fallback) }];
}

/** One chosen option's value, or the error for a value the page never offered (tampered). */
export function parseChoice(value: string, field: ChoiceField, ctx: ParseContext) {
  return isOption(field, value)
    ? { value }
    : fail(ctx.name, format(formsMessages[ctx.lang].chooseKnown, { label: ctx.label }));
}

/** A field answered by choosing one value (select, radios, yes/no): only the parsing and the control differ. */
export function singleChoiceKind<F, V>(config: {
  type: string;
  schema: TSchema;
  missing: "choose" | "yesNo";
  toInput?: (value: unknown) => string;
  parse(input: string, field: F, ctx: ParseContext): { value?: V; errors?: FieldError[] };
  render(props: RenderProps<F, string>): JSX.Element;
  display(value: V, field: F, lang: Lang): string[];
}): AnyFieldKind {
  return defineKind<F, string, V>({
    type: config.type,
    schema: config.schema,
    fromBody: true,
    read: readString,
    toInput: config.toInput ?? stringInput,
    isEmpty: (input) => input === "",
    parse: config.parse,
    missing: (field, ctx) => missingChoice(field, ctx, config.missing),
    render: config.render,
    display: config.display,
  });
}
