import type { FormDefinition } from "#modules/forms/index.ts";
import { applicantFields, type DemoTown, declarationStep, t, truthfulness } from "./common.ts";

/** Hundesteuer – Anmeldung eines Hundes: who keeps the dog, the dog, since when; a Listenhund needs the permit. */
export const hundesteuer = (town: DemoTown): FormDefinition => ({
  formatVersion: 1,
  key: "hundesteuer-anmeldung",
  title: t("Hundesteuer – Anmeldung eines Hundes", "Dog tax – registering a dog"),
  intro: t(
    `Melden Sie Ihren Hund innerhalb von zwei Wochen nach Beginn der Haltung bei der Stadt ${town.name} an. Den Steuerbescheid und die Hundesteuermarke erhalten Sie per Post.`,
    `Register your dog with ${town.name} within two weeks of starting to keep it. The tax notice and the dog tag are sent by post.`,
  ),
  steps: [
    {
      id: "halter",
      title: t("Angaben zur Halterin oder zum Halter", "About the dog's keeper"),
      fields: [
        ...applicantFields(town),
        {
          type: "date",
          id: "birthdate",
          label: t("Geburtsdatum", "Date of birth"),
          hint: t("Zum Beispiel 27 3 1985", "For example 27 3 1985"),
          prefill: "birthdate",
          notAfter: { today: -6570 },
          messages: {
            invalid: t(
              "Geben Sie Ihr Geburtsdatum an, zum Beispiel 27 3 1985",
              "Enter your date of birth, for example 27 3 1985",
            ),
          },
        },
      ],
    },
    {
      id: "hund",
      title: t("Angaben zum Hund", "About the dog"),
      fields: [
        { type: "text", id: "dogName", label: t("Name des Hundes", "Dog's name"), maxLength: 60 },
        {
          type: "text",
          id: "breed",
          label: t("Rasse", "Breed"),
          hint: t("Bei Mischlingen: die erkennbaren Rassen.", "For mixed breeds: the breeds you can see."),
          maxLength: 100,
        },
        { type: "text", id: "colour", label: t("Fellfarbe", "Coat colour"), maxLength: 60 },
        {
          type: "radios",
          id: "sex",
          label: t("Geschlecht", "Sex"),
          inline: true,
          options: [
            { value: "female", label: t("Hündin", "Female") },
            { value: "male", label: t("Rüde", "Male") },
          ],
        },
        {
          type: "text",
          id: "chip",
          label: t("Transpondernummer (Chip)", "Microchip number"),
          hint: t("15 Ziffern, zum Beispiel 276098106543210", "15 digits, for example 276098106543210"),
          optional: true,
          pattern: {
            regex: "\\d{15}",
            message: t(
              "Geben Sie die Transpondernummer mit 15 Ziffern an",
              "Enter the microchip number with 15 digits",
            ),
          },
        },
        {
          type: "date",
          id: "keptSince",
          label: t("Der Hund lebt bei mir seit", "The dog has lived with me since"),
          notBefore: { today: -365 },
          notAfter: { today: 14 },
        },
        {
          type: "yesNo",
          id: "listed",
          label: t(
            "Ist Ihr Hund ein gefährlicher Hund (Listenhund)?",
            "Is your dog a dangerous dog (listed breed)?",
          ),
          hint: t(
            "Zum Beispiel Pitbull-Terrier, American Staffordshire Terrier oder Staffordshire Bullterrier, nach der Hessischen Hundeverordnung.",
            "For example Pit Bull Terrier, American Staffordshire Terrier or Staffordshire Bull Terrier, under the Hessian dog regulation.",
          ),
        },
      ],
    },
    {
      id: "erlaubnis",
      title: t("Erlaubnis für einen gefährlichen Hund", "Permit for a dangerous dog"),
      fields: [
        {
          type: "info",
          id: "listedInfo",
          visibleWhen: { field: "listed", op: "eq", value: true },
          text: t(
            "Für einen gefährlichen Hund gilt ein erhöhter Steuersatz. Sie brauchen die Erlaubnis der Ordnungsbehörde und einen bestandenen Wesenstest.",
            "A higher tax rate applies to a dangerous dog. You need the permit of the public order office and a passed temperament test.",
          ),
        },
        {
          type: "date",
          id: "temperamentTest",
          label: t("Datum des Wesenstests", "Date of the temperament test"),
          visibleWhen: { field: "listed", op: "eq", value: true },
          notAfter: { today: 0 },
        },
        {
          type: "file",
          id: "permit",
          label: t("Erlaubnis zur Haltung", "Keeping permit"),
          documentType: t("Erlaubnis zum Halten eines gefährlichen Hundes", "Permit to keep a dangerous dog"),
          visibleWhen: { field: "listed", op: "eq", value: true },
        },
      ],
    },
    {
      id: "weitere-hunde",
      title: t("Weitere Hunde", "Other dogs"),
      fields: [
        {
          type: "yesNo",
          id: "otherDogs",
          label: t(
            `Halten Sie in ${town.name} bereits einen anderen Hund?`,
            `Do you already keep another dog in ${town.name}?`,
          ),
        },
        {
          type: "number",
          id: "otherDogsCount",
          label: t("Wie viele weitere Hunde?", "How many other dogs?"),
          integer: true,
          min: 1,
          max: 20,
          visibleWhen: { field: "otherDogs", op: "eq", value: true },
        },
      ],
    },
    declarationStep(truthfulness),
  ],
  computed: [
    {
      id: "annualTax",
      label: t("Voraussichtliche Hundesteuer im Jahr", "Expected dog tax per year"),
      format: "cents",
      expr: {
        when: { field: "listed", op: "eq", value: true },
        value: { const: 60000 },
        otherwise: {
          when: { field: "otherDogs", op: "eq", value: true },
          value: { const: 12000 },
          otherwise: { const: 7500 },
        },
      },
    },
  ],
});
