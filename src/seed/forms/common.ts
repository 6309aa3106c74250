import type { LeafField, LocalText } from "#modules/forms/index.ts";

/** What differs between the demo municipalities' forms. */
export interface DemoTown {
  name: string;
  postalCode: string;
}

/** A text in German and English. */
export const t = (de: string, en: string): LocalText => ({ de, en });

/** First and last name, prefilled from the profile. */
export const nameFields = (): LeafField[] => [
  { type: "text", id: "givenName", label: t("Vorname", "First name"), prefill: "givenName", maxLength: 100 },
  {
    type: "text",
    id: "familyName",
    label: t("Nachname", "Last name"),
    prefill: "familyName",
    maxLength: 100,
  },
];

/**
 * Name, address, e-mail and telephone: the questions most forms start with. The address must be in the
 * municipality unless `anyAddress` (e.g. a company applying from elsewhere).
 */
export function applicantFields(
  town: DemoTown,
  options: { phoneOptional?: boolean; names?: boolean; anyAddress?: boolean } = {},
): LeafField[] {
  const inTown = {
    hint: t(`Ihre Adresse in ${town.name}.`, `Your address in ${town.name}.`),
    postalCodes: {
      allowed: [town.postalCode],
      message: t(
        `Geben Sie eine Adresse in ${town.name} an (Postleitzahl ${town.postalCode})`,
        `Enter an address in ${town.name} (postcode ${town.postalCode})`,
      ),
    },
  };
  return [
    ...(options.names === false ? [] : nameFields()),
    {
      type: "address",
      id: "address",
      label: t("Ihre Anschrift", "Your address"),
      prefill: "address",
      ...(options.anyAddress ? {} : inTown),
    },
    {
      type: "email",
      id: "email",
      label: t("E-Mail-Adresse", "Email address"),
      hint: t(
        "An diese Adresse senden wir die Eingangsbestätigung.",
        "We send the confirmation to this address.",
      ),
      prefill: "email",
    },
    {
      type: "phone",
      id: "phone",
      label: t("Telefonnummer für Rückfragen", "Telephone number for questions"),
      prefill: "phone",
      optional: options.phoneOptional ?? true,
    },
  ];
}

/** The closing declaration every demo form ends with. */
export function declarationStep(text: LocalText) {
  return {
    id: "erklaerung",
    title: t("Erklärung", "Declaration"),
    fields: [{ type: "declaration" as const, id: "declaration", label: text }],
  };
}

export const truthfulness = t(
  "Ich versichere, dass meine Angaben vollständig und richtig sind.",
  "I confirm that the information I have given is complete and correct.",
);
