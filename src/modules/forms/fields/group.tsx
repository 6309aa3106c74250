import type { PropsWithChildren } from "@kitajs/html";
import type { Lang } from "#core/i18n/lang.ts";
import { Hint, Legend } from "#core/views/form/field-parts.tsx";
import { fieldId, hintId } from "#core/views/form/index.ts";

/** A fieldset around related questions (schema in definition/form-definition.ts, `type: "group"`). */
export function GroupView(
  props: PropsWithChildren<{ id: string; label: string; hint?: string; lang: Lang }>,
) {
  const id = fieldId(props.id);
  return (
    <fieldset class="kern-fieldset form-group" aria-describedby={props.hint ? hintId(id) : undefined}>
      <Legend text={props.label} lang={props.lang} />
      <Hint for={id} text={props.hint} />
      <div class="kern-fieldset__body kern-stack-lg">{props.children}</div>
    </fieldset>
  );
}
