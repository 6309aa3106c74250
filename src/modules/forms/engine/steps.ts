import type { FieldError } from "#core/http/errors.ts";
import { type FormBody, formBody } from "#core/http/form-page.ts";
import type { FormDefinition, Step } from "../definition/form-definition.ts";
import { leavesOf, rootId, stepAnswerIds } from "../definition/walk.ts";
import { kindOf } from "../fields/registry.ts";
import {
  type Answers,
  type EvaluateOptions,
  type Evaluation,
  evaluate,
  type Inputs,
  itemInputs,
} from "./evaluate.ts";
import { applyAction, type FormAction, readAction, readStep } from "./form-body.ts";
import { lockedErrors, withLocked } from "./locked.ts";

/** Stored (typed) answers as inputs, so they can be shown in a form and checked again by the same parser. */
export function toInputs(definition: FormDefinition, answers: unknown): Inputs {
  const record = typeof answers === "object" && answers !== null ? (answers as Answers) : {};
  const inputs: Inputs = {};
  const value = (from: Answers, id: string) => (Object.hasOwn(from, id) ? from[id] : undefined);
  for (const step of definition.steps) {
    for (const field of step.fields) {
      if (field.type === "repeat") {
        inputs[field.id] = itemInputs(record, field.id).map((item) =>
          Object.fromEntries(
            field.fields.map((child) => [child.id, kindOf(child).toInput(value(item, child.id))]),
          ),
        );
        continue;
      }
      for (const leaf of field.type === "group" ? field.fields : [field])
        inputs[leaf.id] = kindOf(leaf).toInput(value(record, leaf.id));
    }
  }
  return inputs;
}

export const findStep = (definition: FormDefinition, stepId: string): Step | undefined =>
  definition.steps.find((step) => step.id === stepId);

/** Whether a step is shown: some answerable field on it is visible (a step of only info text always is). */
function stepShown(step: Step, evaluation: Evaluation): boolean {
  const answerable = step.fields.filter((field) => field.type !== "info");
  if (answerable.length === 0) return step.fields.some((field) => evaluation.isVisible(field.id));
  return answerable.some((field) =>
    field.type === "group"
      ? evaluation.isVisible(field.id) &&
        field.fields.some((child) => child.type !== "info" && evaluation.isVisible(child.id))
      : evaluation.isVisible(field.id),
  );
}

/** The steps to walk through for these answers, in order; steps whose fields are all hidden are skipped. */
export function stepOrder(definition: FormDefinition, answers: Answers, options: EvaluateOptions): string[] {
  const evaluation = evaluate(definition, toInputs(definition, answers), options);
  return definition.steps.filter((step) => stepShown(step, evaluation)).map((step) => step.id);
}

/** The errors that belong on a step (its fields, group children, repeatable groups and their items). */
export function errorsOnStep(step: Step, errors: readonly FieldError[]): FieldError[] {
  const ids = new Set(stepAnswerIds(step));
  return errors.filter((error) => ids.has(rootId(error.field)));
}

export interface StepResult {
  /** All answers after this step, hidden fields dropped: store them in the draft. */
  answers: Answers;
  /** What the citizen sent, to show again: pass it to `renderStep`. */
  input: Inputs;
  /** This step's errors (none after an add/remove button). */
  errors: FieldError[];
  /** An add/remove button was pressed: show the step again (200) instead of going on. */
  action?: FormAction;
  /** No errors and no action: go on to the next step. */
  complete: boolean;
}

export interface StepOptions extends EvaluateOptions {
  /** Values of locked fields by id (`lockedAnswers`): kept whatever the body says about them. */
  locked?: Answers;
}

/**
 * Reads one step's form body into the answers: the fields of the step are taken from the body, all others
 * from the stored answers, locked fields from `options.locked`; then the whole form is evaluated (so a
 * changed answer can hide later fields, which are then dropped). Never throws, whatever the body holds.
 */
export function parseStep(
  definition: FormDefinition,
  stepId: string,
  body: unknown,
  answers: Answers,
  options: StepOptions,
): StepResult {
  const step = findStep(definition, stepId);
  const locked = options.locked ?? {};
  const before = withLocked(definition, toInputs(definition, answers), locked);
  if (!step)
    return {
      answers: evaluate(definition, before, options).answers,
      input: before,
      errors: [],
      complete: false,
    };
  const fields: FormBody = formBody(body);
  const action = readAction(fields);
  const read = readStep(step, fields, before);
  const input = withLocked(definition, action ? applyAction(definition, read, action) : read, locked);
  const evaluation = evaluate(definition, input, options);
  const errors = action ? [] : lockedErrors(definition, errorsOnStep(step, evaluation.errors), locked);
  return { answers: evaluation.answers, input, errors, action, complete: !action && errors.length === 0 };
}

export interface FinalCheck {
  answers: Answers;
  errors: FieldError[];
  computed: Record<string, number>;
  /** The fee in cents, when the definition names one. */
  feeCents: number | undefined;
  /** The first step (in order) with an error: where to send the citizen back to. */
  firstInvalidStep: string | undefined;
}

/** The check before submitting: every visible step's answers again, with the same rules as the steps. */
export function checkAnswers(
  definition: FormDefinition,
  answers: unknown,
  options: EvaluateOptions,
): FinalCheck {
  const evaluation = evaluate(definition, toInputs(definition, answers), options);
  const firstInvalidStep = definition.steps.find(
    (step) => errorsOnStep(step, evaluation.errors).length > 0,
  )?.id;
  return {
    answers: evaluation.answers,
    errors: evaluation.errors,
    computed: evaluation.computed,
    feeCents: definition.fee === undefined ? undefined : evaluation.computed[definition.fee],
    firstInvalidStep,
  };
}

/** Whether a step has an upload field, so its form must be sent as multipart/form-data. */
export const stepHasUpload = (step: Step): boolean => leavesOf(step).some((field) => field.type === "file");
