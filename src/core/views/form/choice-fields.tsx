import type { Lang } from "#core/i18n/lang.ts";
import { ErrorMessage, FieldLabel, type FieldProps, Hint, Legend } from "./field-parts.tsx";
import { attrValue, describedBy, errorId, fieldId, hintId, optionId } from "./ids.ts";

export interface ChoiceOption {
  /** Sent in the form body when chosen. */
  value: string;
  label: string;
  /** Help for this one option, linked to it with aria-describedby. */
  hint?: string;
}

export interface CheckboxProps extends FieldProps {
  /** Sent when ticked; "yes" unless told. */
  value?: string;
  checked?: boolean;
}

/** A single checkbox, e.g. a declaration ("Ich bestätige, dass meine Angaben richtig sind"). */
export function Checkbox(props: CheckboxProps): JSX.Element {
  const id = props.id ?? fieldId(props.name);
  const error = props.error || undefined;
  return (
    <div class={["kern-form-check", error && "kern-form-check--error"]}>
      <input
        class={["kern-form-check__checkbox", error && "kern-form-check__checkbox--error"]}
        type="checkbox"
        id={id}
        name={props.name}
        value={attrValue(props.value ?? "yes")}
        checked={props.checked === true}
        aria-describedby={describedBy(props.hint && hintId(id), error && errorId(id))}
        aria-invalid={error ? "true" : undefined}
      />
      <FieldLabel for={id} text={props.label} lang={props.lang} optional={props.optional} />
      <Hint for={id} text={props.hint} />
      <ErrorMessage for={id} text={error} lang={props.lang} />
    </div>
  );
}

interface GroupProps extends FieldProps {
  options: ChoiceOption[];
  /** Options side by side (only for a few short ones, e.g. Ja / Nein). */
  inline?: boolean;
}

export interface RadioGroupProps extends GroupProps {
  /** The chosen option's value. */
  value?: string;
}

export interface CheckboxGroupProps extends GroupProps {
  /** The ticked options' values. */
  values?: readonly string[];
}

/**
 * A fieldset whose legend is the question; the hint and error describe the whole group. The options carry no
 * aria-invalid (ARIA does not support it on radios); the error is announced with the group.
 */
function ChoiceGroup(
  props: GroupProps & { type: "radio" | "checkbox"; isChosen: (value: string) => boolean },
) {
  const id = props.id ?? fieldId(props.name);
  const error = props.error || undefined;
  const inputClass = `kern-form-check__${props.type}`;
  return (
    <fieldset
      class={["kern-fieldset", error && "kern-fieldset--error"]}
      aria-describedby={describedBy(props.hint && hintId(id), error && errorId(id))}
    >
      <Legend text={props.label} lang={props.lang} optional={props.optional} />
      <Hint for={id} text={props.hint} />
      <div class={["kern-fieldset__body", props.inline && "kern-fieldset__body--horizontal"]}>
        {props.options.map((option, index) => (
          <ChoiceItem
            id={optionId(id, index)}
            name={props.name}
            type={props.type}
            inputClass={[inputClass, error ? `${inputClass}--error` : ""]}
            option={option}
            checked={props.isChosen(option.value)}
            lang={props.lang}
          />
        ))}
      </div>
      <ErrorMessage for={id} text={error} lang={props.lang} />
    </fieldset>
  );
}

function ChoiceItem(props: {
  id: string;
  name: string;
  type: "radio" | "checkbox";
  inputClass: string[];
  option: ChoiceOption;
  checked: boolean;
  lang: Lang;
}): JSX.Element {
  const { id, option } = props;
  return (
    <div class="kern-form-check">
      <input
        class={props.inputClass}
        type={props.type}
        id={id}
        name={props.name}
        value={attrValue(option.value)}
        checked={props.checked}
        aria-describedby={option.hint ? hintId(id) : undefined}
      />
      <FieldLabel for={id} text={option.label} lang={props.lang} />
      <Hint for={id} text={option.hint} />
    </div>
  );
}

/** Choose exactly one: radios in a fieldset. The error summary's link lands on the first radio. */
export function RadioGroup(props: RadioGroupProps): JSX.Element {
  return <ChoiceGroup {...props} type="radio" isChosen={(value) => value === props.value} />;
}

/** Choose any number: checkboxes in a fieldset, all with the same name (read them with `readStrings`). */
export function CheckboxGroup(props: CheckboxGroupProps): JSX.Element {
  const chosen = new Set(props.values ?? []);
  return <ChoiceGroup {...props} type="checkbox" isChosen={(value) => chosen.has(value)} />;
}
