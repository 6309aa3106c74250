import type { Lang } from "#core/i18n/lang.ts";
import type {
  CatalogServiceRow,
  LegalBasis,
  OfficeContact,
  OpeningHoursEntry,
  PaymentPolicy,
} from "./catalog.schema.ts";
import { type Category, isCategory, isLifeSituation, type LifeSituation } from "./catalog.vocabulary.ts";

export type { LegalBasis, OfficeContact, OpeningHoursEntry, PaymentPolicy };

/** A text the municipality writes in German and may translate; English falls back to German. */
export interface Translated {
  de: string;
  en: string;
}

/** One service (Leistung) of a municipality's catalog. */
export interface CatalogService {
  id: string;
  slug: string;
  leikaKey: string | undefined;
  name: Translated;
  /** Short description, one or two sentences, plain text. */
  summary: Translated;
  /** Full description, safe Markdown. */
  description: Translated;
  /** Summary in plain German (Leichte/einfache Sprache). */
  plainLanguage: string;
  /** Further words people search for ("Hundemarke"), not shown. */
  keywords: string;
  lifeSituations: LifeSituation[];
  categories: Category[];
  /** Department (Fachbereich) that handles applications, from the staff module; null when not assigned. */
  departmentId: string | null;
  /** Contact shown to citizens: the office they go to, which need not be a department of the back office. */
  office: OfficeContact;
  openingHours: OpeningHoursEntry[];
  /** The fees as text for the service page; what is charged comes from the form and `fixedFeeCents`. */
  fees: string;
  paymentPolicy: PaymentPolicy;
  /** Charged on top of the form's computed fee (e.g. a flat processing fee), in cents. */
  fixedFeeCents: number;
  /** The fee by-law line shown next to the fee, e.g. "Verwaltungskostensatzung, Tarifstelle 3.1". */
  feeLegalBasis: string;
  documents: string[];
  legalBases: LegalBasis[];
  processingTime: string;
  fullyOnline: boolean;
  /** Names the online form (forms module); null: the service cannot be applied for online yet. */
  formKey: string | null;
  /** Higher is shown first under "Häufig gesucht". */
  popularity: number;
  updatedAt: Date;
}

export function toService(row: CatalogServiceRow): CatalogService {
  return {
    id: row.id,
    slug: row.slug,
    leikaKey: row.leika_key ?? undefined,
    name: { de: row.name_de, en: row.name_en },
    summary: { de: row.summary_de, en: row.summary_en },
    description: { de: row.description_de, en: row.description_en },
    plainLanguage: row.plain_language_de,
    keywords: row.keywords,
    lifeSituations: row.life_situations.filter(isLifeSituation),
    categories: row.categories.filter(isCategory),
    departmentId: row.department_id,
    office: row.office,
    openingHours: row.opening_hours,
    fees: row.fees,
    paymentPolicy: row.payment_policy,
    fixedFeeCents: row.fixed_fee_cents,
    feeLegalBasis: row.fee_legal_basis,
    documents: row.documents,
    legalBases: row.legal_bases,
    processingTime: row.processing_time,
    fullyOnline: row.fully_online,
    formKey: row.form_key,
    popularity: row.popularity,
    updatedAt: row.updated_at,
  };
}

/** The text in the wanted language, or German with its language named so the page can mark it (lang="de"). */
export function pick(text: Translated, lang: Lang): { text: string; lang: Lang } {
  return lang === "en" && text.en ? { text: text.en, lang: "en" } : { text: text.de, lang: "de" };
}

/** Sorts by the name shown in `lang`, the way a German reader expects (ä with a, ß with ss). */
export function byName(lang: Lang) {
  const collator = new Intl.Collator(lang === "de" ? "de-DE" : "en-GB", { sensitivity: "base" });
  return (a: CatalogService, b: CatalogService) =>
    collator.compare(pick(a.name, lang).text, pick(b.name, lang).text);
}
