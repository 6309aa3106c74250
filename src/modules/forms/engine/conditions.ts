import type { Condition, Scalar } from "../definition/parts.ts";

/** Whether an answer counts as given: not missing, not "", not an empty list. */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return false;
  return !Array.isArray(value) || value.length > 0;
}

const isScalar = (value: unknown): value is Scalar =>
  typeof value === "string" || typeof value === "number" || typeof value === "boolean";

function order(actual: unknown, expected: unknown): number | undefined {
  if (typeof actual === "number" && typeof expected === "number") return actual - expected;
  if (typeof actual === "string" && typeof expected === "string")
    return actual < expected ? -1 : actual > expected ? 1 : 0;
  return undefined;
}

/**
 * Evaluates a condition against typed answers (`lookup` gives the answer of a field in scope, undefined when
 * hidden or unanswered). A comparison with an unanswered field is false, `ne` included; `empty` is its test.
 */
export function evalCondition(condition: Condition, lookup: (id: string) => unknown): boolean {
  if ("all" in condition) return condition.all.every((c) => evalCondition(c, lookup));
  if ("any" in condition) return condition.any.some((c) => evalCondition(c, lookup));
  if ("not" in condition) return !evalCondition(condition.not, lookup);
  const actual = lookup(condition.field);
  if (condition.op === "answered") return isAnswered(actual);
  if (condition.op === "empty") return !isAnswered(actual);
  if (!isAnswered(actual)) return false;
  const expected = condition.otherField !== undefined ? lookup(condition.otherField) : condition.value;
  const expectedList = Array.isArray(expected) ? expected : [expected];
  switch (condition.op) {
    case "eq":
      return isScalar(actual) && actual === expected;
    case "ne":
      return isScalar(actual) && isScalar(expected) && actual !== expected;
    case "in":
      return isScalar(actual) && expectedList.includes(actual);
    case "includes":
      return Array.isArray(actual) && expectedList.some((value) => actual.includes(value));
    default: {
      const difference = order(actual, expected);
      if (difference === undefined) return false;
      if (condition.op === "gt") return difference > 0;
      if (condition.op === "gte") return difference >= 0;
      if (condition.op === "lt") return difference < 0;
      return difference <= 0;
    }
  }
}
