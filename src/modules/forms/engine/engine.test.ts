import { describe, expect, it } from "vitest";
import { everyFieldForm, testToday, validAllBody } from "#test/forms.ts";
import { prefillAnswers } from "../prefill.ts";
import { computedRows, formatCents, summaryRows } from "../summary.ts";
import { checkAnswers, parseStep, stepOrder } from "./steps.ts";

const options = { lang: "de" as const, today: testToday };
const form = everyFieldForm;
const proof = {
  fileId: "f-1",
  name: "ausweis.pdf",
  size: 2048,
  mediaType: "application/pdf",
  documentType: "Personalausweis",
};

/** Answers after a complete step "alles" (pet: yes). */
const allAnswers = parseStep(form, "alles", validAllBody, {}, options).answers;

describe("visibility and requiredness", () => {
  it("shows a step only while one of its fields is visible, and drops hidden answers", () => {
    expect(stepOrder(form, allAnswers, options)).toEqual(["alles", "bedingt", "datei"]);
    const withPet = parseStep(form, "bedingt", { petName: "Bello" }, allAnswers, options);
    expect(withPet.answers.petName).toBe("Bello");
    // Answering "no" on the first step hides the pet step, and its answer is dropped.
    const noPet = parseStep(form, "alles", { ...validAllBody, pet: "no" }, withPet.answers, options);
    expect(noPet.answers).not.toHaveProperty("petName");
    expect(stepOrder(form, noPet.answers, options)).toEqual(["alles", "datei"]);
  });

  it("never requires a hidden field, and requires an optional one while its condition matches", () => {
    const noPet = parseStep(form, "alles", { ...validAllBody, pet: "no" }, {}, options).answers;
    expect(parseStep(form, "bedingt", {}, noPet, options).errors).toEqual([]);
    expect(parseStep(form, "bedingt", {}, allAnswers, options).errors).toEqual([
      { field: "petName", message: "Geben Sie „Name des Tieres“ an" },
    ]);
    const many = parseStep(form, "alles", { ...validAllBody, count: "5" }, {}, options).answers;
    expect(parseStep(form, "bedingt", { petName: "Bello" }, many, options).errors).toEqual([
      { field: "petSince", message: "Geben Sie „Seit wann?“ an" },
    ]);
  });

  it("limits a date by another field's answer", () => {
    const body = { petName: "Bello", "petSince-day": "1", "petSince-month": "1", "petSince-year": "2020" };
    expect(parseStep(form, "bedingt", body, allAnswers, options).errors).toEqual([
      { field: "petSince", message: "Geben Sie bei „Seit wann?“ ein Datum ab dem 06.03.2024 an" },
    ]);
  });
});

describe("cross-field checks", () => {
  it("reports a failed check at its field, only while `when` matches", () => {
    expect(
      parseStep(form, "alles", { ...validAllBody, colour: "red", count: "4" }, {}, options).errors,
    ).toEqual([{ field: "count", message: "Rote gibt es höchstens 3" }]);
    expect(
      parseStep(form, "alles", { ...validAllBody, colour: "red", count: "3" }, {}, options).errors,
    ).toEqual([]);
    expect(
      parseStep(form, "alles", { ...validAllBody, colour: "blue", count: "4" }, {}, options).errors,
    ).toEqual([]);
  });
});

describe("repeatable group without JavaScript", () => {
  it("adds and removes items with `_action` buttons, without validating", () => {
    const added = parseStep(form, "alles", { ...validAllBody, _action: "add:items" }, {}, options);
    expect(added.action).toEqual({ kind: "add", repeat: "items" });
    expect(added.complete).toBe(false);
    expect(added.errors).toEqual([]);
    expect(added.input.items).toHaveLength(3);
    const full = parseStep(
      form,
      "alles",
      { ...validAllBody, "items.count": "3", _action: "add:items" },
      {},
      options,
    );
    expect(full.input.items).toHaveLength(3);
    const removed = parseStep(form, "alles", { ...validAllBody, _action: "remove:items:0" }, {}, options);
    expect(removed.answers.items).toEqual([{ itemName: "Tisch", itemPrice: 4000 }]);
  });

  it("names item errors by index and ignores indices beyond the count or the maximum", () => {
    const body = {
      ...validAllBody,
      "items[1].itemPrice": "viel",
      "items[7].itemName": "zu viel",
      "items.count": "99",
    };
    const result = parseStep(form, "alles", body, {}, options);
    expect(result.errors.map((e) => e.field)).toEqual([
      "items[1].itemPrice",
      "items[2].itemName",
      "items[2].itemPrice",
    ]);
    const counted = parseStep(
      form,
      "alles",
      { ...validAllBody, "items.count": undefined as unknown as string },
      {},
      options,
    );
    expect(counted.answers.items).toHaveLength(2);
  });
});

describe("uploads", () => {
  it("takes the files from the answers (set by the flow) and checks them against the field's limits", () => {
    const withFile = { ...allAnswers, proof: [proof] };
    expect(parseStep(form, "datei", {}, withFile, options)).toMatchObject({ errors: [], complete: true });
    expect(parseStep(form, "datei", {}, allAnswers, options).errors).toEqual([
      { field: "proof", message: "Laden Sie „Personalausweis“ hoch" },
    ]);
    const tooBig = { ...allAnswers, proof: [{ ...proof, size: 2 * 1024 * 1024 }] };
    expect(parseStep(form, "datei", {}, tooBig, options).errors).toEqual([
      { field: "proof", message: "Die Datei „ausweis.pdf“ ist zu groß: Laden Sie eine Datei bis 1 MB hoch" },
    ]);
    const wrongType = { ...allAnswers, proof: [{ ...proof, mediaType: "application/x-msdownload" }] };
    expect(parseStep(form, "datei", {}, wrongType, options).errors).toEqual([
      { field: "proof", message: "Laden Sie die Datei „ausweis.pdf“ in einem dieser Formate hoch: PDF, PNG" },
    ]);
    const three = { ...allAnswers, proof: [proof, { ...proof, fileId: "f-2" }, { ...proof, fileId: "f-3" }] };
    expect(parseStep(form, "datei", {}, three, options).errors[0]?.message).toBe(
      "Laden Sie für „Personalausweis“ höchstens 2 Dateien hoch",
    );
  });

  it("removes a file with its button and ignores a file reference sent in the body", () => {
    const withFile = { ...allAnswers, proof: [proof] };
    const removed = parseStep(form, "datei", { _action: "remove-file:proof:f-1" }, withFile, options);
    expect(removed.answers).not.toHaveProperty("proof");
    const forged = parseStep(form, "datei", { proof: JSON.stringify(proof) }, allAnswers, options);
    expect(forged.answers).not.toHaveProperty("proof");
  });
});

describe("tampered requests", () => {
  it("ignores unknown names, other steps' fields and prototype keys", () => {
    const body = { ...validAllBody, petName: "Hacker", unknown: "x", __proto__: "y", constructor: "z" };
    const result = parseStep(form, "alles", body, {}, options);
    expect(result.errors).toEqual([]);
    expect(result.answers).not.toHaveProperty("petName");
    expect(Object.keys(result.answers)).not.toContain("unknown");
  });

  it("answers an unknown step with no change", () => {
    expect(parseStep(form, "gibt-es-nicht", validAllBody, allAnswers, options)).toMatchObject({
      complete: false,
      errors: [],
    });
  });
});

describe("final check, computed values, summary", () => {
  const complete = {
    ...parseStep(form, "bedingt", { petName: "Bello" }, allAnswers, options).answers,
    proof: [proof],
  };

  it("finds the first step with a problem, e.g. after skipping steps by URL", () => {
    expect(checkAnswers(form, complete, options)).toMatchObject({
      errors: [],
      firstInvalidStep: undefined,
      feeCents: 500 + 2 * 250 + 5250,
    });
    const skipped = checkAnswers(form, allAnswers, options);
    expect(skipped.firstInvalidStep).toBe("bedingt");
    expect(skipped.errors.map((e) => e.field)).toEqual(["petName", "proof"]);
    expect(checkAnswers(form, "garbage", options).firstInvalidStep).toBe("alles");
  });

  it("computes fees in whole cents and formats them the German way", () => {
    expect(computedRows(form, complete, "de", options)).toEqual([
      { id: "itemTotal", label: "Summe der Preise", value: 5250, text: "52,50 €" },
      { id: "fee", label: "Gebühr", value: 6250, text: "62,50 €" },
    ]);
    expect(formatCents(123456)).toBe("1.234,56 €");
  });

  it("lists the answers per step, items as one row each", () => {
    const sections = summaryRows(form, complete, "de", options);
    expect(sections.map((s) => s.stepId)).toEqual(["alles", "bedingt", "datei"]);
    const rows = Object.fromEntries(sections.flatMap((s) => s.rows).map((r) => [r.label, r.lines]));
    expect(rows).toMatchObject({
      Name: ["Erika Mustermann"],
      Kennziffer: ["Nicht angegeben"],
      Termin: ["01.12.2026"],
      "Postleitzahl und Ort": ["61250 Usingen"],
      Farbe: ["Grün"],
      Extras: ["Rot", "Blau"],
      "Haben Sie ein Haustier?": ["Ja"],
      "Eintrag 1": ["Bezeichnung: Stuhl", "Preis in Cent: 1.250"],
      "Ich bestätige meine Angaben.": ["Bestätigt"],
      Nachweis: ["ausweis.pdf (2 KB)"],
    });
    expect(rows).not.toHaveProperty("Hinweis");
    expect(sections[0]?.rows.find((r) => r.label === "Eintrag 2")?.field).toBe("items[1].itemName");
  });
});

describe("prefill", () => {
  it("fills empty prefill fields from the profile, never over an answer, never with an invalid value", () => {
    const profile = { familyName: "Mustermann", email: "kein-format", givenName: "Erika" };
    expect(prefillAnswers(form, {}, profile, options)).toEqual({ name: "Mustermann" });
    expect(prefillAnswers(form, { name: "Eigene Angabe" }, profile, options).name).toBe("Eigene Angabe");
    expect(prefillAnswers(form, {}, { email: "erika@example.de" }, options)).toEqual({
      mail: "erika@example.de",
    });
  });
});
