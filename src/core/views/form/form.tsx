import type { PropsWithChildren } from "@kitajs/html";
import { Button, ButtonGroup } from "./buttons.tsx";
import { attrValue } from "./ids.ts";

/** Name of the hidden field that carries the CSRF token; @fastify/csrf-protection reads it from the body. */
export const csrfFieldName = "_csrf";

export interface FormProps {
  /** Where the form posts to, usually the page's own path. */
  action: string;
  /** From `reply.generateCsrf()` in the route. */
  csrfToken: string;
  /** Only POST: every form of this platform changes something or carries personal data. */
  method?: "post";
  /** A primary submit button after the fields; leave out to place buttons yourself. */
  submitLabel?: string;
  id?: string;
  /** For file inputs; the route then reads the body with readUploadForm (#core/files), which needs `_csrf` first. */
  enctype?: "multipart/form-data";
}

/**
 * A form the server validates: `novalidate` turns off the browser's own bubbles (they differ between
 * browsers, cannot be styled or translated consistently, and disappear from the error summary), so every
 * error comes back as a page with the summary and inline messages (GOV.UK pattern).
 */
export function Form(props: PropsWithChildren<FormProps>): JSX.Element {
  return (
    <form
      method="post"
      action={props.action}
      id={props.id}
      enctype={props.enctype}
      class="kern-stack-lg form"
      novalidate
    >
      <input type="hidden" name={csrfFieldName} value={attrValue(props.csrfToken)} />
      {props.children}
      {props.submitLabel ? (
        <ButtonGroup>
          <Button label={props.submitLabel} />
        </ButtonGroup>
      ) : (
        ""
      )}
    </form>
  );
}

/** A value the form carries back unchanged, e.g. the token of a mailed link. */
export function HiddenField(props: { name: string; value: string }): JSX.Element {
  return <input type="hidden" name={props.name} value={attrValue(props.value)} />;
}
