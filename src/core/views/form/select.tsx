import { coreMessages } from "#core/i18n/core.messages.ts";
import { ErrorMessage, FieldLabel, type FieldProps, Hint } from "./field-parts.tsx";
import { attrValue, describedBy, errorId, fieldId, hintId } from "./ids.ts";

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps extends FieldProps {
  options: SelectOption[];
  /** The chosen option's value. */
  value?: string;
  /**
   * First, empty option so that nothing is chosen by accident; "Bitte auswählen" unless told, `false` for none
   * (then the browser sends the first option).
   */
  placeholder?: string | false;
  autocomplete?: string;
}

/** Drop-down list (KERN select). With fewer than about seven options, radios are easier to use. */
export function Select(props: SelectProps): JSX.Element {
  const id = props.id ?? fieldId(props.name);
  const error = props.error || undefined;
  const placeholder =
    props.placeholder === false
      ? undefined
      : (props.placeholder ?? coreMessages[props.lang].selectPlaceholder);
  const known = props.options.some((option) => option.value === props.value);
  return (
    <div class={["kern-form-input", error && "kern-form-input--error"]}>
      <FieldLabel for={id} text={props.label} lang={props.lang} optional={props.optional} />
      <Hint for={id} text={props.hint} />
      <div class="kern-form-input__select-wrapper">
        <select
          class={["kern-form-input__select", error && "kern-form-input__select--error"]}
          id={id}
          name={props.name}
          autocomplete={props.autocomplete}
          aria-describedby={describedBy(props.hint && hintId(id), error && errorId(id))}
          aria-invalid={error ? "true" : undefined}
        >
          {placeholder === undefined ? (
            ""
          ) : (
            <option value="" selected={!known} safe>
              {placeholder}
            </option>
          )}
          {props.options.map((option) => (
            <option value={attrValue(option.value)} selected={option.value === props.value} safe>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage for={id} text={error} lang={props.lang} />
    </div>
  );
}
