import type { PropsWithChildren } from "@kitajs/html";

/** A KERN description list of label–value rows (facts about a service, a payment, …). */
export function DescriptionList(props: PropsWithChildren<{ class?: string }>): JSX.Element {
  return <dl class={["kern-description-list", props.class]}>{props.children}</dl>;
}

/** One row: the label escaped, the value as given (escape text with `safe`). */
export function DescriptionItem(props: PropsWithChildren<{ label: string }>): JSX.Element {
  return (
    <div class="kern-description-list-item">
      <dt class="kern-description-list-item__key" safe>
        {props.label}
      </dt>
      <dd class="kern-description-list-item__value">{props.children}</dd>
    </div>
  );
}
