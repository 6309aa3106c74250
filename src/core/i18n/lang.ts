export const languages = ["de", "en"] as const;
export type Lang = (typeof languages)[number];
export const defaultLang: Lang = "de";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

/**
 * Picks the language from an explicit choice (query or cookie) or else the Accept-Language header.
 * Malformed headers are ignored, never an error: the default is German.
 */
export function negotiateLang(choice: unknown, acceptLanguage: string | undefined): Lang {
  if (isLang(choice)) return choice;
  if (!acceptLanguage || acceptLanguage.length > 500) return defaultLang;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return {
        lang: tag.trim().toLowerCase().split("-")[0],
        weight: Number.isFinite(weight) ? weight : 0,
        index,
      };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((entry) => entry.lang).find(isLang) ?? defaultLang;
}
