import type { FieldError } from "#core/http/errors.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { defineMessages } from "#core/i18n/messages.ts";
import { maxAmountCents } from "#core/money/index.ts";
import type { LegalBasis, OfficeContact, OpeningHoursEntry } from "./catalog.model.ts";
import { type PaymentPolicy, paymentPolicies } from "./catalog.schema.ts";
import { isCategory, isLifeSituation } from "./catalog.vocabulary.ts";
import { normalizeLeikaKey } from "./leika.ts";

/** What a municipality (seed, later the back office) enters for a service; German texts are required. */
export interface ServiceInput {
  slug: string;
  leikaKey?: string;
  name: string;
  nameEn?: string;
  summary?: string;
  summaryEn?: string;
  description?: string;
  descriptionEn?: string;
  plainLanguage?: string;
  keywords?: string;
  lifeSituations?: string[];
  categories?: string[];
  departmentId?: string | null;
  office?: Partial<OfficeContact>;
  openingHours?: OpeningHoursEntry[];
  fees?: string;
  paymentPolicy?: PaymentPolicy;
  fixedFeeCents?: number;
  feeLegalBasis?: string;
  documents?: string[];
  legalBases?: LegalBasis[];
  processingTime?: string;
  fullyOnline?: boolean;
  formKey?: string | null;
  popularity?: number;
}

const messages = defineMessages(
  {
    slug: "Verwenden Sie Kleinbuchstaben, Ziffern und einzelne Bindestriche (höchstens 80 Zeichen).",
    leikaKey: "Der Leistungsschlüssel (LeiKa) hat 14 Ziffern, z. B. 99102013104000.",
    name: "Geben Sie den Namen der Leistung an (höchstens 200 Zeichen).",
    tooLong: "Dieser Text ist zu lang.",
    lifeSituations: "Wählen Sie nur Lebenslagen aus der Liste.",
    categories: "Wählen Sie nur Themen aus der Liste.",
    legalBases: "Geben Sie zu jeder Rechtsgrundlage einen Titel und als Link eine https-Adresse an.",
    formKey: "Der Formularschlüssel besteht aus Kleinbuchstaben, Ziffern und einzelnen Bindestrichen.",
    popularity: "Die Beliebtheit ist eine ganze Zahl ab 0.",
    paymentPolicy: "Wählen Sie, wann die Gebühr bezahlt wird.",
    fixedFeeCents: "Die feste Gebühr ist ein Betrag in Cent ab 0 (höchstens 1.000.000,00 €).",
  },
  {
    slug: "Use lower-case letters, digits and single hyphens (at most 80 characters).",
    leikaKey: "The service key (LeiKa) has 14 digits, e.g. 99102013104000.",
    name: "Give the name of the service (at most 200 characters).",
    tooLong: "This text is too long.",
    lifeSituations: "Choose life situations from the list only.",
    categories: "Choose topics from the list only.",
    legalBases: "Give each legal basis a title and, as its link, an https address.",
    formKey: "The form key consists of lower-case letters, digits and single hyphens.",
    popularity: "The popularity is a whole number from 0.",
    paymentPolicy: "Choose when the fee is paid.",
    fixedFeeCents: "The fixed fee is an amount in cents from 0 (at most €1,000,000.00).",
  },
);

const keyPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const limits: Partial<Record<keyof ServiceInput, number>> = {
  nameEn: 200,
  summary: 600,
  summaryEn: 600,
  description: 20_000,
  descriptionEn: 20_000,
  plainLanguage: 4_000,
  keywords: 1_000,
  fees: 2_000,
  feeLegalBasis: 300,
  processingTime: 300,
};

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}

/** Every problem of the input at once, as messages to the person who typed it. */
export function validateServiceInput(input: ServiceInput, lang: Lang = "de"): FieldError[] {
  const t = messages[lang];
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });
  if (!keyPattern.test(input.slug) || input.slug.length > 80) add("slug", t.slug);
  if (input.leikaKey && !normalizeLeikaKey(input.leikaKey)) add("leikaKey", t.leikaKey);
  if (!input.name.trim() || input.name.length > 200) add("name", t.name);
  for (const [field, max] of Object.entries(limits)) {
    const value = input[field as keyof ServiceInput];
    if (typeof value === "string" && value.length > (max ?? 0)) add(field, t.tooLong);
  }
  if (!(input.lifeSituations ?? []).every(isLifeSituation)) add("lifeSituations", t.lifeSituations);
  if (!(input.categories ?? []).every(isCategory)) add("categories", t.categories);
  const legalOk = (input.legalBases ?? []).every((b) => b.title.trim() && (!b.url || isHttpsUrl(b.url)));
  if (!legalOk) add("legalBases", t.legalBases);
  if (input.formKey && !keyPattern.test(input.formKey)) add("formKey", t.formKey);
  if (input.paymentPolicy && !paymentPolicies.includes(input.paymentPolicy))
    add("paymentPolicy", t.paymentPolicy);
  const fixedFee = input.fixedFeeCents ?? 0;
  if (!Number.isInteger(fixedFee) || fixedFee < 0 || fixedFee > maxAmountCents)
    add("fixedFeeCents", t.fixedFeeCents);
  const popularity = input.popularity ?? 0;
  if (!Number.isInteger(popularity) || popularity < 0 || popularity > 1_000_000)
    add("popularity", t.popularity);
  return errors;
}
