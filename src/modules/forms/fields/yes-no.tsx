import { type Static, Type } from "@sinclair/typebox";
import { format } from "#core/i18n/messages.ts";
import { RadioGroup } from "#core/views/form/index.ts";
import { answerableProps } from "../definition/parts.ts";
import { formsMessages } from "../forms.messages.ts";
import { singleChoiceKind } from "./choice.ts";
import { controlProps, fail } from "./field-kind.ts";

export const yesNoFieldSchema = Type.Object(
  { type: Type.Literal("yesNo"), ...answerableProps },
  { additionalProperties: false },
);
export type YesNoFieldDef = Static<typeof yesNoFieldSchema>;

/** "Ja" or "Nein" as two inline radios; stored as true or false. */
export const yesNoKind = singleChoiceKind<YesNoFieldDef, boolean>({
  type: "yesNo",
  schema: yesNoFieldSchema,
  missing: "yesNo",
  toInput: (value) => (value === true ? "yes" : value === false ? "no" : ""),
  parse: (input, _field, ctx) =>
    input === "yes" || input === "no"
      ? { value: input === "yes" }
      : fail(ctx.name, format(formsMessages[ctx.lang].yesNo, { label: ctx.label })),
  render: (props) => {
    const t = formsMessages[props.lang];
    const options = [
      { value: "yes", label: t.yes },
      { value: "no", label: t.no },
    ];
    return <RadioGroup {...controlProps(props)} inline options={options} value={props.input} />;
  },
  display: (value, _field, lang) => [value ? formsMessages[lang].yes : formsMessages[lang].no],
});
