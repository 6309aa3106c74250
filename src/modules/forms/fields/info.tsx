import { type Static, Type } from "@sinclair/typebox";
import { ConditionSchema, FieldIdSchema, TextSchema } from "../definition/parts.ts";
import { defineKind, localize } from "./field-kind.ts";

/** Text between the questions (a notice, what happens next); it has no answer. `label` is its heading. */
export const infoFieldSchema = Type.Object(
  {
    type: Type.Literal("info"),
    id: FieldIdSchema,
    label: Type.Optional(TextSchema),
    text: TextSchema,
    visibleWhen: Type.Optional(ConditionSchema),
  },
  { additionalProperties: false },
);
export type InfoFieldDef = Static<typeof infoFieldSchema>;

/** Paragraphs are separated by an empty line. */
export const infoKind = defineKind<InfoFieldDef, null, never>({
  type: "info",
  schema: infoFieldSchema,
  fromBody: false,
  read: () => null,
  toInput: () => null,
  isEmpty: () => true,
  parse: () => ({}),
  missing: () => [],
  render: (props) => (
    <div class="kern-stack-sm form-info">
      {props.label ? (
        <h2 class="kern-heading-small" safe>
          {props.label}
        </h2>
      ) : (
        ""
      )}
      {localize(props.field.text, props.lang)
        .split(/\n\s*\n/)
        .map((paragraph) => (
          <p class="kern-body" safe>
            {paragraph}
          </p>
        ))}
    </div>
  ),
  display: () => [],
});
