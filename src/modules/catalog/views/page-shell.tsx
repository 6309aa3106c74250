import type { PropsWithChildren } from "@kitajs/html";
import { Layout } from "#core/views/layout.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { catalogMessages } from "../catalog.messages.ts";
import { Breadcrumbs, type Crumb } from "./breadcrumbs.tsx";

export interface PageShellProps {
  chrome: SiteChrome;
  path: string;
  crumbs: Crumb[];
  title: string;
  /** Language of the title when it differs from the page's (an untranslated service name). */
  titleLang?: string;
}

/** Every catalog page below the home: frame, "Sie sind hier", the h1, then the content. */
export function PageShell(props: PropsWithChildren<PageShellProps>): JSX.Element {
  const t = catalogMessages[props.chrome.lang];
  return (
    <Layout chrome={props.chrome} page={{ title: props.title, path: props.path }}>
      <Breadcrumbs crumbs={props.crumbs} label={t.breadcrumbLabel} />
      <h1 class="kern-heading-x-large" lang={props.titleLang} safe>
        {props.title}
      </h1>
      {props.children}
    </Layout>
  );
}

/** A titled part of a page; `lang` marks content in another language than the page. */
export function Section(
  props: PropsWithChildren<{ id: string; title: string; lang?: string; class?: string }>,
): JSX.Element {
  return (
    <section class={props.class} aria-labelledby={props.id} lang={props.lang}>
      <h2 class="kern-heading-medium" id={props.id} safe>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}
