import type { Lang } from "#core/i18n/lang.ts";

interface Term {
  de: string;
  en: string;
}

/**
 * Life situations (Lebenslagen): how citizens think of their concern ("Ich ziehe um"), not how the
 * administration is organised. Keys appear in URLs (/{slug}/lebenslagen/{key}) and in the API.
 */
export const lifeSituations = {
  umzug: { de: "Umzug und Wohnen", en: "Moving house" },
  "ausweise-reisen": { de: "Ausweise und Reisen", en: "Identity documents and travel" },
  "familie-kinder": { de: "Familie und Kinder", en: "Family and children" },
  "heirat-partnerschaft": { de: "Heirat und Partnerschaft", en: "Marriage and partnership" },
  todesfall: { de: "Todesfall", en: "Bereavement" },
  "hund-haustier": { de: "Hund und Haustier", en: "Dogs and pets" },
  "auto-verkehr": { de: "Auto und Verkehr", en: "Cars and traffic" },
  "bauen-grundstueck": { de: "Bauen und Grundstück", en: "Building and property" },
  "unternehmen-gewerbe": { de: "Unternehmen und Gewerbe", en: "Business and trade" },
  "veranstaltungen-feste": { de: "Veranstaltungen und Feste", en: "Events and festivals" },
  "abfall-umwelt": { de: "Abfall und Umwelt", en: "Waste and environment" },
  "wahlen-ehrenamt": { de: "Wahlen und Ehrenamt", en: "Elections and volunteering" },
} as const satisfies Record<string, Term>;

/** Subject areas of the administration, shown as the service's categories. */
export const categories = {
  buergerservice: { de: "Bürgerservice und Meldewesen", en: "Citizen services and registration" },
  standesamt: { de: "Standesamt", en: "Registry office" },
  "steuern-abgaben": { de: "Steuern und Abgaben", en: "Taxes and charges" },
  "ordnung-verkehr": { de: "Ordnung und Verkehr", en: "Public order and traffic" },
  bauen: { de: "Bauen und Planen", en: "Building and planning" },
  wirtschaft: { de: "Wirtschaft und Gewerbe", en: "Economy and trade" },
  soziales: { de: "Familie und Soziales", en: "Family and social affairs" },
  umwelt: { de: "Abfall, Umwelt und Friedhof", en: "Waste, environment and cemeteries" },
  wahlen: { de: "Wahlen", en: "Elections" },
} as const satisfies Record<string, Term>;

export type LifeSituation = keyof typeof lifeSituations;
export type Category = keyof typeof categories;

export const lifeSituationKeys = Object.keys(lifeSituations) as LifeSituation[];
export const categoryKeys = Object.keys(categories) as Category[];

export function isLifeSituation(key: string): key is LifeSituation {
  return Object.hasOwn(lifeSituations, key);
}

export function isCategory(key: string): key is Category {
  return Object.hasOwn(categories, key);
}

export function lifeSituationLabel(key: LifeSituation, lang: Lang): string {
  return lifeSituations[key][lang];
}

export function categoryLabel(key: Category, lang: Lang): string {
  return categories[key][lang];
}
