import { type Static, Type } from "@sinclair/typebox";
import { readChecked } from "#core/http/form-page.ts";
import { Checkbox } from "#core/views/form/index.ts";
import { ConditionSchema, FieldIdSchema, TextSchema } from "../definition/parts.ts";
import { formsMessages } from "../forms.messages.ts";
import { controlProps, defineKind, messageFor } from "./field-kind.ts";

/** A statement the citizen must tick to go on ("Ich versichere, dass meine Angaben richtig sind"). */
export const declarationFieldSchema = Type.Object(
  {
    type: Type.Literal("declaration"),
    id: FieldIdSchema,
    label: TextSchema,
    hint: Type.Optional(TextSchema),
    visibleWhen: Type.Optional(ConditionSchema),
    messages: Type.Optional(
      Type.Object({ required: Type.Optional(TextSchema) }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);
export type DeclarationFieldDef = Static<typeof declarationFieldSchema>;

export const declarationKind = defineKind<DeclarationFieldDef, boolean, true>({
  type: "declaration",
  schema: declarationFieldSchema,
  fromBody: true,
  read: (body, name) => readChecked(body, name),
  toInput: (value) => value === true,
  isEmpty: (input) => !input,
  parse: () => ({ value: true }),
  missing: (field, ctx) => [
    { field: ctx.name, message: messageFor(field, "required", ctx.lang, formsMessages[ctx.lang].confirm) },
  ],
  render: (props) => <Checkbox {...controlProps(props)} checked={props.input} />,
  display: (_value, _field, lang) => [formsMessages[lang].confirmed],
});
