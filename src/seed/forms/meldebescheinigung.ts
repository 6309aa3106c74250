import type { FormDefinition } from "#modules/forms/index.ts";
import { type DemoTown, declarationStep, nameFields, t } from "./common.ts";

/**
 * Meldebescheinigung: needs verified data, so only a citizen signed in with the online ID (trust level
 * "substantiell" or higher) can start it; name, date of birth and address come from that sign-in and are
 * locked. The municipality certifies only its own residents. 10,00 € (einfach) or 15,00 € (erweitert).
 */
export const meldebescheinigung = (town: DemoTown): FormDefinition => ({
  formatVersion: 1,
  key: "meldebescheinigung",
  title: t("Meldebescheinigung beantragen", "Apply for a certificate of registration"),
  intro: t(
    "Die Meldebescheinigung bestätigt, wo Sie gemeldet sind. Name, Geburtsdatum und Anschrift übernehmen wir aus Ihrem Online-Ausweis.",
    "The certificate confirms where you are registered. We take your name, date of birth and address from your online ID.",
  ),
  verifiedIdentity: { trustLevel: "substantiell" },
  steps: [
    {
      id: "ihre-daten",
      title: t("Ihre Daten", "Your details"),
      fields: [
        ...nameFields(),
        {
          type: "date",
          id: "birthdate",
          label: t("Geburtsdatum", "Date of birth"),
          prefill: "birthdate",
          notAfter: { today: 0 },
        },
        {
          type: "address",
          id: "address",
          label: t("Meldeanschrift", "Registered address"),
          prefill: "address",
          postalCodes: {
            allowed: [town.postalCode],
            message: t(
              `Eine Meldebescheinigung stellt ${town.name} nur aus, wenn Sie hier gemeldet sind. Wenden Sie sich bitte an die Meldebehörde Ihres Wohnorts`,
              `${town.name} only issues the certificate to people registered here. Please contact the registration office where you live`,
            ),
          },
        },
        {
          type: "phone",
          id: "phone",
          label: t("Telefonnummer für Rückfragen", "Telephone number for questions"),
          prefill: "phone",
          optional: true,
        },
      ],
    },
    {
      id: "bescheinigung",
      title: t("Art der Bescheinigung", "Type of certificate"),
      fields: [
        {
          type: "radios",
          id: "kind",
          label: t("Welche Meldebescheinigung brauchen Sie?", "Which certificate do you need?"),
          options: [
            {
              value: "einfach",
              label: t("Einfache Meldebescheinigung (10,00 €)", "Simple certificate (€10.00)"),
              hint: t("Name, Geburtsdatum und Anschrift.", "Name, date of birth and address."),
            },
            {
              value: "erweitert",
              label: t("Erweiterte Meldebescheinigung (15,00 €)", "Extended certificate (€15.00)"),
              hint: t(
                "Zusätzlich zum Beispiel frühere Anschriften, Familienstand und Staatsangehörigkeit.",
                "Also, for example, former addresses, marital status and nationality.",
              ),
            },
          ],
        },
        {
          type: "text",
          id: "purpose",
          label: t("Wofür brauchen Sie die Bescheinigung?", "What do you need the certificate for?"),
          hint: t(
            "Zum Beispiel für Ihren Arbeitgeber oder Ihre Bank.",
            "For example for your employer or bank.",
          ),
          optional: true,
          maxLength: 200,
        },
        {
          type: "radios",
          id: "delivery",
          label: t("Wie möchten Sie die Bescheinigung erhalten?", "How would you like to receive it?"),
          options: [
            {
              value: "post",
              label: t("Per Post an Ihre Meldeanschrift", "By post to your registered address"),
            },
            {
              value: "email",
              label: t("Als PDF per E-Mail", "As a PDF by email"),
              hint: t("An die E-Mail-Adresse Ihres Kontos.", "To your account's email address."),
            },
          ],
        },
      ],
    },
    declarationStep(
      t(
        "Ich beantrage die Meldebescheinigung für mich selbst und versichere, dass meine Angaben richtig sind.",
        "I apply for the certificate for myself and confirm that my answers are correct.",
      ),
    ),
  ],
  computed: [
    {
      id: "fee",
      label: t("Gebühr", "Fee"),
      format: "cents",
      expr: {
        when: { field: "kind", op: "eq", value: "erweitert" },
        value: { const: 1500 },
        otherwise: { const: 1000 },
      },
    },
  ],
  fee: "fee",
});
