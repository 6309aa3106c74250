import { defineMessages } from "#core/i18n/messages.ts";

/** The start page of a service that needs verified data (a form with `verifiedIdentity`). */
export const verifiedStartMessages = defineMessages(
  {
    heading: "Anmeldung mit Ihrem Online-Ausweis",
    needed:
      "Für diese Leistung müssen Sie sich mit Ihrem Online-Ausweis anmelden, mindestens mit dem Vertrauensniveau „{level}“. Ihr Name, Ihr Geburtsdatum und Ihre Anschrift werden dabei aus Ihrem Ausweis übernommen; Sie können sie im Antrag nicht ändern.",
    noGuest:
      "Ohne Konto oder mit E-Mail-Adresse und Passwort ist dieser Antrag nicht möglich, weil wir sicher wissen müssen, wer ihn stellt.",
    withoutProvider:
      "Sie sind zurzeit mit Passwort oder Passkey angemeldet, nicht mit Ihrem Online-Ausweis. Das reicht für diese Leistung nicht.",
    lowerLevel:
      "Sie sind zurzeit über {provider} mit dem Vertrauensniveau „{level}“ angemeldet. Das reicht für diese Leistung nicht.",
    providerLine: "Anmeldung über: {name} ({host})",
    unavailable:
      "Die Anmeldung mit dem Online-Ausweis ist hier zurzeit nicht eingerichtet. Bitte wenden Sie sich an die zuständige Stelle.",
    ready:
      "Sie sind über {provider} mit dem Vertrauensniveau „{level}“ angemeldet. Ihr Name, Ihr Geburtsdatum und Ihre Anschrift werden aus dieser Anmeldung übernommen; Sie können sie im Antrag nicht ändern.",
  },
  {
    heading: "Sign in with your online ID",
    needed:
      "For this service you must sign in with your online ID, at trust level “{level}” or higher. Your name, date of birth and address are then taken from your ID; you cannot change them in the application.",
    noGuest:
      "You cannot make this application without an account or with an email address and password, because we must know for certain who makes it.",
    withoutProvider:
      "You are signed in with a password or passkey at the moment, not with your online ID. That is not enough for this service.",
    lowerLevel:
      "You are signed in through {provider} at trust level “{level}” at the moment. That is not enough for this service.",
    providerLine: "Identity provider: {name} ({host})",
    unavailable:
      "Signing in with an online ID is not set up here at the moment. Please contact the office responsible.",
    ready:
      "You are signed in through {provider} at trust level “{level}”. Your name, date of birth and address are taken from this sign-in; you cannot change them in the application.",
  },
);
