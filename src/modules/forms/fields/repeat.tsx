import type { FieldError } from "#core/http/errors.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { format } from "#core/i18n/messages.ts";
import { ErrorMessage, Hint, Legend } from "#core/views/form/field-parts.tsx";
import { describedBy, errorFor, errorId, fieldId, HiddenField, hintId } from "#core/views/form/index.ts";
import type { RepeatField } from "../definition/form-definition.ts";
import { countName } from "../engine/form-body.ts";
import { formsMessages } from "../forms.messages.ts";
import { ActionButton } from "./action-button.tsx";
import { localize } from "./field-kind.ts";

/**
 * A repeatable group (schema in definition/form-definition.ts, `type: "repeat"`): one fieldset per item with
 * its fields and an "Entfernen" button (while more than `min` items), then "Weiteren Eintrag hinzufügen"
 * (while fewer than `max`). Both are submit buttons (`_action`), so it works without JavaScript. At least
 * `min` items (and at least one) are shown. The group's own error ("mindestens 1 Eintrag") links to the add
 * button.
 */
export function RepeatView(props: {
  field: RepeatField;
  count: number;
  errors: readonly FieldError[];
  lang: Lang;
  renderItem: (index: number) => JSX.Element;
}): JSX.Element {
  const { field, lang } = props;
  const t = formsMessages[lang];
  const id = fieldId(field.id);
  const hint = localize(field.hint, lang);
  const error = errorFor(props.errors, field.id);
  const shown = Math.min(field.max, Math.max(props.count, field.min, 1));
  const canAdd = shown < field.max;
  return (
    <fieldset
      class={["kern-fieldset", "form-repeat", error && "kern-fieldset--error"]}
      id={canAdd ? undefined : id}
      aria-describedby={describedBy(hint && hintId(id), error && errorId(id))}
    >
      <Legend text={localize(field.label, lang)} lang={lang} />
      <Hint for={id} text={hint} />
      <HiddenField name={countName(field.id)} value={String(shown)} />
      <div class="kern-fieldset__body kern-stack-lg">
        {Array.from({ length: shown }, (_, index) => {
          const itemLabel = format(localize(field.itemLabel, lang), { n: index + 1 });
          return (
            <fieldset class="kern-fieldset form-repeat__item">
              <legend class="kern-label" safe>
                {itemLabel}
              </legend>
              <div class="kern-fieldset__body kern-stack-lg">
                {props.renderItem(index)}
                {shown > field.min ? (
                  <ActionButton label={t.remove} context={itemLabel} value={`remove:${field.id}:${index}`} />
                ) : (
                  ""
                )}
              </div>
            </fieldset>
          );
        })}
      </div>
      {canAdd ? (
        <ActionButton
          id={id}
          label={localize(field.addLabel, lang) ?? t.repeatAdd}
          value={`add:${field.id}`}
        />
      ) : (
        ""
      )}
      <ErrorMessage for={id} text={error} lang={lang} />
    </fieldset>
  );
}
