import { format } from "#core/i18n/messages.ts";
import { Layout } from "#core/views/layout.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { applicationMessages } from "../applications.messages.ts";
import { type MyTownHallLists, MyTownHallTables } from "./my-town-hall.tsx";

export interface OverviewModel {
  path: string;
  /** Only municipalities where the citizen has applied or started to. */
  municipalities: ({ name: string; myTownHallHref: string } & MyTownHallLists)[];
  /** Where to choose a municipality to apply at, when there is nothing yet. */
  landingHref: string;
}

/** The installation-wide "Mein Rathaus": the signed-in citizen's applications, grouped by municipality. */
export function OverviewPage(props: { chrome: SiteChrome; model: OverviewModel }): JSX.Element {
  const { chrome, model } = props;
  const t = applicationMessages[chrome.lang];
  return (
    <Layout chrome={chrome} page={{ title: t.myTitle, path: model.path }}>
      <h1 class="kern-heading-large" safe>
        {t.myTitle}
      </h1>
      <p class="kern-body" safe>
        {t.myIntroAll}
      </p>
      {model.municipalities.length === 0 ? (
        <>
          <p class="kern-body" safe>
            {t.myNone}
          </p>
          <p class="kern-body">
            <span safe>{t.myNoneHint}</span>{" "}
            <a class="kern-link" href={model.landingHref} safe>
              {t.myChooseMunicipality}
            </a>
          </p>
        </>
      ) : (
        model.municipalities.map((municipality) => (
          <section>
            <h2 class="kern-heading-medium" safe>
              {municipality.name}
            </h2>
            <p class="kern-body">
              <a class="kern-link" href={municipality.myTownHallHref} safe>
                {format(t.myAt, { tenant: municipality.name })}
              </a>
            </p>
            <MyTownHallTables lists={municipality} lang={chrome.lang} level={3} place={municipality.name} />
          </section>
        ))
      )}
    </Layout>
  );
}

export interface OverviewSignInModel {
  path: string;
  municipalities: { name: string; signInHref: string }[];
}

/** The overview for a visitor not signed in: what it shows, and where to sign in (the account is everywhere). */
export function OverviewSignInPage(props: { chrome: SiteChrome; model: OverviewSignInModel }): JSX.Element {
  const { chrome, model } = props;
  const t = applicationMessages[chrome.lang];
  return (
    <Layout chrome={chrome} page={{ title: t.myTitle, path: model.path }}>
      <h1 class="kern-heading-large" safe>
        {t.myTitle}
      </h1>
      <p class="kern-body" safe>
        {t.mySignInIntro}
      </p>
      <h2 class="kern-heading-medium" safe>
        {t.mySignInHeading}
      </h2>
      {model.municipalities.length === 0 ? (
        <p class="kern-body" safe>
          {t.myNoMunicipality}
        </p>
      ) : (
        <>
          <p class="kern-body" safe>
            {t.mySignInChoose}
          </p>
          <ul class="kern-list">
            {model.municipalities.map((municipality) => (
              <li>
                <a class="kern-link" href={municipality.signInHref} safe>
                  {format(t.mySignInAt, { tenant: municipality.name })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}
