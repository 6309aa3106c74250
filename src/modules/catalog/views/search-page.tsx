import { format } from "#core/i18n/messages.ts";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { catalogMessages } from "../catalog.messages.ts";
import type { ServiceItem } from "../catalog.view-model.ts";
import type { Crumb } from "./breadcrumbs.tsx";
import { PageShell } from "./page-shell.tsx";
import { SearchForm } from "./search-form.tsx";
import { ServiceList } from "./service-list.tsx";

export interface SearchModel {
  path: string;
  query: string;
  items: ServiceItem[];
  fuzzy: boolean;
}

function summary(model: SearchModel, t: (typeof catalogMessages)["de"]): string {
  if (!model.query) return t.searchEmpty;
  if (model.items.length === 0) return format(t.searchNone, { q: model.query });
  if (model.fuzzy) return t.searchFuzzy;
  return model.items.length === 1 ? t.searchCountOne : format(t.searchCount, { count: model.items.length });
}

export function SearchPage(props: { chrome: SiteChrome; model: SearchModel; crumbs: Crumb[] }): JSX.Element {
  const { chrome, model } = props;
  const t = catalogMessages[chrome.lang];
  const title = model.query ? format(t.searchResultsFor, { q: model.query }) : t.searchTitle;
  return (
    <PageShell chrome={chrome} path={model.path} crumbs={props.crumbs} title={title}>
      <SearchForm action={model.path} lang={chrome.lang} value={model.query} />
      <p class="kern-body search-summary" role="status" safe>
        {summary(model, t)}
      </p>
      <ServiceList items={model.items} lang={chrome.lang} headingLevel={2} />
    </PageShell>
  );
}
