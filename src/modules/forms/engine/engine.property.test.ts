import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { demoForms } from "#seed/forms.ts";
import { everyFieldForm, testToday } from "#test/forms.ts";
import { checkDefinition } from "../definition/check-definition.ts";
import type { FormDefinition, LeafField, Step } from "../definition/form-definition.ts";
import { rootId, stepAnswerIds } from "../definition/walk.ts";
import { renderStep } from "../render.tsx";
import { summaryRows } from "../summary.ts";
import { evaluate } from "./evaluate.ts";
import { checkAnswers, parseStep, toInputs } from "./steps.ts";

/**
 * The acceptance properties of the rules engine: whatever a request carries, a step either validates or
 * gives field errors (never throws); hidden fields are never required and never kept; valid answers survive
 * a round trip unchanged; computed fees are deterministic whole cents; generated definitions with generated
 * answers never crash the engine, the renderer or the summary.
 */

const options = { lang: "de" as const, today: testToday };
const forms: FormDefinition[] = [
  everyFieldForm,
  ...demoForms.map((form) => form({ name: "Usingen", postalCode: "61250" })),
];

const garbage = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom(
    "",
    "<script>alert(1)</script>",
    "\u202e",
    "x".repeat(5000),
    "__proto__",
    "1e309",
    "NaN",
    "-1",
  ),
);

/** Plausible answers for one input of a field (right most of the time), or garbage. */
function plausible(field: LeafField, part: string): fc.Arbitrary<string> {
  const options = "options" in field ? field.options.map((o) => o.value) : [];
  const byPart: Record<string, fc.Arbitrary<string>> = {
    day: fc.integer({ min: 0, max: 32 }).map(String),
    month: fc.integer({ min: 1, max: 13 }).map(String),
    year: fc.integer({ min: 2020, max: 2028 }).map(String),
    street: fc.constantFrom("Marktplatz 1", "Weilburger Straße 12"),
    postalCode: fc.constantFrom("61250", "61267", "60311"),
    town: fc.constantFrom("Usingen", "Neu-Anspach"),
  };
  const byType: Partial<Record<LeafField["type"], fc.Arbitrary<string>>> = {
    number: fc.oneof(fc.integer({ min: -2, max: 30 }).map(String), fc.constantFrom("1,5", "0,1", "4.5")),
    email: fc.constantFrom("erika@example.de", "x@y"),
    phone: fc.constantFrom("06081 1025-0", "+49 6081 10250"),
    iban: fc.constantFrom("DE02120300000000202051", "DE02 1203 0000 0000 2020 52"),
    yesNo: fc.constantFrom("yes", "no"),
    declaration: fc.constant("yes"),
    text: fc.constantFrom("Erika", "HG-AB 123", "276098106543210", "HRB 12345", "Eine Beschreibung"),
    textarea: fc.constantFrom("Eine längere Beschreibung\nmit zwei Zeilen"),
  };
  const right = byPart[part] ?? (options.length > 0 ? fc.constantFrom(...options) : byType[field.type]);
  return right ? fc.oneof({ arbitrary: right, weight: 4 }, { arbitrary: garbage, weight: 1 }) : garbage;
}

/** Every input a step's page sends, with its field and part (date, address) and item indices. */
function inputsOf(step: Step): [string, LeafField, string][] {
  const parts = (name: string, field: LeafField): [string, LeafField, string][] => {
    if (field.type === "date") return ["day", "month", "year"].map((p) => [`${name}-${p}`, field, p]);
    if (field.type === "address" || field.type === "postalTown")
      return ["street", "postalCode", "town"].map((p) => [`${name}.${p}`, field, p]);
    return [[name, field, ""]];
  };
  return step.fields.flatMap((field) => {
    if (field.type === "repeat")
      return [0, 1, 2, 11].flatMap((i) =>
        field.fields.flatMap((child) => parts(`${field.id}[${i}].${child.id}`, child)),
      );
    return (field.type === "group" ? field.fields : [field]).flatMap((leaf) => parts(leaf.id, leaf));
  });
}

/** A body for a step: most inputs answered plausibly, some missing, plus extra names and buttons. */
function bodyFor(step: Step): fc.Arbitrary<Record<string, unknown>> {
  const counts = step.fields.flatMap((f) => (f.type === "repeat" ? [f.id] : []));
  const answered = fc.tuple(
    ...inputsOf(step).map(([name, field, part]) =>
      fc
        .option(fc.oneof(plausible(field, part), fc.array(plausible(field, part), { maxLength: 3 })), {
          freq: 4,
        })
        .map((value) => [name, value] as const),
    ),
  );
  const extra = fc.dictionary(
    fc.oneof(
      fc.constantFrom("_action", "__proto__", "constructor", ...counts.map((id) => `${id}.count`)),
      fc.string({ maxLength: 12 }),
    ),
    fc.oneof(garbage, fc.constantFrom("add:items", "remove:items:0", "continue", "1", "2", "3")),
    { maxKeys: 4 },
  );
  return fc.tuple(answered, extra).map(([pairs, more]) => ({
    ...Object.fromEntries(pairs.filter(([, value]) => value !== null)),
    ...more,
  }));
}

/** A form and a walk through all its steps with generated bodies: the answers a draft could hold. */
const formAndAnswers = fc.constantFrom(...forms).chain((definition) =>
  fc.tuple(...definition.steps.map((step) => bodyFor(step))).map((bodies) => {
    let answers = {};
    definition.steps.forEach((step, i) => {
      answers = parseStep(definition, step.id, bodies[i], answers, options).answers;
    });
    return { definition, answers };
  }),
);

describe("rules engine properties", () => {
  it("a step either validates or gives field errors on the step, never throws", () => {
    const arbitrary = fc
      .constantFrom(...forms)
      .chain((definition) =>
        fc
          .constantFrom(...definition.steps)
          .chain((step) => bodyFor(step).map((body) => ({ definition, step, body }))),
      );
    fc.assert(
      fc.property(arbitrary, ({ definition, step, body }) => {
        const result = parseStep(definition, step.id, body, {}, options);
        const ids = new Set(stepAnswerIds(step));
        for (const error of result.errors) {
          expect(ids.has(rootId(error.field))).toBe(true);
          expect(error.message.length).toBeGreaterThan(0);
        }
        expect(result.complete).toBe(!result.action && result.errors.length === 0);
      }),
      { numRuns: 1500 },
    );
  });

  it("never requires or keeps a hidden field; valid answers survive a round trip unchanged", () => {
    let answered = 0;
    fc.assert(
      fc.property(formAndAnswers, ({ definition, answers }) => {
        const evaluation = evaluate(definition, toInputs(definition, answers), options);
        for (const error of evaluation.errors) expect(evaluation.isVisible(rootId(error.field))).toBe(true);
        for (const id of Object.keys(evaluation.answers)) expect(evaluation.isVisible(id)).toBe(true);
        expect(evaluation.answers).toEqual(answers);
        if (Object.keys(answers).length >= 3) answered += 1;
      }),
      { numRuns: 400 },
    );
    expect(answered).toBeGreaterThan(40);
  });

  it("computes the same whole-cent fees for the same answers", () => {
    fc.assert(
      fc.property(formAndAnswers, ({ definition, answers }) => {
        const first = checkAnswers(definition, answers, options);
        const second = checkAnswers(definition, structuredClone(answers), options);
        expect(second.computed).toEqual(first.computed);
        for (const computed of definition.computed ?? []) {
          const value = first.computed[computed.id];
          expect(Number.isFinite(value)).toBe(true);
          if (computed.format === "cents") expect(Number.isInteger(value)).toBe(true);
        }
        if (first.feeCents !== undefined) expect(first.feeCents).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it("checks any JSON as a definition without throwing", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue()), (value) => {
        const result = checkDefinition(value);
        if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

const fieldIds = ["a", "b", "c", "d", "e", "f"];
const label = { de: "Frage" };
const leafTemplates: ((id: string) => LeafField)[] = [
  (id) => ({ type: "text", id, label, optional: true }),
  (id) => ({ type: "number", id, label, min: 0, max: 100 }),
  (id) => ({ type: "date", id, label, notBefore: { today: -10 } }),
  (id) => ({ type: "yesNo", id, label }),
  (id) => ({
    type: "select",
    id,
    label,
    options: [
      { value: "x", label },
      { value: "y", label },
    ],
  }),
  (id) => ({
    type: "checkboxes",
    id,
    label,
    options: [
      { value: "x", label },
      { value: "y", label },
    ],
    optional: true,
  }),
  (id) => ({ type: "address", id, label }),
  (id) => ({ type: "declaration", id, label }),
  (id) => ({ type: "iban", id, label, optional: true }),
];

/** Definitions of random fields whose conditions and computations name random (possibly invalid) fields. */
const generatedDefinition = fc
  .tuple(
    fc.array(fc.nat(leafTemplates.length - 1), { minLength: 1, maxLength: fieldIds.length }),
    fc.array(
      fc.record({
        field: fc.constantFrom(...fieldIds),
        on: fc.constantFrom(...fieldIds),
        value: fc.constantFrom<boolean | string | number>(true, "x", 3),
      }),
      { maxLength: 4 },
    ),
    fc.constantFrom(...fieldIds),
  )
  .map(([types, conditions, feeField]): unknown => {
    const fields = types.map((type, i) => {
      const field = leafTemplates[type]?.(fieldIds[i] ?? "z") as LeafField & { visibleWhen?: unknown };
      const condition = conditions.find((c) => c.field === field.id);
      if (condition) field.visibleWhen = { field: condition.on, op: "eq", value: condition.value };
      return field;
    });
    return {
      formatVersion: 1,
      key: "generiert",
      title: label,
      steps: [
        { id: "eins", title: label, fields: fields.slice(0, 3) },
        ...(fields.length > 3 ? [{ id: "zwei", title: label, fields: fields.slice(3) }] : []),
      ],
      computed: [{ id: "fee", label, format: "cents", expr: { add: [{ field: feeField }, { const: 0.5 }] } }],
      fee: "fee",
    };
  });

describe("generated definitions", () => {
  it("with generated answers never crash the engine, the renderer or the summary", async () => {
    let valid = 0;
    await fc.assert(
      fc.asyncProperty(
        generatedDefinition,
        fc.array(fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 10 })), {
          minLength: 2,
          maxLength: 2,
        }),
        async (value, bodies) => {
          const checked = checkDefinition(value);
          if (!checked.ok) return;
          valid += 1;
          const definition = checked.definition;
          let answers = {};
          for (const [i, step] of definition.steps.entries()) {
            const result = parseStep(definition, step.id, bodies[i], answers, options);
            answers = result.answers;
            expect(
              typeof (await renderStep(
                definition,
                step.id,
                answers,
                result.errors,
                "de",
                result.input,
                options,
              )),
            ).toBe("string");
          }
          summaryRows(definition, answers, "en", options);
          const final = checkAnswers(definition, answers, options);
          expect(Number.isInteger(final.feeCents)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
    // The generator must produce usable definitions often enough for the property to mean something.
    expect(valid).toBeGreaterThan(60);
  });
});
