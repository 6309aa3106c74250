import type { LifeSituationLink } from "../catalog.view-model.ts";

/** The life situations as a list of links; `current` marks the one being shown. */
export function LifeSituationNav(props: {
  links: LifeSituationLink[];
  label: string;
  current?: string;
}): JSX.Element {
  return (
    <nav aria-label={props.label}>
      <ul class="life-situation-list">
        {props.links.map((link) => (
          <li>
            <a
              class="kern-link"
              href={link.href}
              aria-current={link.key === props.current ? "page" : undefined}
              safe
            >
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
