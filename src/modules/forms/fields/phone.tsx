import { type Static, Type } from "@sinclair/typebox";
import { answerableProps } from "../definition/parts.ts";
import { formsMessages } from "../forms.messages.ts";
import { fail, messageFor } from "./field-kind.ts";
import { textLikeKind } from "./text-like.tsx";

export const phoneFieldSchema = Type.Object(
  { type: Type.Literal("phone"), ...answerableProps },
  { additionalProperties: false },
);
export type PhoneFieldDef = Static<typeof phoneFieldSchema>;

/** A telephone number as people write it: digits, spaces, `+ / ( ) -`, at least five digits. */
export const phoneKind = textLikeKind<PhoneFieldDef, string>({
  type: "phone",
  schema: phoneFieldSchema,
  inputType: "tel",
  maxLength: () => 30,
  check: (text, field, ctx) =>
    /^\+?[\d\s/()-]+$/.test(text) && text.replace(/\D/g, "").length >= 5
      ? { value: text.replace(/\s+/g, " ") }
      : fail(ctx.name, messageFor(field, "invalid", ctx.lang, formsMessages[ctx.lang].phone)),
});
