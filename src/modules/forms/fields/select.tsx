import { type Static, Type } from "@sinclair/typebox";
import { Select } from "#core/views/form/index.ts";
import { answerableProps, OptionsSchema } from "../definition/parts.ts";
import { choiceOptions, optionLabel, parseChoice, singleChoiceKind } from "./choice.ts";
import { controlProps } from "./field-kind.ts";

export const selectFieldSchema = Type.Object(
  { type: Type.Literal("select"), ...answerableProps, options: OptionsSchema },
  { additionalProperties: false },
);
export type SelectFieldDef = Static<typeof selectFieldSchema>;

/** A drop-down list, for many options (for a few, radios are easier). */
export const selectKind = singleChoiceKind<SelectFieldDef, string>({
  type: "select",
  schema: selectFieldSchema,
  missing: "choose",
  parse: parseChoice,
  render: (props) => (
    <Select {...controlProps(props)} options={choiceOptions(props.field, props.lang)} value={props.input} />
  ),
  display: (value, field, lang) => [optionLabel(field, value, lang)],
});
