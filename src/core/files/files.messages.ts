import { defineMessages } from "#core/i18n/messages.ts";

/** Why an upload was not accepted, as an instruction to the citizen; shown at the file field. */
export const uploadMessages = defineMessages(
  {
    tooLarge: "Die Datei „{name}“ ist größer als {max}. Bitte laden Sie eine kleinere Datei hoch.",
    totalTooLarge:
      "Die Datei „{name}“ wurde nicht angenommen: Alle Dateien zusammen dürfen höchstens {max} groß sein.",
    empty: "Die Datei „{name}“ ist leer. Bitte wählen Sie die richtige Datei aus.",
    typeNotAllowed: "Die Datei „{name}“ hat keinen erlaubten Dateityp. Erlaubt sind: {allowed}.",
    contentMismatch:
      "Die Datei „{name}“ ist dem Inhalt nach keine {claimed}-Datei. Bitte laden Sie eine echte Datei dieses Typs hoch. Erlaubt sind: {allowed}.",
    infected: "Die Datei „{name}“ enthält Schadsoftware und wurde nicht angenommen.",
    scanUnavailable:
      "Die Datei „{name}“ konnte gerade nicht auf Schadsoftware geprüft werden und wurde deshalb nicht angenommen. Bitte versuchen Sie es in einigen Minuten noch einmal.",
    tooManyOne: "Sie können hier nur eine Datei hochladen.",
    tooMany: "Sie können hier höchstens {max} Dateien hochladen.",
  },
  {
    tooLarge: "The file “{name}” is larger than {max}. Please upload a smaller file.",
    totalTooLarge: "The file “{name}” was not accepted: all files together may be at most {max}.",
    empty: "The file “{name}” is empty. Please choose the right file.",
    typeNotAllowed: "The file “{name}” is not of an allowed type. Allowed are: {allowed}.",
    contentMismatch:
      "By its content, the file “{name}” is not a {claimed} file. Please upload a real file of that type. Allowed are: {allowed}.",
    infected: "The file “{name}” contains malware and was not accepted.",
    scanUnavailable:
      "The file “{name}” could not be checked for malware just now and was therefore not accepted. Please try again in a few minutes.",
    tooManyOne: "You can upload only one file here.",
    tooMany: "You can upload at most {max} files here.",
  },
);
