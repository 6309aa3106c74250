import { format } from "#core/i18n/messages.ts";
import { Layout } from "#core/views/layout.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import type { Tenant } from "#modules/tenants/index.ts";
import { catalogMessages } from "../catalog.messages.ts";
import type { LifeSituationLink, ServiceItem } from "../catalog.view-model.ts";
import { LifeSituationNav } from "./life-situation-nav.tsx";
import { Section } from "./page-shell.tsx";
import { SearchForm } from "./search-form.tsx";
import { ServiceList } from "./service-list.tsx";
import { TownHallContact } from "./town-hall-contact.tsx";

export interface HomeModel {
  path: string;
  searchAction: string;
  azHref: string;
  popular: ServiceItem[];
  lifeSituations: LifeSituationLink[];
  hasServices: boolean;
}

/** The municipality's home, "Digitales Rathaus <Name>": search, popular services, life situations, A–Z, contact. */
export function CatalogHomePage(props: {
  chrome: SiteChrome;
  tenant: Tenant;
  model: HomeModel;
}): JSX.Element {
  const { chrome, tenant, model } = props;
  const t = catalogMessages[chrome.lang];
  return (
    <Layout chrome={chrome} page={{ title: chrome.siteName, path: model.path }}>
      <h1 class="kern-heading-x-large" safe>
        {chrome.siteName}
      </h1>
      <p class="kern-body kern-body--large" safe>
        {t.homeIntro}
      </p>
      <Section id="search-heading" title={t.searchHeading}>
        <SearchForm action={model.searchAction} lang={chrome.lang} />
        <p class="kern-body">
          <a class="kern-link" href={model.azHref} safe>
            {t.azLink}
          </a>
        </p>
      </Section>
      {model.hasServices ? (
        ""
      ) : (
        <p class="kern-body" safe>
          {format(t.emptyCatalog, { name: tenant.officialName })}
        </p>
      )}
      {model.popular.length > 0 ? (
        <Section id="popular-heading" title={t.popularHeading}>
          <ServiceList items={model.popular} lang={chrome.lang} />
        </Section>
      ) : (
        ""
      )}
      <Section id="life-situations-heading" title={t.lifeSituationsHeading}>
        <p class="kern-body" safe>
          {t.lifeSituationsIntro}
        </p>
        <LifeSituationNav links={model.lifeSituations} label={t.lifeSituationsHeading} />
      </Section>
      <div class="home-grid">
        <Section class="home-section" id="council-heading" title={t.councilHeading}>
          <p class="kern-body" safe>
            {t.councilPending}
          </p>
        </Section>
        <TownHallContact tenant={tenant} lang={chrome.lang} />
      </div>
    </Layout>
  );
}
