import type { Condition, FormDefinition } from "#modules/forms/index.ts";
import { applicantFields, type DemoTown, declarationStep, t } from "./common.ts";

/** Uses charged per square metre and day; the others per day. */
const byArea: Condition = {
  field: "purpose",
  op: "in",
  value: ["scaffold", "container", "site", "outdoorSeating"],
};

/** Antrag auf Sondernutzung öffentlicher Verkehrsflächen: purpose, place, period; fee by days (and area). */
export const sondernutzung = (town: DemoTown): FormDefinition => ({
  formatVersion: 1,
  key: "sondernutzung-verkehrsflaechen",
  title: t("Sondernutzung öffentlicher Verkehrsflächen beantragen", "Apply for special use of public roads"),
  intro: t(
    "Für ein Gerüst, einen Container, eine Umzugszone oder Tische vor dem Café auf Gehweg oder Straße brauchen Sie eine Sondernutzungserlaubnis. Stellen Sie den Antrag mindestens zwei Wochen vorher. Gebühr: 1,50 € je m² und Tag (Gerüst, Container, Baustelle, Außengastronomie) oder 10,00 € je Tag, mindestens 25,00 €.",
    "Scaffolding, a skip, a moving zone or café tables on the pavement or road need a special use permit. Apply at least two weeks ahead. Fee: €1.50 per m² and day or €10.00 per day, at least €25.00.",
  ),
  steps: [
    {
      id: "antragsteller",
      title: t("Antragstellerin oder Antragsteller", "Applicant"),
      fields: [
        {
          type: "radios",
          id: "applicantKind",
          label: t("Sie stellen den Antrag", "You are applying"),
          options: [
            { value: "private", label: t("als Privatperson", "as a private person") },
            { value: "company", label: t("für ein Unternehmen", "for a company") },
          ],
        },
        {
          type: "text",
          id: "company",
          label: t("Name des Unternehmens", "Company name"),
          visibleWhen: { field: "applicantKind", op: "eq", value: "company" },
          maxLength: 200,
        },
        ...applicantFields(town, { phoneOptional: false, anyAddress: true }),
      ],
    },
    {
      id: "nutzung",
      title: t("Art der Nutzung", "Kind of use"),
      fields: [
        {
          type: "radios",
          id: "purpose",
          label: t("Wofür möchten Sie die Fläche nutzen?", "What do you want to use the area for?"),
          options: [
            { value: "scaffold", label: t("Gerüst", "Scaffolding") },
            { value: "container", label: t("Container oder Mulde", "Skip or container") },
            { value: "site", label: t("Baustelleneinrichtung", "Construction site equipment") },
            { value: "moving", label: t("Umzug (Halteverbotszone)", "Moving (no-stopping zone)") },
            { value: "stand", label: t("Informations- oder Verkaufsstand", "Information or sales stand") },
            {
              value: "outdoorSeating",
              label: t("Tische und Stühle (Außengastronomie)", "Tables and chairs (outdoor seating)"),
            },
          ],
        },
        {
          type: "textarea",
          id: "details",
          label: t("Beschreiben Sie das Vorhaben", "Describe what you plan"),
          maxLength: 2000,
          rows: 4,
        },
      ],
    },
    {
      id: "ort",
      title: t("Ort", "Place"),
      fields: [
        {
          type: "address",
          id: "location",
          label: t("Adresse", "Address"),
          postalCodes: {
            allowed: [town.postalCode],
            message: t(
              `Die Fläche muss in ${town.name} liegen (Postleitzahl ${town.postalCode})`,
              `The area must be in ${town.name} (postcode ${town.postalCode})`,
            ),
          },
        },
        {
          type: "text",
          id: "locationDetail",
          label: t("Genaue Lage", "Exact position"),
          hint: t(
            "Zum Beispiel: Gehweg vor Hausnummer 12, zwei Parkplätze.",
            "For example: pavement in front of number 12, two parking spaces.",
          ),
          optional: true,
          maxLength: 300,
        },
        {
          type: "number",
          id: "area",
          label: t("Genutzte Fläche in m²", "Area used in m²"),
          visibleWhen: byArea,
          min: 0.5,
          max: 500,
          unit: t("m²", "m²"),
        },
      ],
    },
    {
      id: "zeitraum",
      title: t("Zeitraum", "Period"),
      fields: [
        {
          type: "date",
          id: "fromDate",
          label: t("Von", "From"),
          notBefore: { today: 14 },
          notAfter: { today: 365 },
        },
        {
          type: "date",
          id: "toDate",
          label: t("Bis", "Until"),
          hint: t("Höchstens ein Jahr nach dem Beginn.", "At most one year after the start."),
          notBefore: { field: "fromDate" },
          notAfter: { field: "fromDate", days: 365 },
        },
      ],
    },
    {
      id: "unterlagen",
      title: t("Unterlagen", "Documents"),
      fields: [
        {
          type: "file",
          id: "sitePlan",
          label: t("Lageplan", "Site plan"),
          hint: t(
            "Skizze oder Plan mit der genutzten Fläche und ihren Maßen.",
            "Sketch or plan showing the area and its size.",
          ),
          documentType: t("Lageplan", "Site plan"),
        },
      ],
    },
    declarationStep(
      t(
        "Ich sichere die Fläche während der Nutzung ab und stelle sie danach sauber wieder her.",
        "I will secure the area while using it and leave it clean afterwards.",
      ),
    ),
  ],
  computed: [
    {
      id: "days",
      label: t("Tage", "Days"),
      format: "number",
      expr: { daysBetween: { from: "fromDate", to: "toDate", inclusive: true } },
    },
    {
      id: "fee",
      label: t("Gebühr", "Fee"),
      format: "cents",
      expr: {
        max: [
          { const: 2500 },
          {
            when: byArea,
            value: { mul: [{ computed: "days" }, { field: "area" }, { const: 150 }] },
            otherwise: { mul: [{ computed: "days" }, { const: 1000 }] },
          },
        ],
      },
    },
  ],
  fee: "fee",
});
