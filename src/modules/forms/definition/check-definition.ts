import { Value } from "@sinclair/typebox/value";
import { type Expr, operands } from "./expressions.ts";
import {
  type FormDefinition,
  FormDefinitionSchema,
  type LeafField,
  type StepField,
} from "./form-definition.ts";
import type { Comparison, Condition, DateBound } from "./parts.ts";
import { conditionFields, type FieldEntry, fieldIndex } from "./walk.ts";

export type DefinitionCheck = { ok: true; definition: FormDefinition } | { ok: false; problems: string[] };

const maxDepth = 8;

/**
 * Checks a form definition before it is saved: its shape (TypeBox) and its meaning — unique ids, references
 * to fields that exist and are in scope, conditions that compare with real options, limits that make sense,
 * patterns that compile, and no cycles in conditions, date limits or computed values. Never throws.
 */
export function checkDefinition(value: unknown): DefinitionCheck {
  if (!Value.Check(FormDefinitionSchema, value)) {
    const problems = [...Value.Errors(FormDefinitionSchema, value)]
      .slice(0, 20)
      .map((error) => `${error.path || "/"}: ${error.message}`);
    return { ok: false, problems };
  }
  const problems = semanticProblems(value);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, definition: value };
}

function depth(condition: Condition): number {
  if ("all" in condition) return 1 + Math.max(...condition.all.map(depth));
  if ("any" in condition) return 1 + Math.max(...condition.any.map(depth));
  if ("not" in condition) return 1 + depth(condition.not);
  return 1;
}

function comparisons(condition: Condition): Comparison[] {
  if ("all" in condition) return condition.all.flatMap(comparisons);
  if ("any" in condition) return condition.any.flatMap(comparisons);
  if ("not" in condition) return comparisons(condition.not);
  return [condition];
}

const isRealDate = (iso: string): boolean => {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso);
};

function semanticProblems(definition: FormDefinition): string[] {
  const problems: string[] = [];
  const index = fieldIndex(definition);
  const add = (where: string, message: string) => problems.push(`${where}: ${message}`);

  const stepIds = definition.steps.map((step) => step.id);
  for (const id of stepIds.filter((id, i) => stepIds.indexOf(id) !== i)) add(id, "step id is used twice");
  const allIds = [
    ...definition.steps.flatMap((step) =>
      step.fields.flatMap((f) =>
        f.type === "group" || f.type === "repeat" ? [f.id, ...f.fields.map((c) => c.id)] : [f.id],
      ),
    ),
    ...(definition.computed ?? []).map((c) => c.id),
  ];
  for (const id of allIds.filter((id, i) => allIds.indexOf(id) !== i)) add(id, "id is used twice");
  if (problems.length > 0) return problems;

  /** A field whose answer a condition or expression may read from `scope` (a repeat's id or top level). */
  const readable = (where: string, id: string, scope: string | undefined): FieldEntry | undefined => {
    const entry = index.get(id);
    if (!entry) return void add(where, `refers to unknown field "${id}"`);
    const field = entry.field;
    if (field.type === "group" || field.type === "info") return void add(where, `"${id}" has no answer`);
    if (entry.repeat && entry.repeat.id !== scope)
      return void add(where, `"${id}" is inside a repeatable group`);
    return entry;
  };

  const checkCondition = (where: string, condition: Condition, scope: string | undefined) => {
    if (depth(condition) > maxDepth) add(where, `condition is nested deeper than ${maxDepth}`);
    for (const comparison of comparisons(condition)) {
      const entry = readable(where, comparison.field, scope);
      if (comparison.otherField) readable(where, comparison.otherField, scope);
      if (entry) checkComparedValue(where, entry.field, comparison, add);
    }
  };

  const checkBound = (where: string, bound: DateBound | undefined, scope: string | undefined) => {
    if (!bound) return;
    if ("date" in bound && !isRealDate(bound.date)) add(where, `"${bound.date}" is no real date`);
    if ("field" in bound && readable(where, bound.field, scope)?.field.type !== "date")
      add(where, `date limit "${bound.field}" is no date field`);
  };

  const checkLeaf = (field: LeafField, scope: string | undefined) => {
    const where = field.id;
    if (field.visibleWhen) checkCondition(where, field.visibleWhen, scope);
    if ("requiredWhen" in field && field.requiredWhen) checkCondition(where, field.requiredWhen, scope);
    checkLimits(field, (message) => add(where, message));
    if (field.type === "date") {
      checkBound(where, field.notBefore, scope);
      checkBound(where, field.notAfter, scope);
    }
    if (field.type === "file" && scope) add(where, "upload fields cannot be inside a repeatable group");
  };

  for (const step of definition.steps) {
    for (const field of step.fields) {
      if (field.type === "group" || field.type === "repeat") {
        if (field.visibleWhen) checkCondition(field.id, field.visibleWhen, undefined);
        if (field.type === "repeat" && field.min > field.max) add(field.id, "min is greater than max");
        for (const child of field.fields) checkLeaf(child, field.type === "repeat" ? field.id : undefined);
      } else {
        checkLeaf(field, undefined);
      }
    }
  }

  for (const check of definition.checks ?? []) {
    const target = index.get(check.field);
    if (!target || target.repeat || target.field.type === "info")
      add(`check on ${check.field}`, "field is unknown or not top-level");
    if (check.when) checkCondition(`check on ${check.field}`, check.when, undefined);
    checkCondition(`check on ${check.field}`, check.assert, undefined);
  }

  const computedIds = new Set((definition.computed ?? []).map((c) => c.id));
  for (const computed of definition.computed ?? []) {
    checkExpr(computed.id, computed.expr, undefined, 0);
  }
  function checkExpr(where: string, expr: Expr, scope: string | undefined, level: number): void {
    if (level > 12) return void add(where, "expression is nested deeper than 12");
    if ("field" in expr) readable(where, expr.field, scope);
    if ("computed" in expr && !computedIds.has(expr.computed))
      add(where, `refers to unknown computed value "${expr.computed}"`);
    const repeatId = "count" in expr ? expr.count : "sum" in expr ? expr.sum : undefined;
    if (repeatId !== undefined && index.get(repeatId)?.field.type !== "repeat")
      add(where, `"${repeatId}" is no repeatable group`);
    if ("count" in expr && expr.where) checkCondition(where, expr.where, expr.count);
    if ("when" in expr) checkCondition(where, expr.when, scope);
    if ("daysBetween" in expr)
      for (const id of [expr.daysBetween.from, expr.daysBetween.to])
        if (readable(where, id, scope)?.field.type !== "date") add(where, `"${id}" is no date field`);
    for (const operand of operands(expr)) checkExpr(where, operand, repeatId ?? scope, level + 1);
  }

  if (definition.fee !== undefined) {
    const fee = definition.computed?.find((c) => c.id === definition.fee);
    if (fee?.format !== "cents") add("fee", `"${definition.fee}" is no computed value in cents`);
  }
  if (problems.length === 0) problems.push(...cycles(definition));
  return problems;
}

/** Minimum and maximum that contradict each other, duplicate options, patterns that do not compile. */
function checkLimits(field: LeafField, add: (message: string) => void): void {
  if ("options" in field) {
    const values = field.options.map((o) => o.value);
    if (new Set(values).size !== values.length) add("an option value is used twice");
  }
  if (
    (field.type === "text" || field.type === "textarea") &&
    (field.minLength ?? 0) > (field.maxLength ?? 10_000)
  )
    add("minLength is greater than maxLength");
  if (field.type === "number" && field.min !== undefined && field.max !== undefined && field.min > field.max)
    add("min is greater than max");
  if (field.type === "checkboxes" && (field.minSelected ?? 0) > (field.maxSelected ?? field.options.length))
    add("minSelected is greater than maxSelected");
  if (field.type === "text" && field.pattern) {
    try {
      new RegExp(field.pattern.regex, "u");
    } catch {
      add("pattern is no valid regular expression");
    }
  }
}

/** A compared value must be a possible answer: an offered option, true/false for yes/no. */
function checkComparedValue(
  where: string,
  field: StepField,
  comparison: Comparison,
  add: (w: string, m: string) => void,
) {
  if (comparison.value === undefined) return;
  const values = Array.isArray(comparison.value) ? comparison.value : [comparison.value];
  if ("options" in field && !values.every((v) => field.options.some((o) => o.value === v)))
    add(where, `compares "${field.id}" with a value that is no option of it`);
  if (field.type === "yesNo" && !values.every((v) => typeof v === "boolean"))
    add(where, `compares yes/no field "${field.id}" with something other than true or false`);
}

/** Fields whose visibility or answer another one's depends on; computed values on computed values. */
function cycles(definition: FormDefinition): string[] {
  const index = fieldIndex(definition);
  const edges = new Map<string, string[]>();
  for (const [id, entry] of index) {
    const field = entry.field;
    const deps = field.visibleWhen ? conditionFields(field.visibleWhen) : [];
    if (entry.group) deps.push(entry.group.id);
    if (entry.repeat) deps.push(entry.repeat.id);
    if (field.type === "date")
      for (const bound of [field.notBefore, field.notAfter])
        if (bound && "field" in bound) deps.push(bound.field);
    edges.set(id, deps);
  }
  for (const computed of definition.computed ?? [])
    edges.set(`computed:${computed.id}`, computedRefs(computed.expr));
  const state = new Map<string, "visiting" | "done">();
  const found: string[] = [];
  const visit = (node: string): void => {
    if (state.get(node) === "done") return;
    if (state.get(node) === "visiting")
      return void found.push(`${node.replace("computed:", "")}: is part of a cycle`);
    state.set(node, "visiting");
    for (const next of edges.get(node) ?? []) visit(next);
    state.set(node, "done");
  };
  for (const node of edges.keys()) visit(node);
  return found;
}

function computedRefs(expr: Expr): string[] {
  return "computed" in expr ? [`computed:${expr.computed}`] : operands(expr).flatMap(computedRefs);
}
