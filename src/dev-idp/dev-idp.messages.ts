import { defineMessages } from "#core/i18n/messages.ts";

export const devIdpMessages = defineMessages(
  {
    bannerTitle: "Demo-Identitätsanbieter – nur für Entwicklung und Tests",
    bannerText:
      "Dieser Dienst gehört nicht zu BundID oder einem anderen echten Identitätsanbieter. Er prüft keine Identität: Die Personen sind erfunden.",
    chooseTitle: "Test-Identität wählen",
    chooseIntro:
      "{client} möchte Sie anmelden und erhält dafür Name, Geburtsdatum, Anschrift und E-Mail-Adresse der gewählten Person.",
    identityLegend: "Als wer möchten Sie sich anmelden?",
    identityHint:
      "{street}, {postalCode} {city} · geboren am {birthdate} · {email} ({emailState}) · Vertrauensniveau {level}",
    emailConfirmed: "bestätigt",
    levelSubstantial: "substantiell",
    levelHigh: "hoch",
    emailUnconfirmed: "nicht bestätigt",
    identityMissing: "Wählen Sie eine Test-Identität aus",
    submit: "Anmelden und Daten übermitteln",
    cancel: "Abbrechen",
    cancelledByUser: "Die Anmeldung wurde beim Demo-Identitätsanbieter abgebrochen.",
    expiredTitle: "Anmeldung abgelaufen",
    expiredText:
      "Diese Anmeldung beim Demo-Identitätsanbieter ist abgelaufen oder wurde schon abgeschlossen. Starten Sie sie bitte noch einmal auf der Seite, von der Sie kamen.",
    errorTitle: "Anmeldung beim Demo-Identitätsanbieter nicht möglich",
    errorText:
      "Die Anfrage an den Demo-Identitätsanbieter ist ungültig ({error}). Starten Sie die Anmeldung bitte noch einmal auf der Seite, von der Sie kamen.",
  },
  {
    bannerTitle: "Demo identity provider – for development and testing only",
    bannerText:
      "This service is not BundID or any other real identity provider. It checks no identity: the people are invented.",
    chooseTitle: "Choose a test identity",
    chooseIntro:
      "{client} wants to sign you in and receives the name, date of birth, address and email address of the person you choose.",
    identityLegend: "Who do you want to sign in as?",
    identityHint:
      "{street}, {postalCode} {city} · born {birthdate} · {email} ({emailState}) · trust level {level}",
    emailConfirmed: "confirmed",
    levelSubstantial: "substantial",
    levelHigh: "high",
    emailUnconfirmed: "not confirmed",
    identityMissing: "Choose a test identity",
    submit: "Sign in and send data",
    cancel: "Cancel",
    cancelledByUser: "The sign-in was cancelled at the demo identity provider.",
    expiredTitle: "Sign-in expired",
    expiredText:
      "This sign-in at the demo identity provider has expired or was already completed. Please start it again on the page you came from.",
    errorTitle: "Sign-in at the demo identity provider not possible",
    errorText:
      "The request to the demo identity provider is not valid ({error}). Please start the sign-in again on the page you came from.",
  },
);
