import { describe, expect, it } from "vitest";
import type { FieldError } from "#core/http/errors.ts";
import { everyFieldForm, testToday, validAllBody } from "#test/forms.ts";
import type { FormDefinition } from "./definition/form-definition.ts";
import { parseStep } from "./engine/steps.ts";
import { renderStep } from "./render.tsx";

const hostile = `"><script>alert(1)</script>&lt;`;
const options = { today: testToday };
const form = everyFieldForm;

/** Every input name of step "alles" filled with the hostile string (as a citizen could type it). */
const hostileBody = Object.fromEntries(
  Object.entries(validAllBody).map(([name, value]) => [
    name,
    name === "items.count" ? "2" : Array.isArray(value) ? [hostile] : hostile,
  ]),
);

async function render(
  definition: FormDefinition,
  stepId: string,
  body: Record<string, unknown>,
  lang: "de" | "en" = "de",
) {
  const result = parseStep(definition, stepId, body, {}, { lang, ...options });
  return {
    html: await renderStep(definition, stepId, result.answers, result.errors, lang, result.input, options),
    errors: result.errors,
  };
}

describe("renderStep", () => {
  it("renders every field type with the typed values and an error each, escaping everything", async () => {
    const { html, errors } = await render(form, "alles", hostileBody);
    expect(html).not.toContain("<script");
    expect(html).toContain("&#34;>&lt;script>alert(1)&lt;/script>&amp;lt;");
    for (const error of errors as FieldError[]) {
      const id = `field-${error.field.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/-+$/, "")}-error`;
      expect(html, error.field).toContain(`id="${id}"`);
    }
    const names = [
      "name",
      "code",
      "story",
      "count",
      "day-day",
      "day-month",
      "day-year",
      "mail",
      "tel",
      "iban",
      "place.postalCode",
      "place.town",
      "home.street",
      "home.postalCode",
      "home.town",
      "colour",
      "size",
      "extras",
      "pet",
      "contactName",
      "items.count",
      "items[0].itemName",
      "items[1].itemPrice",
      "agree",
    ];
    for (const name of names) expect(html, name).toContain(`name="${name}"`);
    expect(errors.map((e) => e.field)).toEqual(
      expect.arrayContaining([
        "count",
        "day",
        "mail",
        "place.postalCode",
        "colour",
        "size",
        "extras",
        "pet",
        "items[0].itemPrice",
      ]),
    );
  });

  it("shows stored answers, marks optional fields and renders info text as paragraphs", async () => {
    const { html } = await render(form, "alles", validAllBody);
    expect(html).toContain(
      '<h2 class="kern-heading-small">Hinweis</h2><p class="kern-body">Erster Absatz.</p><p class="kern-body">Zweiter Absatz.</p>',
    );
    expect(html).toContain('name="name" type="text" value="Erika Mustermann"');
    expect(html).toContain('<option value="green" selected>Grün</option>');
    expect(html).toMatch(
      /<label class="kern-label" for="field-code"><span>Kennziffer<\/span><span class="kern-label__optional">\(optional\)<\/span>/,
    );
    expect(html).not.toMatch(/for="field-name"><span>Name<\/span><span class="kern-label__optional">/);
    expect(html).toContain('autocomplete="family-name"');
    expect(html).toContain('name="day-day" type="text" inputmode="numeric" value="1"');
    expect(html).toContain('type="checkbox" id="field-agree" name="agree" value="yes" checked');
  });

  it("gives a repeatable group its count, item legends and add/remove buttons, after a hidden default button", async () => {
    const { html } = await render(form, "alles", validAllBody);
    expect(
      html.startsWith('<button type="submit" name="_action" value="continue" hidden tabindex="-1"></button>'),
    ).toBe(true);
    expect(html).toContain('<input type="hidden" name="items.count" value="2"/>');
    expect(html).toContain('<legend class="kern-label">Eintrag 2</legend>');
    expect(html).toContain(
      'value="remove:items:1"><span class="kern-label"><span>Entfernen</span><span class="kern-sr-only"> Eintrag 2</span>',
    );
    expect(html).toContain(
      'id="field-items" name="_action" value="add:items"><span class="kern-label"><span>Weiteren Eintrag hinzufügen</span>',
    );
    const full = await render(form, "alles", { ...validAllBody, "items.count": "3" });
    expect(full.html).not.toContain("add:items");
  });

  it("renders an upload field with its files, remove buttons and limits; in English too", async () => {
    const proof = {
      fileId: "f-1",
      name: `${hostile}.pdf`,
      size: 5000,
      mediaType: "application/pdf",
      documentType: "Personalausweis",
    };
    const answers = {
      ...parseStep(form, "alles", validAllBody, {}, { lang: "de", ...options }).answers,
      proof: [proof],
    };
    const html = await renderStep(
      form,
      "datei",
      answers,
      [{ field: "proof", message: "Fehlt" }],
      "en",
      undefined,
      options,
    );
    expect(html).not.toContain("<script");
    expect(html).toContain('value="remove-file:proof:f-1"');
    expect(html).toContain('type="file" id="field-proof" name="proof" accept="application/pdf,image/png"');
    expect(html).toContain("Allowed: PDF, PNG, up to 1 MB per file, at most 2 files.");
    expect(html).toContain('id="field-proof-error"');
    expect(html).toContain("<span>Remove</span>");
  });

  it("leaves out fields hidden by earlier answers, and renders nothing for an unknown step", async () => {
    const noPet = parseStep(
      form,
      "alles",
      { ...validAllBody, pet: "no" },
      {},
      { lang: "de", ...options },
    ).answers;
    expect(await renderStep(form, "bedingt", noPet, [], "de", undefined, options)).toBe("");
    const pet = parseStep(form, "alles", validAllBody, {}, { lang: "de", ...options }).answers;
    expect(await renderStep(form, "bedingt", pet, [], "de", undefined, options)).toContain('name="petName"');
    expect(await renderStep(form, "nichts", pet, [], "de")).toBe("");
  });

  it("shows a field that depends on an answer of the same step (no JavaScript to reveal it)", async () => {
    const sameStep: FormDefinition = {
      ...form,
      steps: [
        {
          id: "eins",
          title: { de: "Eins" },
          fields: [
            { type: "yesNo", id: "more", label: { de: "Mehr?" } },
            {
              type: "text",
              id: "detail",
              label: { de: "Details" },
              visibleWhen: { field: "more", op: "eq", value: true },
            },
          ],
        },
      ],
      checks: [],
      computed: [],
      fee: undefined,
    };
    expect(await renderStep(sameStep, "eins", {}, [], "de")).toContain('name="detail"');
  });
});
