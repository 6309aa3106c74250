import { type Static, Type } from "@sinclair/typebox";
import { readStrings } from "#core/http/form-page.ts";
import { format } from "#core/i18n/messages.ts";
import { CheckboxGroup } from "#core/views/form/index.ts";
import { answerableProps, OptionsSchema } from "../definition/parts.ts";
import { formsMessages } from "../forms.messages.ts";
import { choiceOptions, isOption, missingChoice, optionLabel } from "./choice.ts";
import { controlProps, defineKind, fail } from "./field-kind.ts";

export const checkboxesFieldSchema = Type.Object(
  {
    type: Type.Literal("checkboxes"),
    ...answerableProps,
    options: OptionsSchema,
    minSelected: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    maxSelected: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type CheckboxesFieldDef = Static<typeof checkboxesFieldSchema>;

/** Choose any number of options; stored as their values in the order of the options. */
export const checkboxesKind = defineKind<CheckboxesFieldDef, string[], string[]>({
  type: "checkboxes",
  schema: checkboxesFieldSchema,
  fromBody: true,
  read: readStrings,
  toInput: (value) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []),
  isEmpty: (input) => input.length === 0,
  parse(input, field, ctx) {
    const t = formsMessages[ctx.lang];
    const label = ctx.label;
    if (!input.every((value) => isOption(field, value)))
      return fail(ctx.name, format(t.chooseKnown, { label }));
    const value = field.options.map((o) => o.value).filter((v) => input.includes(v));
    if (field.minSelected && value.length < field.minSelected)
      return fail(ctx.name, format(t.chooseAtLeast, { label, min: field.minSelected }));
    if (field.maxSelected && value.length > field.maxSelected)
      return fail(ctx.name, format(t.chooseAtMost, { label, max: field.maxSelected }));
    return { value };
  },
  missing: (field, ctx) => missingChoice(field, ctx, "chooseSome"),
  render: (props) => (
    <CheckboxGroup
      {...controlProps(props)}
      options={choiceOptions(props.field, props.lang)}
      values={props.input}
    />
  ),
  display: (value, field, lang) => value.map((v) => optionLabel(field, v, lang)),
});
