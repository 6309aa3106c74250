import type { FieldError } from "#core/http/errors.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { errorFor } from "#core/views/form/index.ts";
import type { FormDefinition, LeafField, Step, StepField } from "./definition/form-definition.ts";
import { conditionFields, leavesOf } from "./definition/walk.ts";
import {
  type Answers,
  type Evaluation,
  evaluate,
  type Inputs,
  type ItemScope,
  itemInputs,
} from "./engine/evaluate.ts";
import { itemName } from "./engine/form-body.ts";
import { isLocked, withLocked } from "./engine/locked.ts";
import { findStep, toInputs } from "./engine/steps.ts";
import { actionField, localize } from "./fields/field-kind.ts";
import { GroupView } from "./fields/group.tsx";
import { LockedField } from "./fields/locked.tsx";
import { kindOf } from "./fields/registry.ts";
import { RepeatView } from "./fields/repeat.tsx";

interface Frame {
  definition: FormDefinition;
  locked: Answers;
  evaluation: Evaluation;
  inputs: Inputs;
  errors: readonly FieldError[];
  lang: Lang;
  sameStep: Set<string>;
}

/**
 * Shown on its step: visible now, or depending on an answer given on this same step (without JavaScript the
 * page cannot react to that answer; the server drops the field again if it stays hidden).
 */
function shown(field: StepField | LeafField, frame: Frame, scope?: ItemScope): boolean {
  if (frame.evaluation.isVisible(field.id, scope)) return true;
  const condition = field.visibleWhen;
  return condition !== undefined && conditionFields(condition).some((id) => frame.sameStep.has(id));
}

function Leaf(props: { field: LeafField; frame: Frame; input: unknown; scope?: ItemScope }): JSX.Element {
  const { field, frame, scope } = props;
  if (!shown(field, frame, scope)) return "";
  const kind = kindOf(field);
  if (!scope && isLocked(frame.definition, frame.locked, field.id))
    return <Locked field={field} frame={frame} />;
  const name = scope ? itemName(scope.repeat, scope.item, field.id) : field.id;
  return kind.render({
    field,
    name,
    input: props.input ?? kind.toInput(undefined),
    errors: frame.errors,
    lang: frame.lang,
    label: field.label ? localize(field.label, frame.lang) : "",
    hint: "hint" in field ? localize(field.hint, frame.lang) : undefined,
    optional: !frame.evaluation.isRequired(field, scope),
  });
}

/** A locked field: the valid answer, else the locked value as it is (with the error the field gives). */
function Locked(props: { field: LeafField; frame: Frame }): JSX.Element {
  const { field, frame } = props;
  const { answers } = frame.evaluation;
  const value = Object.hasOwn(answers, field.id) ? answers[field.id] : frame.locked[field.id];
  return (
    <LockedField
      name={field.id}
      label={field.label ? localize(field.label, frame.lang) : ""}
      lines={kindOf(field).display(value, field, frame.lang)}
      error={errorFor(frame.errors, field.id)}
      lang={frame.lang}
    />
  );
}

function Field(props: { field: StepField; frame: Frame }): JSX.Element {
  const { field, frame } = props;
  if (!shown(field, frame)) return "";
  if (field.type === "group") {
    return (
      <GroupView
        id={field.id}
        label={localize(field.label, frame.lang)}
        hint={localize(field.hint, frame.lang)}
        lang={frame.lang}
      >
        {field.fields.map((child) => (
          <Leaf field={child} frame={frame} input={frame.inputs[child.id]} />
        ))}
      </GroupView>
    );
  }
  if (field.type === "repeat") {
    const items = itemInputs(frame.inputs, field.id);
    return (
      <RepeatView
        field={field}
        count={items.length}
        errors={frame.errors}
        lang={frame.lang}
        renderItem={(item) => (
          <>
            {field.fields.map((child) => (
              <Leaf
                field={child}
                frame={frame}
                input={items[item]?.[child.id]}
                scope={{ repeat: field.id, item }}
              />
            ))}
          </>
        )}
      />
    );
  }
  return <Leaf field={field} frame={frame} input={frame.inputs[field.id]} />;
}

/**
 * The fields of one step with their values and errors, to put inside the flow's `<Form>` (which adds the
 * CSRF token and the "Weiter" button). `input` is `StepResult.input` after a failed or changed submission
 * (what the citizen typed); without it the stored answers are shown. Locked fields (`options.locked`, see
 * `lockedAnswers`) are shown as text, without an input. A step with a repeatable group starts with a hidden
 * default button (`_action=continue`), so pressing Enter in a field goes on instead of pressing the first
 * "Entfernen".
 */
export function renderStep(
  definition: FormDefinition,
  stepId: string,
  answers: Answers,
  errors: readonly FieldError[],
  lang: Lang,
  input?: Inputs,
  options: { today?: string; locked?: Answers } = {},
): JSX.Element {
  const step = findStep(definition, stepId);
  if (!step) return "";
  const locked = options.locked ?? {};
  const inputs = withLocked(definition, input ?? toInputs(definition, answers), locked);
  const frame: Frame = {
    definition,
    locked,
    evaluation: evaluate(definition, inputs, { lang, today: options.today }),
    inputs,
    errors,
    lang,
    sameStep: new Set(leavesOf(step).map((field) => field.id)),
  };
  return (
    <>
      {hasRepeat(step) ? (
        <button type="submit" name={actionField} value="continue" hidden tabindex="-1"></button>
      ) : (
        ""
      )}
      {step.fields.map((field) => (
        <Field field={field} frame={frame} />
      ))}
    </>
  );
}

const hasRepeat = (step: Step): boolean => step.fields.some((field) => field.type === "repeat");
