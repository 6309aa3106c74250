import { type Static, Type } from "@sinclair/typebox";
import { RadioGroup } from "#core/views/form/index.ts";
import { answerableProps, OptionsSchema } from "../definition/parts.ts";
import { choiceOptions, optionLabel, parseChoice, singleChoiceKind } from "./choice.ts";
import { controlProps } from "./field-kind.ts";

export const radiosFieldSchema = Type.Object(
  {
    type: Type.Literal("radios"),
    ...answerableProps,
    options: OptionsSchema,
    /** Options side by side (only a few short ones). */
    inline: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type RadiosFieldDef = Static<typeof radiosFieldSchema>;

/** Choose exactly one of a few options. */
export const radiosKind = singleChoiceKind<RadiosFieldDef, string>({
  type: "radios",
  schema: radiosFieldSchema,
  missing: "choose",
  parse: parseChoice,
  render: (props) => (
    <RadioGroup
      {...controlProps(props)}
      inline={props.field.inline}
      options={choiceOptions(props.field, props.lang)}
      value={props.input}
    />
  ),
  display: (value, field, lang) => [optionLabel(field, value, lang)],
});
