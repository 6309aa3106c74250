import { defineMessages } from "#core/i18n/messages.ts";

/** The date of birth on "Persönliche Daten" (the other profile texts are in identity.messages.ts). */
export const profileMessages = defineMessages(
  {
    birthdateLabel: "Geburtsdatum",
    birthdateHint: "Zum Beispiel 27 3 1985",
    birthdateInvalid: "Geben Sie ein gültiges Geburtsdatum ein, zum Beispiel 27 3 1985",
    birthdateFuture: "Das Geburtsdatum muss in der Vergangenheit liegen",
  },
  {
    birthdateLabel: "Date of birth",
    birthdateHint: "For example, 27 3 1985",
    birthdateInvalid: "Enter a real date of birth, for example 27 3 1985",
    birthdateFuture: "Date of birth must be in the past",
  },
);
