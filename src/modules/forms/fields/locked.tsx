import type { Lang } from "#core/i18n/lang.ts";
import { ErrorMessage, Hint } from "#core/views/form/field-parts.tsx";
import { fieldId } from "#core/views/form/index.ts";
import { formsMessages } from "../forms.messages.ts";

/**
 * A locked field (taken from the verified identity): its label and value as text, no input. The id is the
 * field's, so the error summary and the review can point at it.
 */
export function LockedField(props: {
  name: string;
  label: string;
  lines: string[];
  error: string | undefined;
  lang: Lang;
}): JSX.Element {
  const id = fieldId(props.name);
  return (
    <div class="kern-stack-sm locked-field" id={id} tabindex="-1">
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key" safe>
            {props.label}
          </dt>
          <dd class="kern-description-list-item__value">
            {props.lines.map((line, index) => (
              <>
                {index > 0 ? <br /> : ""}
                <span safe>{line}</span>
              </>
            ))}
          </dd>
        </div>
      </dl>
      <Hint for={id} text={formsMessages[props.lang].locked} />
      <ErrorMessage for={id} text={props.error} lang={props.lang} />
    </div>
  );
}
