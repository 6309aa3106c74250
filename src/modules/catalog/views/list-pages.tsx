import type { SiteChrome } from "#core/views/site-chrome.ts";
import { catalogMessages } from "../catalog.messages.ts";
import type { LetterGroup, LifeSituationLink, ServiceItem } from "../catalog.view-model.ts";
import type { Crumb } from "./breadcrumbs.tsx";
import { LifeSituationNav } from "./life-situation-nav.tsx";
import { PageShell, Section } from "./page-shell.tsx";
import { ServiceList } from "./service-list.tsx";

interface ListPageProps {
  chrome: SiteChrome;
  path: string;
  crumbs: Crumb[];
  title: string;
}

/** All services from A to Z, with a jump list of the letters in use. */
export function AzPage(props: ListPageProps & { intro: string; groups: LetterGroup[] }): JSX.Element {
  const t = catalogMessages[props.chrome.lang];
  return (
    <PageShell {...props}>
      <p class="kern-body" safe>
        {props.intro}
      </p>
      <nav aria-label={t.azNavLabel}>
        <ul class="az-letters">
          {props.groups.map((group) => (
            <li>
              <a class="kern-link" href={`#${group.id}`} safe>
                {group.letter}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.groups.map((group) => (
        <Section id={group.id} title={group.letter}>
          <ServiceList items={group.items} lang={props.chrome.lang} />
        </Section>
      ))}
    </PageShell>
  );
}

/** The services of one life situation, with the other life situations to move on to. */
export function LifeSituationPage(
  props: ListPageProps & { items: ServiceItem[]; links: LifeSituationLink[]; current: string },
): JSX.Element {
  const t = catalogMessages[props.chrome.lang];
  return (
    <PageShell {...props}>
      {props.items.length > 0 ? (
        <ServiceList items={props.items} lang={props.chrome.lang} headingLevel={2} />
      ) : (
        <p class="kern-body" safe>
          {t.lifeSituationEmpty}
        </p>
      )}
      <Section id="other-situations" title={t.lifeSituationsHeading}>
        <LifeSituationNav links={props.links} label={t.lifeSituationsHeading} current={props.current} />
      </Section>
    </PageShell>
  );
}

/** Overview of all life situations. */
export function LifeSituationsPage(props: ListPageProps & { links: LifeSituationLink[] }): JSX.Element {
  const t = catalogMessages[props.chrome.lang];
  return (
    <PageShell {...props}>
      <p class="kern-body" safe>
        {t.lifeSituationsIntro}
      </p>
      <LifeSituationNav links={props.links} label={t.lifeSituationsHeading} />
    </PageShell>
  );
}
