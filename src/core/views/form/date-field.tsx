import { coreMessages } from "#core/i18n/core.messages.ts";
import { ErrorMessage, type FieldProps, Hint, Legend } from "./field-parts.tsx";
import { attrValue, describedBy, errorId, fieldId, hintId } from "./ids.ts";

export type DatePart = "day" | "month" | "year";
export const dateParts: readonly DatePart[] = ["day", "month", "year"];

/** The three inputs as the user typed them (strings, possibly empty or wrong, kept for the re-render). */
export type DateParts = Record<DatePart, string>;

/** Name of one part's input in the form body: `${name}-day`, `${name}-month`, `${name}-year`. */
export const datePartName = (name: string, part: DatePart): string => `${name}-${part}`;

/** Id of one part's input: the day has the field's own id, so the error summary's link lands on it. */
export function datePartId(id: string, part: DatePart): string {
  return part === "day" ? id : `${id}-${part}`;
}

export interface DateFieldProps extends FieldProps {
  value?: Partial<DateParts>;
  /** Which inputs the error is about (marked invalid); all three unless told. */
  errorParts?: readonly DatePart[];
  /** "bday" for a date of birth: the parts get bday-day, bday-month, bday-year (WCAG 1.3.5). */
  autocomplete?: "bday";
}

const partLabel = { day: "dateDay", month: "dateMonth", year: "dateYear" } as const;

/**
 * A date as three text inputs (Tag, Monat, Jahr) in a fieldset, as GOV.UK and KERN do, not `type=date`:
 * the browser sends an empty string for anything its date picker cannot parse, so a half-typed date could not
 * be shown again; pickers differ between browsers and screen readers and are slow for a date of birth; and
 * three labelled inputs need no JavaScript. The error is reported under `name` and describes the group.
 */
export function DateField(props: DateFieldProps): JSX.Element {
  const id = props.id ?? fieldId(props.name);
  const error = props.error || undefined;
  const t = coreMessages[props.lang];
  const invalid = new Set(error ? (props.errorParts ?? dateParts) : []);
  return (
    <fieldset
      class={["kern-fieldset", "date-input", error && "kern-fieldset--error"]}
      aria-describedby={describedBy(props.hint && hintId(id), error && errorId(id))}
    >
      <Legend text={props.label} lang={props.lang} optional={props.optional} />
      <Hint for={id} text={props.hint} />
      <div class="kern-fieldset__body kern-fieldset__body--horizontal">
        {dateParts.map((part) => {
          const partId = datePartId(id, part);
          return (
            <div class="kern-form-input date-input__part">
              <label class="kern-label" for={partId} safe>
                {t[partLabel[part]]}
              </label>
              <input
                class={[
                  "kern-form-input__input",
                  part === "year" ? "kern-form-input__input--width-4" : "kern-form-input__input--width-2",
                  invalid.has(part) && "kern-form-input__input--error",
                ]}
                id={partId}
                name={datePartName(props.name, part)}
                type="text"
                inputmode="numeric"
                value={attrValue(props.value?.[part])}
                autocomplete={props.autocomplete ? `${props.autocomplete}-${part}` : undefined}
                aria-invalid={invalid.has(part) ? "true" : undefined}
              />
            </div>
          );
        })}
      </div>
      <ErrorMessage for={id} text={error} lang={props.lang} />
    </fieldset>
  );
}
