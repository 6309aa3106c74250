import { describe, expect, it } from "vitest";
import { ibanChecksumValid } from "#core/money/iban.ts";
import { everyFieldForm, testToday, validAllBody } from "#test/forms.ts";
import { parseStep } from "../engine/steps.ts";

type Body = Record<string, string | string[]>;
const options = { lang: "de" as const, today: testToday };

/** Step "alles" with the valid body changed by `changes` (undefined removes a name). */
function step(changes: Record<string, string | string[] | undefined>, lang: "de" | "en" = "de") {
  const body: Body = { ...validAllBody };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete body[name];
    else body[name] = value;
  }
  return parseStep(everyFieldForm, "alles", body, {}, { ...options, lang });
}
const errorsOf = (changes: Record<string, string | string[] | undefined>, lang: "de" | "en" = "de") =>
  Object.fromEntries(step(changes, lang).errors.map((e) => [e.field, e.message]));

describe("every field type on a valid body", () => {
  it("gives typed answers and no errors", () => {
    const result = step({});
    expect(result.errors).toEqual([]);
    expect(result.complete).toBe(true);
    expect(result.answers).toEqual({
      name: "Erika Mustermann",
      story: "Eine kurze Geschichte",
      count: 2,
      day: "2026-12-01",
      mail: "erika@example.de",
      place: { postalCode: "61250", town: "Usingen" },
      colour: "green",
      size: "l",
      extras: ["red", "blue"],
      pet: true,
      items: [
        { itemName: "Stuhl", itemPrice: 1250 },
        { itemName: "Tisch", itemPrice: 4000 },
      ],
      agree: true,
    });
  });
});

describe("required fields", () => {
  it("asks for each missing answer with an instruction", () => {
    const names = Object.keys(validAllBody);
    const empty = Object.fromEntries(names.map((name) => [name, undefined]));
    expect(step(empty).errors).toEqual([
      { field: "name", message: "Geben Sie „Name“ an" },
      { field: "story", message: "Geben Sie „Beschreibung“ an" },
      { field: "count", message: "Geben Sie „Anzahl“ an" },
      { field: "day", message: "Geben Sie „Termin“ an" },
      { field: "mail", message: "Geben Sie „E-Mail-Adresse“ an" },
      {
        field: "place.postalCode",
        message: "Geben Sie eine Postleitzahl mit fünf Ziffern an, zum Beispiel 61250",
      },
      { field: "place.town", message: "Geben Sie den Ort an" },
      { field: "colour", message: "Wählen Sie bei „Farbe“ eine Möglichkeit aus" },
      { field: "size", message: "Wählen Sie bei „Größe“ eine Möglichkeit aus" },
      { field: "pet", message: "Wählen Sie bei „Haben Sie ein Haustier?“ Ja oder Nein aus" },
      { field: "items", message: "Fügen Sie bei „Einträge“ mindestens einen Eintrag hinzu" },
      { field: "agree", message: "Bestätigen Sie die Erklärung, indem Sie das Kästchen ankreuzen" },
    ]);
  });

  it("speaks English", () => {
    expect(errorsOf({ name: "", pet: undefined, agree: undefined }, "en")).toEqual({
      name: "Enter “Name”",
      pet: "Select yes or no for “Do you have a pet?”",
      agree: "Confirm the declaration by ticking the box",
    });
  });
});

describe("text and textarea", () => {
  it("trims, collapses white space and checks length and pattern", () => {
    expect(step({ name: "  Erika \n  Muster  " }).answers.name).toBe("Erika Muster");
    expect(errorsOf({ name: "x".repeat(41) })).toEqual({
      name: "„Name“ darf höchstens 40 Zeichen lang sein",
    });
    expect(errorsOf({ name: "Erika\u0007" })).toEqual({
      name: "Entfernen Sie die Sonder- und Steuerzeichen aus „Name“",
    });
    expect(errorsOf({ code: "ab123" })).toEqual({ code: "Geben Sie die Kennziffer wie AB123 an" });
    expect(step({ code: "AB123" }).answers.code).toBe("AB123");
    expect(errorsOf({ code: "AB123x" }, "en")).toEqual({ code: "Enter the code like AB123" });
  });

  it("keeps line breaks in a textarea and checks its minimum", () => {
    expect(step({ story: "Zeile 1\r\nZeile 2" }).answers.story).toBe("Zeile 1\nZeile 2");
    expect(errorsOf({ story: "kurz" })).toEqual({
      story: "„Beschreibung“ muss mindestens 5 Zeichen lang sein",
    });
  });
});

describe("number", () => {
  it("reads a German decimal comma and checks whole numbers and range", () => {
    expect(step({ count: " 3 " }).answers.count).toBe(3);
    expect(errorsOf({ count: "2,5" })).toEqual({ count: "Geben Sie bei „Anzahl“ eine ganze Zahl an" });
    expect(errorsOf({ count: "0" })).toEqual({ count: "Geben Sie bei „Anzahl“ eine Zahl ab 1 an" });
    expect(errorsOf({ count: "11" })).toEqual({ count: "Geben Sie bei „Anzahl“ eine Zahl bis 10 an" });
    for (const garbage of ["zwei", "1.000,5", "1e3", "Infinity", "0x10", "--1"])
      expect(errorsOf({ count: garbage })).toEqual({
        count: "Geben Sie bei „Anzahl“ eine Zahl an, zum Beispiel 12 oder 12,5",
      });
  });
});

describe("date", () => {
  it("needs a real calendar date within its limits (relative to today in Berlin)", () => {
    const date = (day: string, month: string, year: string) => ({
      "day-day": day,
      "day-month": month,
      "day-year": year,
    });
    expect(step(date("31", "12", "2026")).answers.day).toBe("2026-12-31");
    expect(errorsOf(date("31", "2", "2027"))).toEqual({
      day: "Geben Sie bei „Termin“ ein echtes Datum an, zum Beispiel 27 3 2026",
    });
    expect(errorsOf(date("26", "11", "2026"))).toEqual({
      day: "Geben Sie bei „Termin“ ein Datum ab dem 27.11.2026 an",
    });
    expect(errorsOf(date("1", "1", "2028"))).toEqual({
      day: "Geben Sie bei „Termin“ ein Datum bis zum 31.12.2027 an",
    });
    expect(errorsOf(date("", "12", ""))).toEqual({
      day: "Geben Sie bei „Termin“ ein echtes Datum an, zum Beispiel 27 3 2026",
    });
  });
});

describe("e-mail, phone, IBAN", () => {
  it("checks the format", () => {
    expect(errorsOf({ mail: "erika@localhost" })).toEqual({
      mail: "Geben Sie eine E-Mail-Adresse im richtigen Format an, zum Beispiel name@beispiel.de",
    });
    expect(step({ tel: "06081  1025-0" }).answers.tel).toBe("06081 1025-0");
    expect(errorsOf({ tel: "112" })).toEqual({
      tel: "Geben Sie eine Telefonnummer an, zum Beispiel 06081 1025-0 oder +49 6081 10250",
    });
    expect(errorsOf({ tel: "0608 abc" })).toHaveProperty("tel");
  });

  it("normalises an IBAN and checks its check digits", () => {
    expect(step({ iban: "de02 1203 0000 0000 2020 51" }).answers.iban).toBe("DE02120300000000202051");
    expect(errorsOf({ iban: "DE03120300000000202051" })).toEqual({
      iban: "Prüfen Sie die IBAN: Die Prüfziffer passt nicht zu den übrigen Ziffern",
    });
    expect(errorsOf({ iban: "DE0212030000000020205" })).toEqual({
      iban: "Geben Sie eine IBAN im richtigen Format an, zum Beispiel DE02 1203 0000 0000 2020 51",
    });
    expect(ibanChecksumValid("GB82WEST12345698765432")).toBe(true);
    expect(ibanChecksumValid("NL91ABNA0417164300")).toBe(true);
    expect(ibanChecksumValid("NL91ABNA0417164301")).toBe(false);
  });
});

describe("postcode and town, address", () => {
  it("gives each part its own error and keeps to the allowed postcodes", () => {
    expect(errorsOf({ "place.postalCode": "6125", "place.town": "" })).toEqual({
      "place.postalCode": "Geben Sie eine Postleitzahl mit fünf Ziffern an, zum Beispiel 61250",
      "place.town": "Geben Sie den Ort an",
    });
    expect(
      errorsOf({ "home.street": "Marktplatz 1", "home.postalCode": "60311", "home.town": "Frankfurt" }),
    ).toEqual({
      "home.postalCode": "Geben Sie eine Postleitzahl aus dem Gebiet an, für das dieser Antrag gilt",
    });
    expect(errorsOf({ "home.street": "Marktplatz 1" })).toEqual({
      "home.postalCode": "Geben Sie eine Postleitzahl mit fünf Ziffern an, zum Beispiel 61250",
      "home.town": "Geben Sie den Ort an",
    });
    expect(
      step({ "home.street": " Marktplatz  1 ", "home.postalCode": "61267", "home.town": "Neu-Anspach" })
        .answers.home,
    ).toEqual({
      street: "Marktplatz 1",
      postalCode: "61267",
      town: "Neu-Anspach",
    });
  });
});

describe("choices", () => {
  it("accepts only offered options, in the options' order, and counts checkboxes", () => {
    expect(errorsOf({ colour: "purple" })).toEqual({
      colour: "Wählen Sie bei „Farbe“ eine der angebotenen Möglichkeiten aus",
    });
    expect(errorsOf({ size: ["s", "l"] })).toEqual({});
    expect(step({ size: ["s", "l"] }).answers.size).toBe("s");
    expect(step({ extras: ["blue", "red", "red"] }).answers.extras).toEqual(["red", "blue"]);
    expect(errorsOf({ extras: ["red", "green", "blue"] })).toEqual({
      extras: "Wählen Sie bei „Extras“ höchstens 2 Möglichkeiten aus",
    });
    expect(errorsOf({ extras: ["red", "__proto__"] })).toEqual({
      extras: "Wählen Sie bei „Extras“ eine der angebotenen Möglichkeiten aus",
    });
    expect(step({ pet: "no" }).answers.pet).toBe(false);
    expect(errorsOf({ pet: "vielleicht" })).toEqual({
      pet: "Wählen Sie bei „Haben Sie ein Haustier?“ Ja oder Nein aus",
    });
    expect(errorsOf({ agree: "no" })).toEqual({
      agree: "Bestätigen Sie die Erklärung, indem Sie das Kästchen ankreuzen",
    });
  });
});
