import { defineMessages } from "#core/i18n/messages.ts";

export const oidcMessages = defineMessages(
  {
    sectionHeading: "Über einen Identitätsanbieter anmelden",
    sectionText:
      "Ohne Passwort: Ihr Name, Ihr Geburtsdatum und Ihre Anschrift werden dabei in Ihr Konto übernommen.",
    defaultButtonLabel: "Mit BundID anmelden",
    defaultProviderName: "BundID",
    demoProviderName: "Demo-Identitätsanbieter – nur zum Testen",
    providerLine: "Anmeldung über: {name} ({host})",
    failedTitle: "Anmeldung nicht möglich",
    stateInvalid:
      "Diese Anmeldung wurde nicht in diesem Browser begonnen, ist abgelaufen oder wurde schon abgeschlossen. Bitte starten Sie die Anmeldung noch einmal.",
    rejected:
      "{provider} hat die Anmeldung nicht bestätigt, zum Beispiel weil die Rückmeldung schon einmal verwendet wurde. Bitte starten Sie die Anmeldung noch einmal.",
    cancelledTitle: "Anmeldung abgebrochen",
    cancelled: "Sie haben die Anmeldung bei {provider} abgebrochen. Es wurden keine Daten übernommen.",
    unavailable:
      "{provider} ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal oder melden Sie sich mit E-Mail-Adresse und Passwort an.",
    noEmail:
      "{provider} hat keine gültige E-Mail-Adresse übermittelt. Ohne E-Mail-Adresse können wir kein Konto für Sie anlegen.",
    emailTakenTitle: "Es gibt schon ein Konto mit dieser E-Mail-Adresse",
    emailTaken:
      "Zu {email} gibt es schon ein Konto. Wir verbinden die Anmeldung über {provider} nur dann damit, wenn {provider} bestätigt, dass die Adresse Ihnen gehört, und das Konto bestätigt ist. Melden Sie sich bitte mit E-Mail-Adresse und Passwort an.",
    retry: "Zur Anmeldung",
    trustLevel_basisregistrierung: "Basisregistrierung",
    trustLevel_substantiell: "substantiell",
    trustLevel_hoch: "hoch",
    sessionTrustLevel: "Vertrauensniveau dieser Anmeldung: {level} (über {provider})",
    fromProvider:
      "Name, Geburtsdatum und Anschrift wurden am {date} von {provider} übernommen und werden es bei jeder Anmeldung dort wieder. Ihre Telefonnummer bleibt, wie Sie sie eingeben.",
  },
  {
    sectionHeading: "Sign in through an identity provider",
    sectionText: "No password needed: your name, date of birth and address are copied into your account.",
    defaultButtonLabel: "Sign in with BundID",
    defaultProviderName: "BundID",
    demoProviderName: "Demo identity provider – for testing only",
    providerLine: "Identity provider: {name} ({host})",
    failedTitle: "Sign-in not possible",
    stateInvalid:
      "This sign-in was not started in this browser, has expired or was already completed. Please start the sign-in again.",
    rejected:
      "{provider} did not confirm the sign-in, for example because its response was used before. Please start the sign-in again.",
    cancelledTitle: "Sign-in cancelled",
    cancelled: "You cancelled the sign-in at {provider}. No data was copied.",
    unavailable:
      "{provider} cannot be reached at the moment. Please try again later or sign in with your email address and password.",
    noEmail:
      "{provider} did not send a valid email address. Without one we cannot create an account for you.",
    emailTakenTitle: "There is already an account with this email address",
    emailTaken:
      "{email} already has an account. We only connect the sign-in through {provider} to it when {provider} confirms that the address is yours and the account is confirmed. Please sign in with your email address and password.",
    retry: "Go to sign in",
    trustLevel_basisregistrierung: "basic registration",
    trustLevel_substantiell: "substantial",
    trustLevel_hoch: "high",
    sessionTrustLevel: "Trust level of this sign-in: {level} (through {provider})",
    fromProvider:
      "Your name, date of birth and address were copied from {provider} on {date} and are copied again at every sign-in there. Your phone number stays as you enter it.",
  },
);
