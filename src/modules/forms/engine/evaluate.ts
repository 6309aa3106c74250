import type { FieldError } from "#core/http/errors.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { format } from "#core/i18n/messages.ts";
import type { FormDefinition, LeafField, RepeatField } from "../definition/form-definition.ts";
import { conditionFields, type FieldEntry, fieldIndex, rootId } from "../definition/walk.ts";
import { localize, type ParseContext } from "../fields/field-kind.ts";
import { kindOf } from "../fields/registry.ts";
import { formsMessages } from "../forms.messages.ts";
import { type ExprScope, evalExpr } from "./computed.ts";
import { evalCondition, isAnswered } from "./conditions.ts";

/** Typed answers by field id; a repeatable group's answer is a list of such records. */
export type Answers = Record<string, unknown>;
/** Answers as typed (each field kind's input shape); a repeatable group's input is a list of records. */
export type Inputs = Record<string, unknown>;

export interface EvaluateOptions {
  lang: Lang;
  /** Today in Europe/Berlin (`yyyy-mm-dd`); the current day unless told (tests pin it). */
  today?: string;
}

export interface Evaluation {
  /** The valid answers of visible fields; hidden fields are dropped. */
  answers: Answers;
  /** Every problem, named as in the form body (`dogName`, `home.street`, `items[0].kind`). */
  errors: FieldError[];
  /** Computed values by id (`cents` values are whole numbers). */
  computed: Record<string, number>;
  isVisible(id: string, scope?: ItemScope): boolean;
  isRequired(field: LeafField, scope?: ItemScope): boolean;
}

/** The item of a repeatable group a field is looked at in. */
export interface ItemScope {
  repeat: string;
  item: number;
}

export function todayInBerlin(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(now);
}

const own = (record: unknown, key: string): unknown =>
  typeof record === "object" && record !== null && Object.hasOwn(record, key)
    ? (record as Record<string, unknown>)[key]
    : undefined;

/** The items of a repeatable group in the inputs (always an array of records). */
export function itemInputs(inputs: Inputs, repeatId: string): Inputs[] {
  const items = own(inputs, repeatId);
  return Array.isArray(items)
    ? items.map((item) => (typeof item === "object" && item !== null ? item : {}))
    : [];
}

type Parsed = { value?: unknown; errors?: FieldError[] };

/**
 * The one place that decides, from a definition and inputs, which fields are visible and required, which
 * answers are valid, and what the computed values are. Conditions see only visible, valid answers, so a
 * hidden field never counts and is never required. Pure: same inputs, same result.
 */
export function evaluate(definition: FormDefinition, inputs: Inputs, options: EvaluateOptions): Evaluation {
  const { lang } = options;
  const today = options.today ?? todayInBerlin();
  const index = fieldIndex(definition);
  const visibility = new Map<string, boolean | "pending">();
  const parses = new Map<string, Parsed>();
  const computing = new Map<string, number | "pending">();
  const memoKey = (id: string, scope?: ItemScope) => (scope ? `${id}#${scope.item}` : id);
  const labelOf = (id: string) => {
    const field = index.get(id)?.field;
    return field && "label" in field && field.label ? localize(field.label, lang) : id;
  };
  const nameOf = (id: string, scope?: ItemScope) => (scope ? `${scope.repeat}[${scope.item}].${id}` : id);
  const inScope = (entry: FieldEntry, scope?: ItemScope) =>
    entry.repeat === undefined || entry.repeat.id === scope?.repeat;

  function inputOf(id: string, scope?: ItemScope): unknown {
    return scope ? own(itemInputs(inputs, scope.repeat)[scope.item], id) : own(inputs, id);
  }

  function isVisible(id: string, scope?: ItemScope): boolean {
    const key = memoKey(id, scope);
    const known = visibility.get(key);
    if (known !== undefined) return known === true; // "pending": a cycle, which validation forbids
    visibility.set(key, "pending");
    const entry = index.get(id);
    let visible = entry !== undefined && inScope(entry, scope);
    if (visible && entry?.group) visible = isVisible(entry.group.id);
    if (visible && entry?.repeat) visible = isVisible(entry.repeat.id);
    const condition = entry?.field.visibleWhen;
    if (visible && condition) visible = evalCondition(condition, (other) => answerOf(other, scope));
    visibility.set(key, visible);
    return visible;
  }

  function context(field: LeafField, scope?: ItemScope): ParseContext {
    return {
      name: nameOf(field.id, scope),
      lang,
      label: field.label ? localize(field.label, lang) : "",
      today,
      valueOf: (other) => answerOf(other, scope),
      labelOf,
    };
  }

  function parsed(field: LeafField, scope?: ItemScope): Parsed {
    const key = memoKey(field.id, scope);
    const known = parses.get(key);
    if (known) return known;
    parses.set(key, {});
    const kind = kindOf(field);
    const input = inputOf(field.id, scope) ?? kind.toInput(undefined);
    const result = kind.isEmpty(input) ? {} : kind.parse(input, field, context(field, scope));
    parses.set(key, result);
    return result;
  }

  /** The typed answer of a field as conditions and expressions see it: undefined when hidden or invalid. */
  function answerOf(id: string, scope?: ItemScope): unknown {
    const entry = index.get(id);
    if (!entry || !inScope(entry, scope) || !isVisible(id, entry.repeat ? scope : undefined))
      return undefined;
    const field = entry.field;
    if (field.type === "group") return undefined;
    if (field.type === "repeat") return collectRepeat(field, []);
    return parsed(field, entry.repeat ? scope : undefined).value;
  }

  function isRequired(field: LeafField, scope?: ItemScope): boolean {
    if (field.type === "declaration") return true;
    if (field.type === "info") return false;
    if (!field.optional) return true;
    return field.requiredWhen ? evalCondition(field.requiredWhen, (other) => answerOf(other, scope)) : false;
  }

  function collectLeaf(field: LeafField, target: Answers, errors: FieldError[], scope?: ItemScope): void {
    if (field.type === "info" || !isVisible(field.id, scope)) return;
    const kind = kindOf(field);
    const input = inputOf(field.id, scope) ?? kind.toInput(undefined);
    if (kind.isEmpty(input)) {
      if (isRequired(field, scope)) errors.push(...kind.missing(field, context(field, scope)));
      return;
    }
    const result = parsed(field, scope);
    if (result.errors) errors.push(...result.errors);
    else if (result.value !== undefined) target[field.id] = result.value;
  }

  function collectRepeat(field: RepeatField, errors: FieldError[]): Answers[] {
    const items = itemInputs(inputs, field.id);
    const t = formsMessages[lang];
    const label = localize(field.label, lang);
    const atLeast = field.min === 1 ? t.repeatAtLeastOne : t.repeatAtLeast;
    if (items.length < field.min)
      errors.push({ field: field.id, message: format(atLeast, { label, min: field.min }) });
    if (items.length > field.max)
      errors.push({ field: field.id, message: format(t.repeatAtMost, { label, max: field.max }) });
    return items.slice(0, field.max).map((_, item) => {
      const answers: Answers = {};
      for (const child of field.fields) collectLeaf(child, answers, errors, { repeat: field.id, item });
      return answers;
    });
  }

  const answers: Answers = {};
  const errors: FieldError[] = [];
  for (const step of definition.steps) {
    for (const field of step.fields) {
      if (field.type === "group") {
        if (isVisible(field.id)) for (const child of field.fields) collectLeaf(child, answers, errors);
      } else if (field.type === "repeat") {
        const items = isVisible(field.id) ? collectRepeat(field, errors) : [];
        if (items.length > 0) answers[field.id] = items;
      } else {
        collectLeaf(field, answers, errors);
      }
    }
  }

  for (const check of definition.checks ?? []) {
    const lookup = (id: string) => answerOf(id);
    if (!isVisible(check.field) || errors.some((error) => rootId(error.field) === check.field)) continue;
    if (check.when && !evalCondition(check.when, lookup)) continue;
    if (!conditionFields(check.assert).every((id) => isAnswered(lookup(id)))) continue;
    if (!evalCondition(check.assert, lookup))
      errors.push({ field: check.field, message: localize(check.message, lang) });
  }

  function itemScopes(repeatId: string): ExprScope[] {
    const field = index.get(repeatId)?.field;
    if (field?.type !== "repeat" || !isVisible(repeatId)) return [];
    const count = Math.min(itemInputs(inputs, repeatId).length, field.max);
    return Array.from({ length: count }, (_, item) => ({
      lookup: (id: string) => answerOf(id, { repeat: repeatId, item }),
      items: () => [],
      computed: computedValue,
    }));
  }

  const rootScope: ExprScope = { lookup: (id) => answerOf(id), items: itemScopes, computed: computedValue };

  function computedValue(id: string): number {
    const known = computing.get(id);
    if (known !== undefined) return known === "pending" ? 0 : known;
    computing.set(id, "pending");
    const definitionOf = definition.computed?.find((c) => c.id === id);
    const raw = definitionOf ? evalExpr(definitionOf.expr, rootScope) : 0;
    // `+ 0` turns -0 into 0, so equal answers give equal values.
    const value = (definitionOf?.format === "cents" ? Math.round(raw) : raw) + 0;
    computing.set(id, value);
    return value;
  }

  const computed = Object.fromEntries((definition.computed ?? []).map((c) => [c.id, computedValue(c.id)]));
  return { answers, errors, computed, isVisible, isRequired };
}
