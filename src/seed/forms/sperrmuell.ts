import type { FormDefinition } from "#modules/forms/index.ts";
import { applicantFields, type DemoTown, declarationStep, t } from "./common.ts";

const kinds: [string, string, string][] = [
  ["sofa", "Sofa oder Sessel", "Sofa or armchair"],
  ["schrank", "Schrank oder Regal", "Wardrobe or shelf"],
  ["matratze", "Matratze", "Mattress"],
  ["tisch", "Tisch", "Table"],
  ["stuehle", "Stühle", "Chairs"],
  ["teppich", "Teppich", "Carpet"],
  ["lattenrost", "Bettgestell oder Lattenrost", "Bed frame"],
  ["sonstiges", "Sonstiges", "Other"],
];

/** Sperrmüll – Abholung anmelden: 1 to 10 items; the first two are free, each further one costs 15,00 €. */
export const sperrmuell = (town: DemoTown): FormDefinition => ({
  formatVersion: 1,
  key: "sperrmuell-anmeldung",
  title: t("Sperrmüll – Abholung anmelden", "Bulky waste – book a collection"),
  intro: t(
    "Zwei Gegenstände im Jahr holen wir ohne zusätzliche Gebühr ab; jeder weitere kostet 15,00 €. Elektrogeräte melden Sie bitte gesondert an.",
    "We collect two items a year at no extra charge; each further item costs €15.00. Please book electrical appliances separately.",
  ),
  steps: [
    {
      id: "kontakt",
      title: t("Abholadresse und Kontakt", "Collection address and contact"),
      fields: applicantFields(town, { phoneOptional: false }),
    },
    {
      id: "gegenstaende",
      title: t("Was sollen wir abholen?", "What should we collect?"),
      fields: [
        {
          type: "repeat",
          id: "items",
          label: t("Gegenstände", "Items"),
          hint: t("Höchstens 10 Gegenstände je Abholung.", "At most 10 items per collection."),
          min: 1,
          max: 10,
          itemLabel: t("Gegenstand {n}", "Item {n}"),
          addLabel: t("Weiteren Gegenstand hinzufügen", "Add another item"),
          fields: [
            {
              type: "select",
              id: "kind",
              label: t("Art", "Kind"),
              options: kinds.map(([value, de, en]) => ({ value, label: t(de, en) })),
            },
            {
              type: "text",
              id: "description",
              label: t("Beschreibung", "Description"),
              optional: true,
              requiredWhen: { field: "kind", op: "eq", value: "sonstiges" },
              messages: { required: t("Beschreiben Sie den Gegenstand", "Describe the item") },
              maxLength: 200,
            },
            {
              type: "number",
              id: "volume",
              label: t("Ungefähre Größe in m³", "Approximate size in m³"),
              hint: t("Zum Beispiel 1,5", "For example 1.5"),
              min: 0.1,
              max: 5,
              unit: t("m³", "m³"),
            },
          ],
        },
      ],
    },
    {
      id: "termin",
      title: t("Abholung", "Collection"),
      fields: [
        {
          type: "date",
          id: "wishDate",
          label: t("Wunschtermin", "Preferred date"),
          hint: t(
            "Frühestens in einer Woche. Wir bestätigen den Termin per E-Mail.",
            "At least one week from now. We confirm the date by email.",
          ),
          notBefore: { today: 7 },
          notAfter: { today: 90 },
        },
        {
          type: "radios",
          id: "placement",
          label: t("Wo stellen Sie die Gegenstände bereit?", "Where will you put the items?"),
          options: [
            { value: "street", label: t("Am Straßenrand vor dem Haus", "At the kerb in front of the house") },
            { value: "yard", label: t("In der Hofeinfahrt", "In the driveway") },
            { value: "other", label: t("An einem anderen Ort", "Somewhere else") },
          ],
        },
        {
          type: "textarea",
          id: "placementNote",
          label: t("Beschreiben Sie den Ort", "Describe the place"),
          visibleWhen: { field: "placement", op: "eq", value: "other" },
          maxLength: 500,
          rows: 3,
        },
      ],
    },
    declarationStep(
      t(
        "Ich stelle die Gegenstände am Abholtag bis 6 Uhr so bereit, dass niemand behindert wird.",
        "I will put the items out by 6 a.m. on the collection day without obstructing anyone.",
      ),
    ),
  ],
  computed: [
    {
      id: "itemCount",
      label: t("Anzahl der Gegenstände", "Number of items"),
      format: "number",
      expr: { count: "items" },
    },
    {
      id: "totalVolume",
      label: t("Gesamtgröße in m³", "Total size in m³"),
      format: "number",
      expr: { sum: "items", of: { field: "volume" } },
    },
    {
      id: "fee",
      label: t("Gebühr", "Fee"),
      format: "cents",
      expr: {
        mul: [{ max: [{ const: 0 }, { sub: [{ computed: "itemCount" }, { const: 2 }] }] }, { const: 1500 }],
      },
    },
  ],
  fee: "fee",
});
