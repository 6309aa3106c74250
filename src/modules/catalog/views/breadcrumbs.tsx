export interface Crumb {
  href: string;
  label: string;
}

/** "Sie sind hier": the way back up to the municipality's home. */
export function Breadcrumbs(props: { crumbs: Crumb[]; label: string }): JSX.Element {
  return (
    <nav class="breadcrumbs" aria-label={props.label}>
      <ol class="breadcrumbs__list">
        {props.crumbs.map((crumb) => (
          <li class="breadcrumbs__item">
            <a class="kern-link" href={crumb.href} safe>
              {crumb.label}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
