import { defineMessages } from "#core/i18n/messages.ts";

/** Why an upload was not accepted, as an instruction to the citizen; shown at the file field. */
export const uploadMessages = defineMessages(
  {
    tooLarge: "Die Datei „{name}“ ist größer als {max}: Laden Sie eine kleinere Datei hoch",
    totalTooLarge:
      "Die Datei „{name}“ wurde nicht angenommen: Alle Dateien zusammen dürfen höchstens {max} groß sein",
    empty: "Die Datei „{name}“ ist leer: Wählen Sie die richtige Datei aus",
    typeNotAllowed: "Laden Sie die Datei „{name}“ in einem dieser Formate hoch: {allowed}",
    contentMismatch:
      "Die Datei „{name}“ ist dem Inhalt nach keine {claimed}-Datei: Laden Sie eine echte Datei in einem dieser Formate hoch: {allowed}",
    infected: "Die Datei „{name}“ enthält Schadsoftware und wurde nicht angenommen",
    scanUnavailable:
      "Die Datei „{name}“ konnte gerade nicht auf Schadsoftware geprüft werden: Versuchen Sie es in einigen Minuten noch einmal",
    tooManyOne: "Laden Sie hier nur eine Datei hoch",
    tooMany: "Laden Sie hier höchstens {max} Dateien hoch",
  },
  {
    tooLarge: "The file “{name}” is larger than {max}: upload a smaller file",
    totalTooLarge: "The file “{name}” was not accepted: all files together may be at most {max}",
    empty: "The file “{name}” is empty: choose the right file",
    typeNotAllowed: "Upload the file “{name}” in one of these formats: {allowed}",
    contentMismatch:
      "By its content, the file “{name}” is not a {claimed} file: upload a real file in one of these formats: {allowed}",
    infected: "The file “{name}” contains malware and was not accepted",
    scanUnavailable:
      "The file “{name}” could not be checked for malware just now: try again in a few minutes",
    tooManyOne: "Upload only one file here",
    tooMany: "Upload at most {max} files here",
  },
);
