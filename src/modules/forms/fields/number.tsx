import { type Static, Type } from "@sinclair/typebox";
import type { Lang } from "#core/i18n/lang.ts";
import { format } from "#core/i18n/messages.ts";
import { answerableProps, TextSchema } from "../definition/parts.ts";
import { formsMessages } from "../forms.messages.ts";
import { fail, localize, messageFor } from "./field-kind.ts";
import { textLikeKind } from "./text-like.tsx";

const limit = Type.Number({ minimum: -1e12, maximum: 1e12 });

export const numberFieldSchema = Type.Object(
  {
    type: Type.Literal("number"),
    ...answerableProps,
    min: Type.Optional(limit),
    max: Type.Optional(limit),
    integer: Type.Optional(Type.Boolean()),
    /** Shown after the answer in the summary, e.g. "m²". */
    unit: Type.Optional(TextSchema),
  },
  { additionalProperties: false },
);
export type NumberFieldDef = Static<typeof numberFieldSchema>;

export const formatNumber = (value: number, lang: Lang): string =>
  value.toLocaleString(lang === "en" ? "en-GB" : "de-DE", { maximumFractionDigits: 6 });

/** A quantity; German decimal comma or a point, no thousands separators (so "1.000" is not ambiguous). */
export const numberKind = textLikeKind<NumberFieldDef, number>({
  type: "number",
  schema: numberFieldSchema,
  inputmode: "decimal",
  width: 4,
  maxLength: () => 30,
  check(text, field, ctx) {
    const t = formsMessages[ctx.lang];
    const label = ctx.label;
    if (!/^[+-]?\d{1,12}([.,]\d{1,6})?$/.test(text))
      return fail(ctx.name, messageFor(field, "invalid", ctx.lang, format(t.number, { label })));
    const value = Number(text.replace(",", "."));
    if (field.integer && !Number.isInteger(value)) return fail(ctx.name, format(t.wholeNumber, { label }));
    if (field.min !== undefined && value < field.min)
      return fail(ctx.name, format(t.numberAtLeast, { label, min: formatNumber(field.min, ctx.lang) }));
    if (field.max !== undefined && value > field.max)
      return fail(ctx.name, format(t.numberAtMost, { label, max: formatNumber(field.max, ctx.lang) }));
    return { value };
  },
  display: (value, field, lang) => {
    const unit = localize(field.unit, lang);
    return [unit ? `${formatNumber(value, lang)} ${unit}` : formatNumber(value, lang)];
  },
});
