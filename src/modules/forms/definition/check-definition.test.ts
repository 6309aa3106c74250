import { describe, expect, it } from "vitest";
import { demoForms } from "#seed/forms.ts";
import { everyFieldForm } from "#test/forms.ts";
import { checkDefinition } from "./check-definition.ts";
import type { FormDefinition } from "./form-definition.ts";

const label = { de: "Frage" };
/** A small valid definition, changed by `change` to break one rule. */
function problemsOf(change: (definition: FormDefinition) => void): string[] {
  const definition: FormDefinition = structuredClone({
    formatVersion: 1,
    key: "test",
    title: label,
    steps: [
      {
        id: "eins",
        title: label,
        fields: [
          { type: "yesNo", id: "dog", label },
          {
            type: "select",
            id: "kind",
            label,
            options: [
              { value: "a", label },
              { value: "b", label },
            ],
          },
          { type: "date", id: "from", label },
          { type: "date", id: "to", label, notBefore: { field: "from" } },
          {
            type: "repeat",
            id: "items",
            label,
            min: 1,
            max: 3,
            itemLabel: label,
            fields: [{ type: "number", id: "size", label }],
          },
        ],
      },
    ],
    computed: [{ id: "fee", label, format: "cents", expr: { sum: "items", of: { field: "size" } } }],
    fee: "fee",
  } satisfies FormDefinition);
  change(definition);
  const result = checkDefinition(definition);
  return result.ok ? [] : result.problems;
}
const fields = (d: FormDefinition) => d.steps[0]?.fields ?? [];

describe("checkDefinition", () => {
  it("accepts the demo forms of both municipalities and the every-field test form", () => {
    for (const town of [
      { name: "Usingen", postalCode: "61250" },
      { name: "Neu-Anspach", postalCode: "61267" },
    ]) {
      for (const form of demoForms) expect(checkDefinition(form(town))).toMatchObject({ ok: true });
    }
    expect(checkDefinition(everyFieldForm)).toMatchObject({ ok: true });
    expect(problemsOf(() => {})).toEqual([]);
  });

  it("refuses what does not match the format, saying where", () => {
    const result = checkDefinition({ formatVersion: 2, key: "Bad Key", title: {}, steps: [] });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.join("\n")).toContain("/formatVersion");
    expect(checkDefinition(null)).toMatchObject({ ok: false });
    expect(problemsOf((d) => Object.assign(fields(d)[0] ?? {}, { surprise: true }))).not.toEqual([]);
  });

  it("refuses ids used twice and references to fields that are unknown or out of scope", () => {
    expect(problemsOf((d) => fields(d).push({ type: "text", id: "dog", label }))).toEqual([
      "dog: id is used twice",
    ]);
    expect(
      problemsOf((d) =>
        fields(d).push({ type: "text", id: "x", label, visibleWhen: { field: "cat", op: "answered" } }),
      ),
    ).toEqual(['x: refers to unknown field "cat"']);
    expect(
      problemsOf((d) =>
        fields(d).push({ type: "text", id: "x", label, visibleWhen: { field: "size", op: "answered" } }),
      ),
    ).toEqual(['x: "size" is inside a repeatable group']);
    expect(
      problemsOf((d) => d.computed?.push({ id: "c", label, format: "number", expr: { field: "size" } })),
    ).toEqual(['c: "size" is inside a repeatable group']);
    expect(
      problemsOf((d) => d.computed?.push({ id: "c", label, format: "number", expr: { count: "dog" } })),
    ).toEqual(['c: "dog" is no repeatable group']);
    expect(
      problemsOf((d) => d.computed?.push({ id: "c", label, format: "number", expr: { computed: "nope" } })),
    ).toEqual(['c: refers to unknown computed value "nope"']);
  });

  it("refuses comparisons with values that cannot be answers, and contradicting limits", () => {
    expect(
      problemsOf((d) =>
        fields(d).push({
          type: "text",
          id: "x",
          label,
          visibleWhen: { field: "kind", op: "eq", value: "c" },
        }),
      ),
    ).toEqual(['x: compares "kind" with a value that is no option of it']);
    expect(
      problemsOf((d) =>
        fields(d).push({
          type: "text",
          id: "x",
          label,
          visibleWhen: { field: "dog", op: "eq", value: "yes" },
        }),
      ),
    ).toEqual(['x: compares yes/no field "dog" with something other than true or false']);
    expect(problemsOf((d) => fields(d).push({ type: "number", id: "x", label, min: 5, max: 1 }))).toEqual([
      "x: min is greater than max",
    ]);
    expect(
      problemsOf((d) =>
        fields(d).push({ type: "text", id: "x", label, pattern: { regex: "(", message: label } }),
      ),
    ).toEqual(["x: pattern is no valid regular expression"]);
    expect(
      problemsOf((d) => fields(d).push({ type: "date", id: "x", label, notAfter: { date: "2026-02-30" } })),
    ).toEqual(['x: "2026-02-30" is no real date']);
    expect(problemsOf((d) => Object.assign(d, { fee: "nope" }))).toEqual([
      'fee: "nope" is no computed value in cents',
    ]);
  });

  it("refuses an upload inside a repeatable group", () => {
    const upload = { type: "file" as const, id: "photo", label, documentType: label };
    expect(
      problemsOf((d) => {
        const repeat = fields(d)[4];
        if (repeat?.type === "repeat") repeat.fields.push(upload);
      }),
    ).toEqual(["photo: upload fields cannot be inside a repeatable group"]);
  });

  it("refuses cycles in conditions, date limits and computed values", () => {
    expect(
      problemsOf((d) => {
        fields(d).push({ type: "text", id: "p", label, visibleWhen: { field: "q", op: "answered" } });
        fields(d).push({ type: "text", id: "q", label, visibleWhen: { field: "p", op: "answered" } });
      }),
    ).toContain("p: is part of a cycle");
    expect(problemsOf((d) => Object.assign(fields(d)[2] ?? {}, { notAfter: { field: "to" } }))).toContain(
      "from: is part of a cycle",
    );
    expect(
      problemsOf((d) => {
        d.computed?.push({ id: "a", label, format: "number", expr: { computed: "b" } });
        d.computed?.push({ id: "b", label, format: "number", expr: { add: [{ computed: "a" }] } });
      }),
    ).toContain("a: is part of a cycle");
  });
});
