import type { Lang } from "#core/i18n/lang.ts";
import { format } from "#core/i18n/messages.ts";
import { formatCents } from "#core/money/index.ts";
import type { FormDefinition, LeafField } from "./definition/form-definition.ts";
import {
  type Answers,
  type EvaluateOptions,
  type Evaluation,
  evaluate,
  type ItemScope,
} from "./engine/evaluate.ts";
import { itemName } from "./engine/form-body.ts";
import { findStep, stepOrder, toInputs } from "./engine/steps.ts";
import { localize } from "./fields/field-kind.ts";
import { formatNumber } from "./fields/number.tsx";
import { kindOf } from "./fields/registry.ts";
import { formsMessages } from "./forms.messages.ts";

/** One answer on "Ihre Angaben prüfen" and in the receipt: plain text lines (escape them when rendering). */
export interface SummaryRow {
  label: string;
  lines: string[];
  /** The field's name in the form body: link to `#${fieldId(field)}` on the step to change it. */
  field: string;
}

export interface SummarySection {
  /** Where the change links go (the step page). */
  stepId: string;
  title: string;
  rows: SummaryRow[];
}

function leafRow(
  field: LeafField,
  answers: Answers,
  evaluation: Evaluation,
  lang: Lang,
  scope?: ItemScope,
): SummaryRow[] {
  if (field.type === "info" || !evaluation.isVisible(field.id, scope)) return [];
  const name = scope ? itemName(scope.repeat, scope.item, field.id) : field.id;
  const label = localize(field.label, lang);
  const value = Object.hasOwn(answers, field.id) ? answers[field.id] : undefined;
  const lines =
    value === undefined ? [formsMessages[lang].notAnswered] : kindOf(field).display(value, field, lang);
  return [{ label, lines, field: name }];
}

/**
 * The answers of every step the citizen walks through, in order, as label and lines, with the step to go
 * back to for a change. Hidden fields are left out; unanswered optional ones say "Nicht angegeben". A
 * repeatable group gives one row per item ("Gegenstand 1": "Art: Sofa", "Menge: 2 m³").
 */
export function summaryRows(
  definition: FormDefinition,
  answers: Answers,
  lang: Lang,
  options: Omit<EvaluateOptions, "lang"> = {},
): SummarySection[] {
  const evaluation = evaluate(definition, toInputs(definition, answers), { ...options, lang });
  const valid = evaluation.answers;
  return stepOrder(definition, valid, { ...options, lang }).flatMap((stepId) => {
    const step = findStep(definition, stepId);
    if (!step) return [];
    const rows = step.fields.flatMap((field): SummaryRow[] => {
      if (field.type === "group")
        return evaluation.isVisible(field.id)
          ? field.fields.flatMap((child) => leafRow(child, valid, evaluation, lang))
          : [];
      if (field.type !== "repeat") return leafRow(field, valid, evaluation, lang);
      const items = Array.isArray(valid[field.id]) ? (valid[field.id] as Answers[]) : [];
      return items.map((item, index) => ({
        label: format(localize(field.itemLabel, lang), { n: index + 1 }),
        // Within an item, unanswered optional questions are left out: the item reads as one short line each.
        lines: field.fields.flatMap((child) =>
          Object.hasOwn(item, child.id)
            ? leafRow(child, item, evaluation, lang, { repeat: field.id, item: index }).map(
                (row) => `${row.label}: ${row.lines.join(", ")}`,
              )
            : [],
        ),
        field: itemName(field.id, index, field.fields[0]?.id ?? ""),
      }));
    });
    return [{ stepId, title: localize(step.title, lang), rows }];
  });
}

export { formatCents };

export interface ComputedRow {
  id: string;
  label: string;
  value: number;
  /** "30,70 €" for cents, else the number in the page's language. */
  text: string;
}

/** The computed values (fees) for the summary and the receipt. */
export function computedRows(
  definition: FormDefinition,
  answers: Answers,
  lang: Lang,
  options: Omit<EvaluateOptions, "lang"> = {},
): ComputedRow[] {
  const { computed } = evaluate(definition, toInputs(definition, answers), { ...options, lang });
  return (definition.computed ?? []).map((c) => {
    const value = computed[c.id] ?? 0;
    return {
      id: c.id,
      label: localize(c.label, lang),
      value,
      text: c.format === "cents" ? formatCents(value) : formatNumber(value, lang),
    };
  });
}
