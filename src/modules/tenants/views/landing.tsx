import { format } from "#core/i18n/messages.ts";
import { Layout } from "#core/views/layout.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { tenantMessages } from "../tenants.messages.ts";

export interface LandingModel {
  municipalities: { name: string; officialName: string; href: string }[];
  /** The citizen's applications at every municipality ("Mein Rathaus"). */
  myTownHallHref: string;
}

export function LandingPage(props: { chrome: SiteChrome; model: LandingModel }): JSX.Element {
  const t = tenantMessages[props.chrome.lang];
  const { municipalities } = props.model;
  return (
    <Layout chrome={props.chrome} page={{ title: t.landingTitle, path: "/" }}>
      <h1 class="kern-heading-x-large" safe>
        {t.landingTitle}
      </h1>
      <p class="kern-body kern-body--large" safe>
        {t.landingIntro}
      </p>
      {municipalities.length === 0 ? (
        <p class="kern-body" safe>
          {t.landingEmpty}
        </p>
      ) : (
        <ul class="tenant-list" aria-label={t.landingListLabel}>
          {municipalities.map((m) => (
            <li class="kern-card kern-card--interactive tenant-list__item">
              <div class="kern-card__container">
                <div class="kern-card__header">
                  <h2 class="kern-heading-small">
                    <a class="kern-link kern-link--stretched" href={m.href} safe>
                      {m.officialName}
                    </a>
                  </h2>
                </div>
                <div class="kern-card__body">
                  <p class="kern-body" safe>
                    {format(t.siteName, { name: m.name })}
                  </p>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <h2 class="kern-heading-medium" safe>
        {t.landingMyTownHall}
      </h2>
      <p class="kern-body">
        <span safe>{t.landingMyTownHallText}</span>{" "}
        <a class="kern-link" href={props.model.myTownHallHref} safe>
          {t.landingMyTownHallLink}
        </a>
      </p>
    </Layout>
  );
}
