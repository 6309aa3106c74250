import { type Static, Type } from "@sinclair/typebox";
import { format } from "#core/i18n/messages.ts";
import { answerableProps, TextSchema } from "../definition/parts.ts";
import { formsMessages } from "../forms.messages.ts";
import { fail, localize } from "./field-kind.ts";
import { textLikeKind } from "./text-like.tsx";

export const textFieldSchema = Type.Object(
  {
    type: Type.Literal("text"),
    ...answerableProps,
    minLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    /** 200 unless told. */
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    /** The whole answer must match `regex` (JavaScript syntax, `u` flag); `message` says what to enter. */
    pattern: Type.Optional(
      Type.Object(
        { regex: Type.String({ minLength: 1, maxLength: 500 }), message: TextSchema },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type TextFieldDef = Static<typeof textFieldSchema>;

const patterns = new Map<string, RegExp>();
/** The compiled pattern, anchored to the whole answer (definitions are checked to compile on save). */
export function wholeMatch(regex: string): RegExp {
  let compiled = patterns.get(regex);
  if (!compiled) {
    compiled = new RegExp(`^(?:${regex})$`, "u");
    patterns.set(regex, compiled);
  }
  return compiled;
}

/** One line of text, e.g. a name. Inner runs of white space become one space. */
export const textKind = textLikeKind<TextFieldDef, string>({
  type: "text",
  schema: textFieldSchema,
  maxLength: (field) => field.maxLength ?? 200,
  check(raw, field, ctx) {
    const text = raw.replace(/\s+/g, " ");
    if (field.minLength && text.length < field.minLength)
      return fail(
        ctx.name,
        format(formsMessages[ctx.lang].tooShort, { label: ctx.label, min: field.minLength }),
      );
    if (field.pattern && !wholeMatch(field.pattern.regex).test(text))
      return fail(ctx.name, localize(field.pattern.message, ctx.lang));
    return { value: text };
  },
});
