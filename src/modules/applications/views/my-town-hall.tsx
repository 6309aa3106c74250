import { format } from "#core/i18n/messages.ts";
import { Layout } from "#core/views/layout.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { DataTable } from "#core/views/table.tsx";
import { applicationMessages } from "../applications.messages.ts";

export interface MyTownHallModel {
  path: string;
  intro: string;
  drafts: { service: string; changed: string; keptUntil: string; href: string }[];
  applications: {
    service: string;
    reference: string;
    submitted: string;
    status: string;
    receiptHref: string | undefined;
  }[];
}

/** "Mein Rathaus": started applications to continue, sent ones with their progress and receipt. */
export function MyTownHallPage(props: { chrome: SiteChrome; model: MyTownHallModel }): JSX.Element {
  const { chrome, model } = props;
  const t = applicationMessages[chrome.lang];
  return (
    <Layout chrome={chrome} page={{ title: t.myTitle, path: model.path }}>
      <h1 class="kern-heading-large" safe>
        {t.myTitle}
      </h1>
      <p class="kern-body" safe>
        {model.intro}
      </p>
      <h2 class="kern-heading-medium" safe>
        {t.applicationsHeading}
      </h2>
      {model.applications.length === 0 ? (
        <p class="kern-body" safe>
          {t.applicationsNone}
        </p>
      ) : (
        <DataTable
          caption={t.applicationsCaption}
          headers={[t.columnService, t.columnReference, t.columnSubmitted, t.columnStatus, t.columnReceipt]}
        >
          {model.applications.map((application) => (
            <tr class="kern-table__row">
              <td class="kern-table__cell" safe>
                {application.service}
              </td>
              <td class="kern-table__cell" safe>
                {application.reference}
              </td>
              <td class="kern-table__cell" safe>
                {application.submitted}
              </td>
              <td class="kern-table__cell" safe>
                {application.status}
              </td>
              <td class="kern-table__cell">
                {application.receiptHref ? (
                  <a class="kern-link" href={application.receiptHref}>
                    <span safe>{t.receiptLink}</span>
                    <span class="kern-sr-only" safe>{` ${application.reference}`}</span>
                  </a>
                ) : (
                  <span safe>{t.receiptPending}</span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <h2 class="kern-heading-medium" safe>
        {t.draftsHeading}
      </h2>
      {model.drafts.length === 0 ? (
        <p class="kern-body" safe>
          {t.draftsNone}
        </p>
      ) : (
        <DataTable caption={t.draftsCaption} headers={[t.columnService, t.columnChanged, t.columnKeptUntil]}>
          {model.drafts.map((draft) => (
            <tr class="kern-table__row">
              <td class="kern-table__cell">
                <a class="kern-link" href={draft.href} safe>
                  {format(t.continueDraft, { service: draft.service })}
                </a>
              </td>
              <td class="kern-table__cell" safe>
                {draft.changed}
              </td>
              <td class="kern-table__cell" safe>
                {draft.keptUntil}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </Layout>
  );
}
