/**
 * IBAN checks shared by the form engine's IBAN field and the payment platform simulator's direct debit.
 * The check is the one banks do before anything else: shape, then the ISO 13616 check digits.
 */

/** As typed ("de02 1203-0000 …") to the stored form: no spaces or dashes, capitals. */
export const compactIban = (text: string): string => text.replace(/[\s-]/g, "").toUpperCase();

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

/** What is wrong with a compact IBAN, or undefined when it is valid; German ones must have 22 characters. */
export function ibanProblem(iban: string): "shape" | "checksum" | undefined {
  const shape = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban) && (!iban.startsWith("DE") || iban.length === 22);
  if (!shape) return "shape";
  return ibanChecksumValid(iban) ? undefined : "checksum";
}

/** "DE02120300000000202051" → "DE02 1203 0000 0000 2020 51" */
export const groupedIban = (iban: string): string => iban.replace(/(.{4})(?=.)/g, "$1 ");
