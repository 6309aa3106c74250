import { type Static, Type } from "@sinclair/typebox";
import { answerableProps } from "../definition/parts.ts";
import { formsMessages } from "../forms.messages.ts";
import { fail, messageFor } from "./field-kind.ts";
import { textLikeKind } from "./text-like.tsx";

export const ibanFieldSchema = Type.Object(
  { type: Type.Literal("iban"), ...answerableProps },
  { additionalProperties: false },
);
export type IbanFieldDef = Static<typeof ibanFieldSchema>;

/** ISO 13616 check: move the first four characters to the end, letters to 10–35, the number mod 97 is 1. */
export function ibanChecksumValid(iban: string): boolean {
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const char of moved) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest === 1;
}

/** "DE02120300000000202051" → "DE02 1203 0000 0000 2020 51" */
export const groupedIban = (iban: string): string => iban.replace(/(.{4})(?=.)/g, "$1 ");

/** An IBAN, stored without spaces in capitals; German ones must have 22 characters. */
export const ibanKind = textLikeKind<IbanFieldDef, string>({
  type: "iban",
  schema: ibanFieldSchema,
  spellcheck: false,
  maxLength: () => 50,
  check(text, field, ctx) {
    const t = formsMessages[ctx.lang];
    const iban = text.replace(/[\s-]/g, "").toUpperCase();
    const shape =
      /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban) && (!iban.startsWith("DE") || iban.length === 22);
    if (!shape) return fail(ctx.name, messageFor(field, "invalid", ctx.lang, t.iban));
    return ibanChecksumValid(iban) ? { value: iban } : fail(ctx.name, t.ibanChecksum);
  },
  display: (value) => [groupedIban(value)],
});
