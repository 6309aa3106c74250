import type { PropsWithChildren } from "@kitajs/html";
import { coreMessages } from "#core/i18n/core.messages.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { attrValue } from "./ids.ts";

export type ButtonVariant = "primary" | "secondary";

export interface ButtonProps {
  label: string;
  /** Read by screen readers after the label, where several buttons on a page share it ("… USI-2026-000001"). */
  hiddenLabel?: string;
  /** Primary for the one main action of a page, secondary for the others. */
  variant?: ButtonVariant;
  type?: "submit" | "button";
  /** With several submit buttons, the one pressed is sent as `name=value` (e.g. action=save-draft). */
  name?: string;
  value?: string;
  id?: string;
}

export function Button(props: ButtonProps): JSX.Element {
  return (
    <button
      class={["kern-btn", `kern-btn--${props.variant ?? "primary"}`]}
      type={props.type ?? "submit"}
      id={props.id}
      name={props.name}
      value={attrValue(props.value)}
    >
      <span class="kern-label" safe>
        {props.label}
      </span>
      {props.hiddenLabel ? <span class="kern-sr-only" safe>{` ${props.hiddenLabel}`}</span> : ""}
    </button>
  );
}

/** A link that looks like a button, e.g. "Abbrechen" next to the submit button, or "Antrag starten". */
export function ButtonLink(props: { href: string; label: string; variant?: ButtonVariant }): JSX.Element {
  return (
    <a class={["kern-btn", `kern-btn--${props.variant ?? "secondary"}`]} href={props.href}>
      <span class="kern-label" safe>
        {props.label}
      </span>
    </a>
  );
}

/** Buttons side by side, wrapping on small screens (KERN `kern-btn-wrapper`). */
export function ButtonGroup(props: PropsWithChildren): JSX.Element {
  return <div class="kern-btn-wrapper">{props.children}</div>;
}

/** "Zurück" to the previous step, above the page heading; a plain link, so it works without JavaScript. */
export function BackLink(props: { href: string; lang: Lang; label?: string }): JSX.Element {
  return (
    <a class="kern-link back-link" href={props.href}>
      <span class="kern-icon kern-icon--arrow-back" aria-hidden="true"></span>
      <span safe>{props.label ?? coreMessages[props.lang].back}</span>
    </a>
  );
}
