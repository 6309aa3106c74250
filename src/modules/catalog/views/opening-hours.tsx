import type { Lang } from "#core/i18n/lang.ts";

/** Opening hours as the municipality entered them, in German (marked so on English pages). */
export function OpeningHoursList(props: {
  entries: { days: string; hours: string }[];
  lang: Lang;
}): JSX.Element {
  return (
    <dl class="kern-description-list" lang={props.lang === "de" ? undefined : "de"}>
      {props.entries.map((entry) => (
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key" safe>
            {entry.days}
          </dt>
          <dd class="kern-description-list-item__value" safe>
            {entry.hours}
          </dd>
        </div>
      ))}
    </dl>
  );
}
