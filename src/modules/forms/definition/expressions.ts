import { type Static, Type } from "@sinclair/typebox";
import { ConditionSchema, FieldIdSchema } from "./parts.ts";

const strict = { additionalProperties: false } as const;

/**
 * Arithmetic over answers for computed values. An unanswered or hidden field counts as 0 (a yes/no as 1 or 0);
 * `count` and `sum` go over a repeatable group's items (`where` and `of` see the item's fields);
 * `daysBetween` counts calendar days (plus one with `inclusive`), never below 0; `when` chooses between
 * `value` and `otherwise`.
 */
export const ExprSchema = Type.Recursive(
  (Self) =>
    Type.Union([
      Type.Object({ const: Type.Number({ minimum: -1e12, maximum: 1e12 }) }, strict),
      Type.Object({ field: FieldIdSchema }, strict),
      Type.Object({ computed: FieldIdSchema }, strict),
      Type.Object({ count: FieldIdSchema, where: Type.Optional(ConditionSchema) }, strict),
      Type.Object({ sum: FieldIdSchema, of: Self }, strict),
      Type.Object({ add: Type.Array(Self, { minItems: 1, maxItems: 20 }) }, strict),
      Type.Object({ sub: Type.Tuple([Self, Self]) }, strict),
      Type.Object({ mul: Type.Array(Self, { minItems: 1, maxItems: 20 }) }, strict),
      Type.Object({ min: Type.Array(Self, { minItems: 1, maxItems: 20 }) }, strict),
      Type.Object({ max: Type.Array(Self, { minItems: 1, maxItems: 20 }) }, strict),
      Type.Object(
        {
          daysBetween: Type.Object(
            { from: FieldIdSchema, to: FieldIdSchema, inclusive: Type.Optional(Type.Boolean()) },
            strict,
          ),
        },
        strict,
      ),
      Type.Object({ when: ConditionSchema, value: Self, otherwise: Self }, strict),
    ]),
  { $id: "Expr" },
);
export type Expr = Static<typeof ExprSchema>;

/** The sub-expressions of an expression (a `sum`'s `of` is evaluated per item of its group). */
export function operands(expr: Expr): Expr[] {
  if ("add" in expr) return expr.add;
  if ("mul" in expr) return expr.mul;
  if ("min" in expr) return expr.min;
  if ("max" in expr) return expr.max;
  if ("sub" in expr) return [...expr.sub];
  if ("when" in expr) return [expr.value, expr.otherwise];
  if ("sum" in expr) return [expr.of];
  return [];
}
