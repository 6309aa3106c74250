import { type Static, Type } from "@sinclair/typebox";
import { compactIban, groupedIban, ibanProblem } from "#core/money/iban.ts";
import { answerableProps } from "../definition/parts.ts";
import { formsMessages } from "../forms.messages.ts";
import { fail, messageFor } from "./field-kind.ts";
import { textLikeKind } from "./text-like.tsx";

export const ibanFieldSchema = Type.Object(
  { type: Type.Literal("iban"), ...answerableProps },
  { additionalProperties: false },
);
export type IbanFieldDef = Static<typeof ibanFieldSchema>;

/** An IBAN, stored without spaces in capitals; German ones must have 22 characters. */
export const ibanKind = textLikeKind<IbanFieldDef, string>({
  type: "iban",
  schema: ibanFieldSchema,
  spellcheck: false,
  maxLength: () => 50,
  check(text, field, ctx) {
    const t = formsMessages[ctx.lang];
    const iban = compactIban(text);
    const problem = ibanProblem(iban);
    if (problem === "shape") return fail(ctx.name, messageFor(field, "invalid", ctx.lang, t.iban));
    return problem === "checksum" ? fail(ctx.name, t.ibanChecksum) : { value: iban };
  },
  display: (value) => [groupedIban(value)],
});
