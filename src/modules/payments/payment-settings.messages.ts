import { defineMessages } from "#core/i18n/messages.ts";

/** Words of the administration's payment settings page: platform and Kassenzeichen pattern. */
export const paymentSettingsMessages = defineMessages(
  {
    settingsTitle: "Zahlungseinstellungen",
    settingsLink: "Zahlungsplattform und Kassenzeichen einstellen",
    settingsIntro:
      "Hier legen Sie fest, über welche Zahlungsplattform Bürgerinnen und Bürger Gebühren online bezahlen und wie die Kassenzeichen neuer Zahlungen aufgebaut sind.",
    providerLabel: "Zahlungsplattform",
    providerHint:
      "Neue Zahlungen und neue Zahlungsversuche laufen über die gewählte Plattform. Bereits begonnene Zahlungsversuche werden über ihre bisherige Plattform abgeschlossen.",
    "provider.epay-sim": "ePayBL-Zahlungsplattform (epay-sim)",
    "provider.stripe": "Stripe",
    stripeMissing:
      "Stripe ist in dieser Installation nicht eingerichtet und kann deshalb nicht gewählt werden. Der Betrieb richtet es mit den Umgebungsvariablen STRIPE_SECRET_KEY und STRIPE_WEBHOOK_SECRET ein.",
    savedProviderMissing:
      "Die gespeicherte Zahlungsplattform {provider} ist in dieser Installation nicht eingerichtet: Online-Zahlungen sind derzeit nicht möglich. Wählen Sie eine eingerichtete Plattform.",
    warningTitle: "Online-Zahlungen nicht möglich",
    noProvider:
      "In dieser Installation ist keine Zahlungsplattform eingerichtet. Online-Zahlungen sind erst möglich, wenn der Betrieb eine einrichtet.",
    patternHeading: "Aufbau des Kassenzeichens",
    placeholdersIntro:
      "Im Muster stehen diese Platzhalter für Teile, die bei jeder Zahlung eingesetzt werden:",
    placeholderPrefix: "das Kürzel Ihrer Kommune, hier {prefix}",
    placeholderYear: "das Kalenderjahr, zum Beispiel {year}",
    placeholderNumber: "die laufende Nummer, mindestens sechsstellig; sie beginnt jedes Jahr neu bei 000001",
    patternRules:
      "{number} und {year} müssen genau einmal vorkommen, {prefix} höchstens einmal. Außerdem erlaubt sind Buchstaben ohne Umlaute, Ziffern und die Zeichen / . _ -; das Muster darf höchstens 60 Zeichen und ein Kassenzeichen höchstens 40 Zeichen lang sein.",
    patternLabel: "Muster für das Kassenzeichen",
    patternHint: "Zum Beispiel {example}",
    preview: "Beispiel: {kassenzeichen}",
    previewExplained:
      "So sähe das Kassenzeichen der nächsten Zahlung mit diesem Muster aus. Vergeben wird es erst, wenn die Zahlung angelegt wird.",
    noRenumbering:
      "Eine Änderung gilt nur für neue Zahlungen: Bereits vergebene Kassenzeichen bleiben unverändert, und die laufende Nummer zählt weiter.",
    previewSubmit: "Vorschau anzeigen",
    saveSubmit: "Einstellungen speichern",
    savedNotice: "Die Zahlungseinstellungen wurden gespeichert.",
    "pattern.missing":
      "Geben Sie ein Muster für das Kassenzeichen an, zum Beispiel {prefix}-{year}-K{number}",
    "pattern.too_long": "Das Muster darf höchstens 60 Zeichen lang sein",
    "pattern.placeholder_unknown": "Verwenden Sie nur die Platzhalter {prefix}, {year} und {number}",
    "pattern.placeholder_repeated": "Jeder Platzhalter darf im Muster nur einmal vorkommen",
    "pattern.number_missing": "Das Muster muss den Platzhalter {number} für die laufende Nummer enthalten",
    "pattern.year_missing":
      "Das Muster muss den Platzhalter {year} enthalten, weil die laufende Nummer jedes Jahr neu beginnt",
    "pattern.characters":
      "Verwenden Sie außer den Platzhaltern nur Buchstaben ohne Umlaute, Ziffern und die Zeichen / . _ -",
    "pattern.result_too_long":
      "Ein Kassenzeichen nach diesem Muster kann länger als 40 Zeichen werden. Kürzen Sie das Muster",
    providerUnavailable: "Wählen Sie eine Zahlungsplattform, die in dieser Installation eingerichtet ist",
  },
  {
    settingsTitle: "Payment settings",
    settingsLink: "Set the payment platform and the Kassenzeichen",
    settingsIntro:
      "Choose the payment platform residents pay fees online with and how the Kassenzeichen (payment reference) of new payments is built.",
    providerLabel: "Payment platform",
    providerHint:
      "New payments and new payment attempts use the platform chosen. Attempts already started are completed on their platform.",
    "provider.epay-sim": "ePayBL payment platform (epay-sim)",
    "provider.stripe": "Stripe",
    stripeMissing:
      "Stripe is not set up in this installation and cannot be chosen. The operator sets it up with the environment variables STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET.",
    savedProviderMissing:
      "The saved payment platform {provider} is not set up in this installation: online payments are not possible at the moment. Choose a platform that is set up.",
    warningTitle: "Online payments not possible",
    noProvider:
      "No payment platform is set up in this installation. Online payments become possible once the operator sets one up.",
    patternHeading: "Structure of the Kassenzeichen",
    placeholdersIntro: "In the pattern, these placeholders stand for parts filled in for each payment:",
    placeholderPrefix: "your municipality's short code, here {prefix}",
    placeholderYear: "the calendar year, for example {year}",
    placeholderNumber: "the running number, at least six digits; it starts again at 000001 every year",
    patternRules:
      "{number} and {year} must appear exactly once, {prefix} at most once. Otherwise only letters without umlauts, digits and the characters / . _ - are allowed; the pattern may be 60 characters long at most and a Kassenzeichen 40.",
    patternLabel: "Pattern of the Kassenzeichen",
    patternHint: "For example {example}",
    preview: "Example: {kassenzeichen}",
    previewExplained:
      "This is what the next payment's Kassenzeichen would look like with this pattern. It is only given out when the payment is created.",
    noRenumbering:
      "A change applies to new payments only: Kassenzeichen already given out stay as they are, and the running number carries on.",
    previewSubmit: "Show preview",
    saveSubmit: "Save settings",
    savedNotice: "The payment settings have been saved.",
    "pattern.missing": "Enter a pattern for the Kassenzeichen, for example {prefix}-{year}-K{number}",
    "pattern.too_long": "The pattern must be 60 characters or fewer",
    "pattern.placeholder_unknown": "Use only the placeholders {prefix}, {year} and {number}",
    "pattern.placeholder_repeated": "Each placeholder may appear only once in the pattern",
    "pattern.number_missing": "The pattern must contain the placeholder {number} for the running number",
    "pattern.year_missing":
      "The pattern must contain the placeholder {year}, because the running number starts again every year",
    "pattern.characters":
      "Apart from the placeholders, use only letters without umlauts, digits and the characters / . _ -",
    "pattern.result_too_long":
      "A Kassenzeichen with this pattern can be longer than 40 characters. Shorten the pattern",
    providerUnavailable: "Choose a payment platform that is set up in this installation",
  },
);
