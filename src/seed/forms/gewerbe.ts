import type { FormDefinition } from "#modules/forms/index.ts";
import { applicantFields, type DemoTown, declarationStep, nameFields, t, truthfulness } from "./common.ts";

const registered = ["ek", "ohg", "kg", "gmbh", "ug"];
const inRegister = { field: "legalForm", op: "in" as const, value: registered };

/** Gewerbeanmeldung (§ 14 GewO): a long form over several steps; 26,00 €. */
export const gewerbe = (town: DemoTown): FormDefinition => ({
  formatVersion: 1,
  key: "gewerbeanmeldung",
  title: t("Gewerbe anmelden", "Register a business"),
  intro: t(
    "Wer ein Gewerbe beginnt, muss es gleichzeitig anmelden (§ 14 Gewerbeordnung). Die Anmeldung kostet 26,00 €. Die Gewerbeanmeldung geht auch an das Finanzamt, die IHK oder Handwerkskammer und die Berufsgenossenschaft.",
    "Anyone starting a business must register it at the same time (section 14 of the Trade Regulation Act). Registration costs €26.00.",
  ),
  steps: [
    {
      id: "person",
      title: t("Angaben zur Person", "About you"),
      fields: [
        ...nameFields(),
        {
          type: "text",
          id: "birthName",
          label: t("Geburtsname", "Birth name"),
          optional: true,
          maxLength: 100,
        },
        {
          type: "date",
          id: "birthdate",
          label: t("Geburtsdatum", "Date of birth"),
          prefill: "birthdate",
          notAfter: { today: -5844 },
        },
        { type: "text", id: "birthplace", label: t("Geburtsort", "Place of birth"), maxLength: 100 },
        {
          type: "radios",
          id: "nationality",
          label: t("Staatsangehörigkeit", "Nationality"),
          options: [
            { value: "de", label: t("Deutsch", "German") },
            {
              value: "eu",
              label: t(
                "Eines anderen EU- oder EWR-Staates oder der Schweiz",
                "Another EU or EEA state or Switzerland",
              ),
            },
            { value: "other", label: t("Eines anderen Staates", "Another state") },
          ],
        },
      ],
    },
    {
      id: "kontakt",
      title: t("Wohnanschrift und Kontakt", "Home address and contact"),
      // The home address may be outside the municipality; the premises (next step) may not.
      fields: applicantFields(town, { phoneOptional: false, names: false, anyAddress: true }),
    },
    {
      id: "betrieb",
      title: t("Angaben zum Betrieb", "About the business"),
      fields: [
        {
          type: "select",
          id: "legalForm",
          label: t("Rechtsform", "Legal form"),
          options: [
            {
              value: "single",
              label: t("Einzelunternehmen (nicht im Handelsregister)", "Sole proprietorship"),
            },
            {
              value: "gbr",
              label: t("Gesellschaft bürgerlichen Rechts (GbR)", "Civil law partnership (GbR)"),
            },
            {
              value: "ek",
              label: t(
                "Eingetragene Kauffrau / eingetragener Kaufmann (e. K.)",
                "Registered merchant (e. K.)",
              ),
            },
            { value: "ohg", label: t("Offene Handelsgesellschaft (OHG)", "General partnership (OHG)") },
            { value: "kg", label: t("Kommanditgesellschaft (KG)", "Limited partnership (KG)") },
            { value: "gmbh", label: t("GmbH", "GmbH") },
            { value: "ug", label: t("UG (haftungsbeschränkt)", "UG (limited liability)") },
          ],
        },
        {
          type: "text",
          id: "companyName",
          label: t("Name des Betriebs (Firma)", "Business name"),
          hint: t(
            "Wie im Handelsregister eingetragen, sonst die Geschäftsbezeichnung.",
            "As registered, otherwise the trading name.",
          ),
          optional: true,
          requiredWhen: inRegister,
          maxLength: 200,
        },
        {
          type: "group",
          id: "register",
          label: t("Handelsregister", "Commercial register"),
          visibleWhen: inRegister,
          fields: [
            {
              type: "text",
              id: "registerCourt",
              label: t("Registergericht", "Register court"),
              hint: t("Zum Beispiel Amtsgericht Bad Homburg", "For example Amtsgericht Bad Homburg"),
              maxLength: 100,
            },
            {
              type: "text",
              id: "registerNumber",
              label: t("Registernummer", "Register number"),
              hint: t("Zum Beispiel HRB 12345", "For example HRB 12345"),
              pattern: {
                regex: "HR[AB] ?\\d{1,6}( ?[A-Z]{1,2})?",
                message: t(
                  "Geben Sie die Registernummer wie HRB 12345 an",
                  "Enter the register number like HRB 12345",
                ),
              },
            },
          ],
        },
        {
          type: "number",
          id: "employeesFull",
          label: t("Beschäftigte in Vollzeit", "Full-time employees"),
          integer: true,
          min: 0,
          max: 100000,
        },
        {
          type: "number",
          id: "employeesPart",
          label: t("Beschäftigte in Teilzeit", "Part-time employees"),
          integer: true,
          min: 0,
          max: 100000,
        },
      ],
    },
    {
      id: "betriebsstaette",
      title: t("Betriebsstätte", "Business premises"),
      fields: [
        {
          type: "address",
          id: "premises",
          label: t("Anschrift der Betriebsstätte", "Address of the premises"),
          postalCodes: {
            allowed: [town.postalCode],
            message: t(
              `Die Betriebsstätte muss in ${town.name} liegen (Postleitzahl ${town.postalCode})`,
              `The premises must be in ${town.name} (postcode ${town.postalCode})`,
            ),
          },
        },
        {
          type: "radios",
          id: "premisesKind",
          label: t("Art der Betriebsstätte", "Kind of premises"),
          options: [
            { value: "main", label: t("Hauptniederlassung", "Head office") },
            { value: "branch", label: t("Zweigniederlassung", "Branch") },
            { value: "dependent", label: t("Unselbständige Zweigstelle", "Dependent branch") },
          ],
        },
      ],
    },
    {
      id: "taetigkeit",
      title: t("Tätigkeit", "Activity"),
      fields: [
        {
          type: "textarea",
          id: "activity",
          label: t("Angemeldete Tätigkeit", "Activity registered"),
          hint: t(
            "Genau beschreiben, zum Beispiel „Einzelhandel mit Fahrrädern und Zubehör“.",
            "Describe it exactly, for example “retail of bicycles and accessories”.",
          ),
          minLength: 10,
          maxLength: 1000,
        },
        {
          type: "select",
          id: "sector",
          label: t("Wirtschaftsbereich", "Sector"),
          options: [
            { value: "trade", label: t("Handel", "Trade") },
            { value: "craft", label: t("Handwerk", "Crafts") },
            { value: "hospitality", label: t("Gastgewerbe", "Hospitality") },
            { value: "services", label: t("Dienstleistung", "Services") },
            { value: "industry", label: t("Industrie", "Industry") },
            { value: "other", label: t("Sonstiges", "Other") },
          ],
        },
        {
          type: "yesNo",
          id: "permitNeeded",
          label: t("Braucht die Tätigkeit eine Erlaubnis?", "Does the activity need a permit?"),
          hint: t(
            "Zum Beispiel Gaststätte, Bewachung, Makler.",
            "For example a restaurant, security, estate agency.",
          ),
        },
      ],
    },
    {
      id: "beginn",
      title: t("Beginn", "Start"),
      fields: [
        {
          type: "date",
          id: "startDate",
          label: t("Beginn der Tätigkeit", "Start of the activity"),
          notBefore: { today: -30 },
          notAfter: { today: 180 },
        },
        {
          type: "radios",
          id: "reason",
          label: t("Grund der Anmeldung", "Reason for registering"),
          options: [
            { value: "new", label: t("Neugründung", "New business") },
            {
              value: "takeover",
              label: t("Übernahme eines bestehenden Betriebs", "Taking over an existing business"),
            },
            {
              value: "move",
              label: t("Zuzug aus einer anderen Gemeinde", "Moving from another municipality"),
            },
          ],
        },
        {
          type: "text",
          id: "previousOwner",
          label: t("Name des bisherigen Inhabers", "Name of the previous owner"),
          visibleWhen: { field: "reason", op: "eq", value: "takeover" },
          maxLength: 200,
        },
      ],
    },
    {
      id: "nachweise",
      title: t("Nachweise", "Documents"),
      fields: [
        {
          type: "file",
          id: "idDocument",
          label: t("Personalausweis oder Reisepass", "Identity card or passport"),
          hint: t("Vorder- und Rückseite.", "Front and back."),
          documentType: t("Personalausweis", "Identity card"),
          maxFiles: 2,
        },
        {
          type: "file",
          id: "residencePermit",
          label: t("Aufenthaltstitel", "Residence permit"),
          documentType: t("Aufenthaltstitel", "Residence permit"),
          visibleWhen: { field: "nationality", op: "eq", value: "other" },
        },
        {
          type: "file",
          id: "permit",
          label: t("Erlaubnis für die Tätigkeit", "Permit for the activity"),
          documentType: t("Gewerberechtliche Erlaubnis", "Trade permit"),
          visibleWhen: { field: "permitNeeded", op: "eq", value: true },
        },
        {
          type: "file",
          id: "registerExtract",
          label: t("Handelsregisterauszug", "Extract from the commercial register"),
          documentType: t("Handelsregisterauszug", "Commercial register extract"),
          visibleWhen: inRegister,
        },
      ],
    },
    declarationStep(truthfulness),
  ],
  computed: [{ id: "fee", label: t("Gebühr", "Fee"), format: "cents", expr: { const: 2600 } }],
  fee: "fee",
});
