import { type Static, Type } from "@sinclair/typebox";
import { readString } from "#core/http/form-page.ts";
import { format } from "#core/i18n/messages.ts";
import { TextArea } from "#core/views/form/index.ts";
import { answerableProps } from "../definition/parts.ts";
import { formsMessages } from "../forms.messages.ts";
import { controlProps, defineKind, fail, stringInput } from "./field-kind.ts";
import { missingEnter, textProblem } from "./text-like.tsx";

export const textareaFieldSchema = Type.Object(
  {
    type: Type.Literal("textarea"),
    ...answerableProps,
    minLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    /** 2,000 unless told. */
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    rows: Type.Optional(Type.Integer({ minimum: 2, maximum: 20 })),
  },
  { additionalProperties: false },
);
export type TextareaFieldDef = Static<typeof textareaFieldSchema>;

/** Several lines of text, e.g. a description; line breaks are kept (as `\n`). */
export const textareaKind = defineKind<TextareaFieldDef, string, string>({
  type: "textarea",
  schema: textareaFieldSchema,
  fromBody: true,
  read: readString,
  toInput: stringInput,
  isEmpty: (input) => input.trim() === "",
  parse(input, field, ctx) {
    const text = input.replace(/\r\n?/g, "\n").trim();
    const problem = textProblem(text, field.maxLength ?? 2000, ctx, true);
    if (problem) return fail(ctx.name, problem);
    if (field.minLength && text.length < field.minLength)
      return fail(
        ctx.name,
        format(formsMessages[ctx.lang].tooShort, { label: ctx.label, min: field.minLength }),
      );
    return { value: text };
  },
  missing: missingEnter,
  render: (props) => <TextArea {...controlProps(props)} rows={props.field.rows} value={props.input} />,
  display: (value) => value.split("\n"),
});
