/**
 * A KERN warning box with a title and one paragraph, e.g. the banner that marks the demo services
 * (/_dev/idp, /_dev/pay), so nobody takes them for a real identity provider or payment platform.
 */
export function WarningNote(props: { title: string; text: string }): JSX.Element {
  return (
    <div class="kern-alert kern-alert--warning" role="note">
      <div class="kern-alert__header">
        <span class="kern-title" safe>
          {props.title}
        </span>
      </div>
      <div class="kern-alert__body">
        <p class="kern-body" safe>
          {props.text}
        </p>
      </div>
    </div>
  );
}
