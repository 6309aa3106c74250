import type { FormDefinition } from "#modules/forms/index.ts";
import { applicantFields, type DemoTown, declarationStep, t, truthfulness } from "./common.ts";

const zones: Record<string, { value: string; de: string; en: string }[]> = {
  "61250": [
    { value: "a", de: "Zone A – Altstadt (Marktplatz, Obergasse, Untergasse)", en: "Zone A – old town" },
    {
      value: "b",
      de: "Zone B – Bahnhofsviertel (Bahnhofstraße, Weilburger Straße)",
      en: "Zone B – station quarter",
    },
  ],
  "61267": [
    {
      value: "a",
      de: "Zone A – Ortsmitte Anspach (Bahnhofstraße, Schulstraße)",
      en: "Zone A – Anspach centre",
    },
    { value: "b", de: "Zone B – Hausen-Arnsbach (Hauptstraße)", en: "Zone B – Hausen-Arnsbach" },
  ],
};

/** Bewohnerparkausweis: address in a zone, the vehicle, its registration certificate; 30,70 € a year. */
export const bewohnerparken = (town: DemoTown): FormDefinition => ({
  formatVersion: 1,
  key: "bewohnerparkausweis",
  title: t("Bewohnerparkausweis beantragen", "Apply for a resident parking permit"),
  intro: t(
    "Mit dem Bewohnerparkausweis parken Sie in Ihrer Bewohnerparkzone ohne Parkschein. Er gilt für ein Fahrzeug und kostet 30,70 € im Jahr.",
    "With a resident parking permit you park in your zone without a ticket. It is for one vehicle and costs €30.70 a year.",
  ),
  steps: [
    { id: "antragsteller", title: t("Ihre Angaben", "About you"), fields: applicantFields(town) },
    {
      id: "zone",
      title: t("Bewohnerparkzone", "Resident parking zone"),
      fields: [
        {
          type: "radios",
          id: "zone",
          label: t("In welcher Zone wohnen Sie?", "Which zone do you live in?"),
          options: (zones[town.postalCode] ?? zones["61250"] ?? []).map((z) => ({
            value: z.value,
            label: t(z.de, z.en),
          })),
        },
        {
          type: "yesNo",
          id: "mainResidence",
          label: t("Ist diese Adresse Ihr Hauptwohnsitz?", "Is this address your main residence?"),
        },
      ],
    },
    {
      id: "fahrzeug",
      title: t("Fahrzeug", "Vehicle"),
      fields: [
        {
          type: "text",
          id: "plate",
          label: t("Amtliches Kennzeichen", "Registration number"),
          hint: t("Zum Beispiel HG-AB 123", "For example HG-AB 123"),
          maxLength: 12,
          pattern: {
            regex: "[A-ZÄÖÜ]{1,3}-[A-Z]{1,2} ?[1-9][0-9]{0,3}[EH]?",
            message: t(
              "Geben Sie das Kennzeichen wie auf dem Schild an, zum Beispiel HG-AB 123",
              "Enter the registration number as on the plate, for example HG-AB 123",
            ),
          },
        },
        {
          type: "radios",
          id: "keeper",
          label: t("Auf wen ist das Fahrzeug zugelassen?", "Who is the vehicle registered to?"),
          options: [
            { value: "self", label: t("Auf mich", "To me") },
            {
              value: "employer",
              label: t("Auf meinen Arbeitgeber (Dienstwagen)", "To my employer (company car)"),
            },
            { value: "other", label: t("Auf eine andere Person", "To another person") },
          ],
        },
        {
          type: "file",
          id: "registration",
          label: t("Fahrzeugschein", "Vehicle registration certificate"),
          hint: t(
            "Zulassungsbescheinigung Teil I, Vorder- und Rückseite.",
            "Registration certificate part I, front and back.",
          ),
          documentType: t(
            "Fahrzeugschein (Zulassungsbescheinigung Teil I)",
            "Vehicle registration certificate (part I)",
          ),
          maxFiles: 2,
        },
        {
          type: "file",
          id: "usageProof",
          label: t(
            "Nachweis, dass Sie das Fahrzeug dauerhaft nutzen",
            "Proof that you use the vehicle permanently",
          ),
          documentType: t("Nutzungsnachweis", "Proof of use"),
          visibleWhen: { field: "keeper", op: "in", value: ["employer", "other"] },
        },
      ],
    },
    {
      id: "laufzeit",
      title: t("Gültigkeit", "Validity"),
      fields: [
        {
          type: "radios",
          id: "years",
          label: t("Für wie lange beantragen Sie den Ausweis?", "How long do you apply for?"),
          options: [
            { value: "1", label: t("1 Jahr (30,70 €)", "1 year (€30.70)") },
            { value: "2", label: t("2 Jahre (61,40 €)", "2 years (€61.40)") },
          ],
        },
        {
          type: "date",
          id: "validFrom",
          label: t("Gültig ab", "Valid from"),
          notBefore: { today: 0 },
          notAfter: { today: 90 },
        },
      ],
    },
    declarationStep(truthfulness),
  ],
  checks: [
    {
      field: "mainResidence",
      assert: { field: "mainResidence", op: "eq", value: true },
      message: t(
        "Einen Bewohnerparkausweis gibt es nur für den Hauptwohnsitz: Melden Sie zuerst Ihren Hauptwohnsitz an dieser Adresse an",
        "A resident parking permit is only issued for a main residence: register this address as your main residence first",
      ),
    },
  ],
  computed: [
    {
      id: "fee",
      label: t("Gebühr", "Fee"),
      format: "cents",
      expr: {
        when: { field: "years", op: "eq", value: "2" },
        value: { const: 6140 },
        otherwise: { const: 3070 },
      },
    },
  ],
  fee: "fee",
});
