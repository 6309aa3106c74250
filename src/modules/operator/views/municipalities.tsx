import { ButtonLink } from "#core/views/form/index.ts";
import { type SignedInFrame, SignedInPage } from "#core/views/signed-in-page.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { operatorMessages } from "../operator.messages.ts";

export interface MunicipalitiesModel {
  newHref: string;
  municipalities: {
    name: string;
    slug: string;
    href: string;
    hostnames: string[];
    staffCount: number;
  }[];
}

/** The operator's start page: every municipality of the installation. */
export function MunicipalitiesPage(props: {
  chrome: SiteChrome;
  frame: SignedInFrame;
  model: MunicipalitiesModel;
}) {
  const { chrome, model } = props;
  const t = operatorMessages[chrome.lang];
  const header = [t.nameColumn, t.slugColumn, t.hostnamesColumn, t.staffColumn];
  return (
    <SignedInPage chrome={chrome} frame={props.frame} title={t.municipalitiesTitle}>
      <ButtonLink href={model.newHref} label={t.newMunicipalityAction} variant="primary" />
      {model.municipalities.length === 0 ? (
        <p class="kern-body" safe>
          {t.noMunicipalities}
        </p>
      ) : (
        <div class="kern-table-responsive">
          <table class="kern-table">
            <caption class="kern-sr-only" safe>
              {t.municipalitiesCaption}
            </caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                {header.map((label) => (
                  <th scope="col" class="kern-table__header" safe>
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {model.municipalities.map((m) => (
                <tr class="kern-table__row">
                  <th scope="row" class="kern-table__cell">
                    <a class="kern-link" href={m.href} safe>
                      {m.name}
                    </a>
                  </th>
                  <td class="kern-table__cell" safe>
                    {m.slug}
                  </td>
                  <td class="kern-table__cell" safe>
                    {m.hostnames.join(", ") || t.none}
                  </td>
                  <td class="kern-table__cell kern-table__cell--numeric" safe>
                    {String(m.staffCount)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SignedInPage>
  );
}
