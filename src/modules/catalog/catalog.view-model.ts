import type { Lang } from "#core/i18n/lang.ts";
import { renderMarkdown } from "./catalog.markdown.ts";
import { byName, type CatalogService, pick } from "./catalog.model.ts";
import { applicationStartPath, catalogPaths } from "./catalog.paths.ts";
import {
  categoryLabel,
  type LifeSituation,
  lifeSituationKeys,
  lifeSituationLabel,
} from "./catalog.vocabulary.ts";
import { formatLeikaKey } from "./leika.ts";

/** A text and, when it is not in the page's language, the language to mark it with (lang="de"). */
export interface Text {
  text: string;
  lang: Lang | undefined;
}

function text(value: { text: string; lang: Lang }, pageLang: Lang): Text {
  return { text: value.text, lang: value.lang === pageLang ? undefined : value.lang };
}

export interface ServiceItem {
  href: string;
  name: Text;
  summary: Text;
  online: boolean;
}

export function serviceItem(service: CatalogService, lang: Lang, base: string): ServiceItem {
  return {
    href: catalogPaths.service(base, service.slug),
    name: text(pick(service.name, lang), lang),
    summary: text(pick(service.summary, lang), lang),
    online: service.formKey !== null,
  };
}

export function serviceItems(services: CatalogService[], lang: Lang, base: string): ServiceItem[] {
  return services.map((s) => serviceItem(s, lang, base));
}

export interface LifeSituationLink {
  key: LifeSituation;
  href: string;
  label: string;
}

export function lifeSituationLinks(lang: Lang, base: string): LifeSituationLink[] {
  return lifeSituationKeys.map((key) => ({
    key,
    href: catalogPaths.lifeSituation(base, key),
    label: lifeSituationLabel(key, lang),
  }));
}

export interface LetterGroup {
  letter: string;
  id: string;
  items: ServiceItem[];
}

/** A–Z: services sorted by their shown name and grouped by its first letter (Ä under A). */
export function letterGroups(services: CatalogService[], lang: Lang, base: string): LetterGroup[] {
  const groups = new Map<string, ServiceItem[]>();
  for (const service of [...services].sort(byName(lang))) {
    const first = pick(service.name, lang).text.normalize("NFD").charAt(0).toUpperCase();
    const letter = /[A-Z]/.test(first) ? first : "#";
    groups.set(letter, [...(groups.get(letter) ?? []), serviceItem(service, lang, base)]);
  }
  return [...groups].map(([letter, items]) => ({
    letter,
    id: `buchstabe-${letter === "#" ? "0" : letter}`,
    items,
  }));
}

export interface ServicePageModel {
  name: Text;
  summary: Text;
  /** Safe HTML rendered from the Markdown description. */
  descriptionHtml: string;
  descriptionLang: Lang | undefined;
  plainLanguage: string;
  applyHref: string | undefined;
  fullyOnline: boolean;
  office: CatalogService["office"];
  openingHours: CatalogService["openingHours"];
  fees: string;
  documents: string[];
  legalBases: CatalogService["legalBases"];
  processingTime: string;
  categories: string[];
  lifeSituations: LifeSituationLink[];
  leikaKey: string | undefined;
}

export function servicePageModel(service: CatalogService, lang: Lang, base: string): ServicePageModel {
  const description = pick(service.description, lang);
  return {
    name: text(pick(service.name, lang), lang),
    summary: text(pick(service.summary, lang), lang),
    descriptionHtml: description.text ? renderMarkdown(description.text) : "",
    descriptionLang: description.lang === lang ? undefined : description.lang,
    plainLanguage: service.plainLanguage,
    applyHref: service.formKey ? applicationStartPath(base, service.slug) : undefined,
    fullyOnline: service.fullyOnline,
    office: service.office,
    openingHours: service.openingHours,
    fees: service.fees,
    documents: service.documents,
    legalBases: service.legalBases,
    processingTime: service.processingTime,
    categories: service.categories.map((key) => categoryLabel(key, lang)),
    lifeSituations: lifeSituationLinks(lang, base).filter((l) => service.lifeSituations.includes(l.key)),
    leikaKey: service.leikaKey && formatLeikaKey(service.leikaKey),
  };
}
