import type { Expr } from "../definition/expressions.ts";
import { daysBetween } from "../fields/date.tsx";
import { evalCondition } from "./conditions.ts";

/** What an expression sees: answers in scope, the scopes of a repeatable group's items, other computed values. */
export interface ExprScope {
  lookup(id: string): unknown;
  items(repeatId: string): ExprScope[];
  computed(id: string): number;
}

const limit = 1e15;
/** Keeps every result a finite number in a safe range: garbage in never becomes NaN or Infinity. */
const finite = (value: number): number =>
  Number.isFinite(value) ? Math.min(limit, Math.max(-limit, value)) : 0;

function numeric(value: unknown): number {
  if (typeof value === "number") return finite(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return 0;
}

const isIsoDate = (value: unknown): value is string =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);

export function evalExpr(expr: Expr, scope: ExprScope): number {
  if ("const" in expr) return finite(expr.const);
  if ("field" in expr) return numeric(scope.lookup(expr.field));
  if ("computed" in expr) return finite(scope.computed(expr.computed));
  if ("count" in expr) {
    const where = expr.where;
    return scope.items(expr.count).filter((item) => !where || evalCondition(where, item.lookup)).length;
  }
  if ("sum" in expr)
    return finite(scope.items(expr.sum).reduce((total, item) => total + evalExpr(expr.of, item), 0));
  if ("add" in expr) return finite(expr.add.reduce((total, e) => total + evalExpr(e, scope), 0));
  if ("sub" in expr) return finite(evalExpr(expr.sub[0], scope) - evalExpr(expr.sub[1], scope));
  if ("mul" in expr) return finite(expr.mul.reduce((total, e) => total * evalExpr(e, scope), 1));
  if ("min" in expr) return Math.min(...expr.min.map((e) => evalExpr(e, scope)));
  if ("max" in expr) return Math.max(...expr.max.map((e) => evalExpr(e, scope)));
  if ("daysBetween" in expr) {
    const { from, to, inclusive } = expr.daysBetween;
    const [start, end] = [scope.lookup(from), scope.lookup(to)];
    if (!isIsoDate(start) || !isIsoDate(end)) return 0;
    return Math.max(0, daysBetween(start, end) + (inclusive ? 1 : 0));
  }
  return evalCondition(expr.when, scope.lookup)
    ? evalExpr(expr.value, scope)
    : evalExpr(expr.otherwise, scope);
}
