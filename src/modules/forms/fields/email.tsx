import { type Static, Type } from "@sinclair/typebox";
import { answerableProps } from "../definition/parts.ts";
import { formsMessages } from "../forms.messages.ts";
import { fail, messageFor } from "./field-kind.ts";
import { textLikeKind } from "./text-like.tsx";

export const emailFieldSchema = Type.Object(
  { type: Type.Literal("email"), ...answerableProps },
  { additionalProperties: false },
);
export type EmailFieldDef = Static<typeof emailFieldSchema>;

export const emailKind = textLikeKind<EmailFieldDef, string>({
  type: "email",
  schema: emailFieldSchema,
  inputType: "email",
  maxLength: () => 254,
  check: (text, field, ctx) =>
    /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(text)
      ? { value: text }
      : fail(ctx.name, messageFor(field, "invalid", ctx.lang, formsMessages[ctx.lang].email)),
});
