import type { FormDefinition } from "#modules/forms/index.ts";
import { type DemoTown, t } from "./common.ts";

/** Mängelmelder: what is wrong, where (an address or a description), a photo, and whether to hear back. */
export const maengelmelder = (town: DemoTown): FormDefinition => ({
  formatVersion: 1,
  key: "maengelmelder",
  title: t("Mängelmelder – Schaden oder Missstand melden", "Report a problem"),
  intro: t(
    `Melden Sie Schlaglöcher, defekte Straßenlampen, wilden Müll und andere Mängel in ${town.name}. Ein Konto brauchen Sie dafür nicht.`,
    `Report potholes, broken street lights, fly-tipping and other problems in ${town.name}. You do not need an account.`,
  ),
  steps: [
    {
      id: "mangel",
      title: t("Was möchten Sie melden?", "What would you like to report?"),
      fields: [
        {
          type: "radios",
          id: "category",
          label: t("Art des Mangels", "Kind of problem"),
          options: [
            { value: "road", label: t("Straße oder Gehweg beschädigt", "Damaged road or pavement") },
            { value: "light", label: t("Straßenbeleuchtung defekt", "Street light not working") },
            { value: "waste", label: t("Wilder Müll", "Fly-tipping") },
            { value: "green", label: t("Grünanlage, Baum oder Hecke", "Park, tree or hedge") },
            { value: "playground", label: t("Spielplatz", "Playground") },
            { value: "sign", label: t("Verkehrszeichen oder Ampel", "Traffic sign or lights") },
            { value: "other", label: t("Etwas anderes", "Something else") },
          ],
        },
        {
          type: "textarea",
          id: "description",
          label: t("Beschreibung", "Description"),
          hint: t(
            "Was ist passiert, seit wann, besteht Gefahr?",
            "What happened, since when, is anyone at risk?",
          ),
          minLength: 10,
          maxLength: 2000,
        },
        {
          type: "radios",
          id: "locationKind",
          label: t("Wie können Sie den Ort angeben?", "How can you tell us the place?"),
          options: [
            { value: "address", label: t("Mit einer Adresse", "With an address") },
            {
              value: "description",
              label: t("Mit einer Beschreibung", "With a description"),
              hint: t(
                "Zum Beispiel auf einem Feldweg oder im Park.",
                "For example on a field path or in a park.",
              ),
            },
          ],
        },
      ],
    },
    {
      id: "ort",
      title: t("Wo ist der Mangel?", "Where is the problem?"),
      fields: [
        {
          type: "address",
          id: "location",
          label: t("Adresse des Mangels", "Address of the problem"),
          hint: t("Die nächstgelegene Hausnummer genügt.", "The nearest house number is enough."),
          // "not description" rather than "eq address": before the answer the step counts ("Schritt 1 von 4").
          visibleWhen: { not: { field: "locationKind", op: "eq", value: "description" } },
          postalCodes: { allowed: [town.postalCode] },
        },
        {
          type: "textarea",
          id: "locationText",
          label: t("Beschreiben Sie den Ort", "Describe the place"),
          hint: t(
            "Zum Beispiel: Fußweg zwischen Schulstraße und Stadtpark, hinter der zweiten Bank.",
            "For example: footpath between Schulstraße and the park, behind the second bench.",
          ),
          visibleWhen: { field: "locationKind", op: "eq", value: "description" },
          minLength: 10,
          maxLength: 1000,
          rows: 3,
        },
      ],
    },
    {
      id: "foto",
      title: t("Foto", "Photo"),
      fields: [
        {
          type: "file",
          id: "photo",
          label: t("Foto des Mangels", "Photo of the problem"),
          hint: t(
            "Ein Foto hilft uns, den Mangel schnell zu finden.",
            "A photo helps us find the problem quickly.",
          ),
          documentType: t("Foto des Mangels", "Photo of the problem"),
          mediaTypes: ["image/jpeg", "image/png"],
          maxFiles: 3,
          optional: true,
        },
      ],
    },
    {
      id: "rueckmeldung",
      title: t("Rückmeldung", "Updates"),
      fields: [
        {
          type: "yesNo",
          id: "wantsUpdates",
          label: t(
            "Möchten Sie erfahren, wenn der Mangel behoben ist?",
            "Would you like to hear when the problem is fixed?",
          ),
        },
        {
          type: "email",
          id: "email",
          label: t("E-Mail-Adresse", "Email address"),
          prefill: "email",
          optional: true,
          requiredWhen: { field: "wantsUpdates", op: "eq", value: true },
          messages: {
            required: t(
              "Geben Sie Ihre E-Mail-Adresse an, damit wir Ihnen antworten können",
              "Enter your email address so that we can reply",
            ),
          },
        },
      ],
    },
  ],
});
