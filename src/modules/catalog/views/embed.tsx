import { format } from "#core/i18n/messages.ts";
import { catalogMessages } from "../catalog.messages.ts";
import type { ServiceItem } from "../catalog.view-model.ts";

export interface EmbedModel {
  lang: "de" | "en";
  municipality: string;
  /** Absolute URLs: the box is shown on the town's own website. */
  homeHref: string;
  searchAction: string;
  azHref: string;
  popular: ServiceItem[];
}

/**
 * The "Digitales Rathaus" box for the town's existing homepage: an HTML fragment without page frame,
 * styles or scripts, with absolute links, so the host page styles it and every link leads here.
 */
export function EmbedBox(props: { model: EmbedModel }): JSX.Element {
  const { model } = props;
  const t = catalogMessages[model.lang];
  return (
    <section class="digitales-rathaus" lang={model.lang} aria-labelledby="digitales-rathaus-titel">
      <h2 id="digitales-rathaus-titel">
        <a href={model.homeHref} safe>
          {format(t.embedTitle, { name: model.municipality })}
        </a>
      </h2>
      <search>
        <form method="get" action={model.searchAction}>
          <label for="digitales-rathaus-suche" safe>
            {t.searchLabel}
          </label>
          <input id="digitales-rathaus-suche" name="q" type="search" />
          <button type="submit" safe>
            {t.searchButton}
          </button>
        </form>
      </search>
      <ul>
        {model.popular.map((item) => (
          <li>
            <a href={item.href} lang={item.name.lang} safe>
              {item.name.text}
            </a>
          </li>
        ))}
      </ul>
      <p>
        <a href={model.azHref} safe>
          {t.embedMore}
        </a>
      </p>
    </section>
  );
}
