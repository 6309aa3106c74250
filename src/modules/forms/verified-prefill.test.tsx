import { describe, expect, it } from "vitest";
import { testToday } from "#test/forms.ts";
import { checkDefinition } from "./definition/check-definition.ts";
import type { FormDefinition } from "./definition/form-definition.ts";
import { isLocked } from "./engine/locked.ts";
import { checkAnswers, parseStep } from "./engine/steps.ts";
import { prefillAnswers } from "./prefill.ts";
import { renderStep } from "./render.tsx";
import { lockedAnswers } from "./verified-prefill.ts";

const label = (de: string) => ({ de, en: `${de} (en)` });
const form: FormDefinition = {
  formatVersion: 1,
  key: "verifiziert",
  title: label("Bescheinigung"),
  verifiedIdentity: { trustLevel: "substantiell" },
  steps: [
    {
      id: "daten",
      title: label("Ihre Daten"),
      fields: [
        { type: "text", id: "givenName", label: label("Vorname"), prefill: "givenName" },
        { type: "text", id: "familyName", label: label("Nachname"), prefill: "familyName" },
        { type: "date", id: "birthdate", label: label("Geburtsdatum"), prefill: "birthdate" },
        {
          type: "address",
          id: "address",
          label: label("Anschrift"),
          prefill: "address",
          postalCodes: { allowed: ["61250"] },
        },
        { type: "email", id: "email", label: label("E-Mail"), prefill: "email" },
        { type: "phone", id: "phone", label: label("Telefon"), prefill: "phone", optional: true },
      ],
    },
    {
      id: "art",
      title: label("Art"),
      fields: [{ type: "text", id: "purpose", label: label("Zweck") }],
    },
  ],
};

const claims = {
  givenName: "Erika",
  familyName: "Mustermann",
  birthdate: "1964-08-12",
  street: "Weilburger Straße 12",
  postalCode: "61250",
  town: "Usingen",
};
const options = { lang: "de" as const, today: testToday };
/** A draft as the flow starts it: the claims and the account's e-mail filled in, the claims' fields locked. */
function start(given: Record<string, string> = claims) {
  const locked = lockedAnswers(form, given);
  const answers = prefillAnswers(form, {}, { ...given, email: "erika@example.de" }, options);
  return { locked, answers };
}
const tampered = {
  givenName: "Mallory",
  familyName: "Muster",
  "birthdate-day": "1",
  "birthdate-month": "1",
  "birthdate-year": "2000",
  "address.street": "Falsche Gasse 1",
  "address.postalCode": "61250",
  "address.town": "Usingen",
  email: "neu@example.de",
  phone: "06081 1025-0",
};

describe("verified prefill", () => {
  it("locks the fields whose verifiable claim delivered a value; e-mail and phone stay open", () => {
    const { locked, answers } = start();
    expect(locked).toEqual({
      givenName: "Erika",
      familyName: "Mustermann",
      birthdate: "1964-08-12",
      address: { street: "Weilburger Straße 12", postalCode: "61250", town: "Usingen" },
    });
    expect(answers).toMatchObject({ ...locked, email: "erika@example.de" });
    expect(isLocked(form, locked, "email")).toBe(false);
    expect(lockedAnswers({ ...form, verifiedIdentity: undefined }, claims)).toEqual({});
  });

  it("leaves a field open whose claim was empty (an address only counts with all three parts)", () => {
    const { locked } = start({ ...claims, familyName: " ", street: "" });
    expect(Object.keys(locked)).toEqual(["givenName", "birthdate"]);
  });

  it("keeps the locked answers against a tampered body, and takes the open fields from it", () => {
    const { locked, answers } = start();
    const result = parseStep(form, "daten", tampered, answers, { ...options, locked });
    expect(result.complete).toBe(true);
    expect(result.answers).toMatchObject({ ...locked, email: "neu@example.de", phone: "06081 1025-0" });
    // Nothing sent for them at all: still there.
    const empty = parseStep(form, "daten", { email: "neu@example.de" }, answers, { ...options, locked });
    expect(empty.answers).toMatchObject(locked);
    // A locked answer lost from the stored answers comes back from the locked values.
    const later = parseStep(form, "art", { purpose: "Bank" }, { purpose: "x" }, { ...options, locked });
    expect(later.answers).toMatchObject({ ...locked, purpose: "Bank" });
  });

  it("leaves a field open whose claim was empty: the body fills it", () => {
    const { locked, answers } = start({ ...claims, familyName: "" });
    const result = parseStep(form, "daten", tampered, answers, { ...options, locked });
    expect(result.answers).toMatchObject({ givenName: "Erika", familyName: "Muster" });
  });

  it("reports a locked value the field does not accept at the field itself, once", () => {
    const { locked, answers } = start({ ...claims, postalCode: "61267", town: "Neu-Anspach" });
    expect(locked.address).toEqual({
      street: "Weilburger Straße 12",
      postalCode: "61267",
      town: "Neu-Anspach",
    });
    const result = parseStep(form, "daten", tampered, answers, { ...options, locked });
    expect(result.complete).toBe(false);
    expect(result.errors.map((e) => e.field)).toEqual(["address"]);
    expect(checkAnswers(form, result.answers, options).firstInvalidStep).toBe("daten");
  });

  it("shows locked fields as text with the hint, without an input; open fields as inputs", async () => {
    const { locked, answers } = start({ ...claims, familyName: "" });
    const html = await renderStep(form, "daten", answers, [], "de", undefined, { ...options, locked });
    for (const name of ["givenName", "birthdate-day", "address.street", "address.postalCode"])
      expect(html, name).not.toContain(`name="${name}"`);
    for (const name of ["familyName", "email", "phone"]) expect(html, name).toContain(`name="${name}"`);
    expect(html).toContain('id="field-givenName"');
    expect(html).toContain('<dt class="kern-description-list-item__key">Vorname</dt>');
    expect(html).toContain("<span>Erika</span>");
    expect(html).toContain("12.08.1964");
    expect(html).toContain("Weilburger Straße 12");
    expect(html).toContain(
      "Aus Ihrem Online-Ausweis übernommen – diese Angabe können Sie hier nicht ändern.",
    );
    // The typed input of a failed submission does not replace a locked value either.
    const typed = parseStep(form, "daten", tampered, answers, { ...options, locked });
    const again = await renderStep(form, "daten", typed.answers, [], "en", typed.input, { locked });
    expect(again).not.toContain("Mallory");
    expect(again).toContain("Taken from your online ID – you cannot change this here.");
    expect(again).toContain('value="Muster"');
  });

  it("shows the error of a locked value the field does not accept", async () => {
    const { locked, answers } = start({ ...claims, postalCode: "61267" });
    const result = parseStep(form, "daten", {}, answers, { ...options, locked });
    const html = await renderStep(form, "daten", result.answers, result.errors, "de", result.input, {
      ...options,
      locked,
    });
    expect(html).toContain('id="field-address-error"');
    expect(html).toContain("61267");
  });

  it("is checked with the definition: a known level, nothing else", () => {
    const problems = (verifiedIdentity: unknown) => {
      const result = checkDefinition({ ...form, verifiedIdentity });
      return result.ok ? [] : result.problems;
    };
    expect(problems({ trustLevel: "hoch" })).toEqual([]);
    expect(problems({ trustLevel: "substantiell" })).toEqual([]);
    expect(problems({ trustLevel: "basisregistrierung" })).not.toEqual([]);
    expect(problems({})).not.toEqual([]);
    expect(problems({ trustLevel: "hoch", claims: ["email"] })).not.toEqual([]);
  });
});
