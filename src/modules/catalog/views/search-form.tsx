import type { Lang } from "#core/i18n/lang.ts";
import { Button, TextField } from "#core/views/form/index.ts";
import { catalogMessages } from "../catalog.messages.ts";

/** A plain GET form: search works without JavaScript and its result pages can be bookmarked. */
export function SearchForm(props: { action: string; lang: Lang; value?: string }): JSX.Element {
  const t = catalogMessages[props.lang];
  return (
    <search>
      <form class="catalog-search" method="get" action={props.action}>
        <TextField
          lang={props.lang}
          name="q"
          id="suche-q"
          label={t.searchLabel}
          hint={t.searchHint}
          value={props.value}
        />
        <Button label={t.searchButton} />
      </form>
    </search>
  );
}
