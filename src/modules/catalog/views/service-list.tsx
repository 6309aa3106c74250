import type { Lang } from "#core/i18n/lang.ts";
import { catalogMessages } from "../catalog.messages.ts";
import type { ServiceItem } from "../catalog.view-model.ts";

/** Services as a list of links with their short description; "Online möglich" where a form exists. */
export function ServiceList(props: { items: ServiceItem[]; lang: Lang; headingLevel?: 2 | 3 }): JSX.Element {
  const t = catalogMessages[props.lang];
  const Heading = props.headingLevel === 2 ? "h2" : "h3";
  return (
    <ul class="service-list">
      {props.items.map((item) => (
        <li class="service-list__item">
          <Heading class="kern-heading-small service-list__name">
            <a class="kern-link" href={item.href} lang={item.name.lang} safe>
              {item.name.text}
            </a>
          </Heading>
          {item.summary.text ? (
            <p class="kern-body service-list__summary" lang={item.summary.lang} safe>
              {item.summary.text}
            </p>
          ) : (
            ""
          )}
          {item.online ? (
            <p class="service-list__badge">
              <span class="kern-badge kern-badge--info" safe>
                {t.onlineBadge}
              </span>
            </p>
          ) : (
            ""
          )}
        </li>
      ))}
    </ul>
  );
}
