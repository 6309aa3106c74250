/**
 * LeiKa-Schlüssel (Leistungsschlüssel of the German Leistungskatalog, FIM Baustein Leistungen): 14 digits,
 * read in five parts, e.g. 99 102 013 104 000 = Hundesteuer, Anmeldung:
 * - 2 digits: the catalogue ("99" for the national LeiKa; regional extensions use other prefixes),
 * - 3 digits: the Leistungsgruppierung (group of subjects),
 * - 3 digits: the Leistungskennung (the subject, e.g. 013 Hundesteuer within 102),
 * - 3 digits: the Verrichtungskennung (what is done, e.g. 104 Anmeldung, 012 Ausstellung),
 * - 3 digits: the Verrichtungsdetail (000 when there is none).
 */
export interface LeikaParts {
  catalogue: string;
  group: string;
  subject: string;
  action: string;
  detail: string;
}

const leikaPattern = /^(\d{2})(\d{3})(\d{3})(\d{3})(\d{3})$/;

export function parseLeikaKey(value: string): LeikaParts | undefined {
  const match = leikaPattern.exec(value);
  if (!match) return undefined;
  const [, catalogue = "", group = "", subject = "", action = "", detail = ""] = match;
  return { catalogue, group, subject, action, detail };
}

export function isLeikaKey(value: string): boolean {
  return leikaPattern.test(value);
}

/** Accepts the key with the usual spaces ("99 102 013 104 000") and returns the 14 digits, or undefined. */
export function normalizeLeikaKey(value: string): string | undefined {
  const digits = value.replace(/\s+/g, "");
  return isLeikaKey(digits) ? digits : undefined;
}

/** "99102013104000" → "99 102 013 104 000", as the key is usually printed. */
export function formatLeikaKey(value: string): string {
  const parts = parseLeikaKey(value);
  return parts ? Object.values(parts).join(" ") : value;
}
