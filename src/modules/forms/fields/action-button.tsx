import { attrValue } from "#core/views/form/ids.ts";
import { actionField } from "./field-kind.ts";

/**
 * A secondary submit button that changes the page instead of going on (`_action=<value>`, see
 * engine/form-body.ts): "Entfernen", "Weiteren Eintrag hinzufügen". `context` is read out after the visible
 * label ("Entfernen Eintrag 2"), so several such buttons on a page can be told apart.
 */
export function ActionButton(props: {
  label: string;
  value: string;
  context?: string;
  id?: string;
}): JSX.Element {
  return (
    <button
      class="kern-btn kern-btn--secondary"
      type="submit"
      id={props.id}
      name={actionField}
      value={attrValue(props.value)}
    >
      <span class="kern-label">
        <span safe>{props.label}</span>
        {props.context ? (
          <span class="kern-sr-only" safe>
            {` ${props.context}`}
          </span>
        ) : (
          ""
        )}
      </span>
    </button>
  );
}
