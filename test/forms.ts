import type { FormDefinition, LocalText } from "#modules/forms/index.ts";

const t = (de: string, en?: string): LocalText => (en ? { de, en } : { de });
const colours = [
  { value: "red", label: t("Rot", "Red") },
  { value: "green", label: t("Grün", "Green") },
  { value: "blue", label: t("Blau", "Blue") },
];

/** Today as the tests pin it (Europe/Berlin), so date rules give the same answer every day. */
export const testToday = "2026-11-27";

/**
 * A form with every field type: step "alles" holds one field of each leaf type, a group and a repeatable
 * group; step "bedingt" only shows fields when "pet" was answered yes; step "datei" holds an upload.
 */
export const everyFieldForm: FormDefinition = {
  formatVersion: 1,
  key: "alle-felder",
  title: t("Alle Felder", "All fields"),
  steps: [
    {
      id: "alles",
      title: t("Alles", "Everything"),
      fields: [
        {
          type: "info",
          id: "notice",
          label: t("Hinweis", "Notice"),
          text: t("Erster Absatz.\n\nZweiter Absatz."),
        },
        {
          type: "text",
          id: "name",
          label: t("Name", "Name"),
          hint: t("Wie im Ausweis"),
          maxLength: 40,
          prefill: "familyName",
        },
        {
          type: "text",
          id: "code",
          label: t("Kennziffer"),
          optional: true,
          pattern: {
            regex: "[A-Z]{2}\\d{3}",
            message: t("Geben Sie die Kennziffer wie AB123 an", "Enter the code like AB123"),
          },
        },
        {
          type: "textarea",
          id: "story",
          label: t("Beschreibung", "Description"),
          minLength: 5,
          maxLength: 100,
        },
        { type: "number", id: "count", label: t("Anzahl", "Number"), integer: true, min: 1, max: 10 },
        {
          type: "date",
          id: "day",
          label: t("Termin", "Date"),
          notBefore: { today: 0 },
          notAfter: { date: "2027-12-31" },
        },
        { type: "email", id: "mail", label: t("E-Mail-Adresse", "Email address"), prefill: "email" },
        { type: "phone", id: "tel", label: t("Telefon", "Telephone"), optional: true },
        { type: "iban", id: "iban", label: t("IBAN"), optional: true },
        { type: "postalTown", id: "place", label: t("Postleitzahl und Ort") },
        {
          type: "address",
          id: "home",
          label: t("Anschrift"),
          optional: true,
          postalCodes: { allowed: ["61250", "61267"] },
        },
        { type: "select", id: "colour", label: t("Farbe", "Colour"), options: colours },
        {
          type: "radios",
          id: "size",
          label: t("Größe", "Size"),
          options: [
            { value: "s", label: t("Klein") },
            { value: "l", label: t("Groß") },
          ],
        },
        {
          type: "checkboxes",
          id: "extras",
          label: t("Extras"),
          options: colours,
          optional: true,
          maxSelected: 2,
        },
        { type: "yesNo", id: "pet", label: t("Haben Sie ein Haustier?", "Do you have a pet?") },
        {
          type: "group",
          id: "contact",
          label: t("Ansprechperson"),
          fields: [{ type: "text", id: "contactName", label: t("Name der Ansprechperson"), optional: true }],
        },
        {
          type: "repeat",
          id: "items",
          label: t("Einträge", "Entries"),
          min: 1,
          max: 3,
          itemLabel: t("Eintrag {n}", "Entry {n}"),
          fields: [
            { type: "text", id: "itemName", label: t("Bezeichnung") },
            {
              type: "number",
              id: "itemPrice",
              label: t("Preis in Cent"),
              integer: true,
              min: 0,
              max: 100000,
            },
          ],
        },
        {
          type: "declaration",
          id: "agree",
          label: t("Ich bestätige meine Angaben.", "I confirm my answers."),
        },
      ],
    },
    {
      id: "bedingt",
      title: t("Haustier", "Pet"),
      fields: [
        {
          type: "text",
          id: "petName",
          label: t("Name des Tieres"),
          visibleWhen: { field: "pet", op: "eq", value: true },
        },
        {
          type: "date",
          id: "petSince",
          label: t("Seit wann?"),
          visibleWhen: { field: "pet", op: "eq", value: true },
          notBefore: { field: "day", days: -1000 },
          optional: true,
          requiredWhen: { field: "count", op: "gte", value: 5 },
        },
      ],
    },
    {
      id: "datei",
      title: t("Nachweis", "Proof"),
      fields: [
        {
          type: "file",
          id: "proof",
          label: t("Nachweis"),
          documentType: t("Personalausweis", "Identity card"),
          maxFiles: 2,
          maxSizeBytes: 1024 * 1024,
          mediaTypes: ["application/pdf", "image/png"],
        },
      ],
    },
  ],
  checks: [
    {
      field: "count",
      when: { field: "colour", op: "eq", value: "red" },
      assert: { field: "count", op: "lte", value: 3 },
      message: t("Rote gibt es höchstens 3", "There are at most 3 red ones"),
    },
  ],
  computed: [
    {
      id: "itemTotal",
      label: t("Summe der Preise"),
      format: "cents",
      expr: { sum: "items", of: { field: "itemPrice" } },
    },
    {
      id: "fee",
      label: t("Gebühr", "Fee"),
      format: "cents",
      expr: {
        add: [{ const: 500 }, { mul: [{ count: "items" }, { const: 250 }] }, { computed: "itemTotal" }],
      },
    },
  ],
  fee: "fee",
};

/** A body that answers step "alles" completely and validly. */
export const validAllBody: Record<string, string | string[]> = {
  name: "Erika Mustermann",
  story: "Eine kurze Geschichte",
  count: "2",
  "day-day": "1",
  "day-month": "12",
  "day-year": "2026",
  mail: "erika@example.de",
  "place.postalCode": "61250",
  "place.town": "Usingen",
  colour: "green",
  size: "l",
  extras: ["red", "blue"],
  pet: "yes",
  "items.count": "2",
  "items[0].itemName": "Stuhl",
  "items[0].itemPrice": "1250",
  "items[1].itemName": "Tisch",
  "items[1].itemPrice": "4000",
  agree: "yes",
};
