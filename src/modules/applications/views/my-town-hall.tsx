import type { Lang } from "#core/i18n/lang.ts";
import { format } from "#core/i18n/messages.ts";
import { Layout } from "#core/views/layout.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { DataTable } from "#core/views/table.tsx";
import { applicationMessages } from "../applications.messages.ts";
import { feeMessages } from "../fee.messages.ts";
import { type PayAction, PayButton } from "./fee-payment.tsx";

/** The fee column of an application: none without a payment. */
export type FeeCell = { text: string; pay: PayAction | undefined } | undefined;

/** A citizen's applications at one municipality: sent ones with their progress, started ones to continue. */
export interface MyTownHallLists {
  drafts: { service: string; changed: string; keptUntil: string; href: string }[];
  applications: {
    service: string;
    reference: string;
    submitted: string;
    status: string;
    receiptHref: string | undefined;
    fee: FeeCell;
  }[];
}

export interface MyTownHallModel extends MyTownHallLists {
  path: string;
  intro: string;
  /** The overview of every municipality; none where the municipality is served on its own hostname. */
  overviewHref: string | undefined;
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
      {model.overviewHref ? (
        <p class="kern-body">
          <a class="kern-link" href={model.overviewHref} safe>
            {t.myAll}
          </a>
        </p>
      ) : (
        ""
      )}
      <MyTownHallTables lists={model} lang={chrome.lang} level={2} />
    </Layout>
  );
}

/**
 * The two tables of "Mein Rathaus" under headings of `level`: h2 on a municipality's page, h3 below the
 * municipality's heading in the overview, where `place` tells the tables of the municipalities apart.
 */
export function MyTownHallTables(props: {
  lists: MyTownHallLists;
  lang: Lang;
  level: 2 | 3;
  place?: string;
}): JSX.Element {
  const { lists, level, place } = props;
  const t = applicationMessages[props.lang];
  const Heading = level === 2 ? "h2" : "h3";
  const headingClass = level === 2 ? "kern-heading-medium" : "kern-heading-small";
  const caption = (text: string) => (place ? `${text} – ${place}` : text);
  const fee = feeMessages[props.lang];
  const withFees = lists.applications.some((application) => application.fee !== undefined);
  const headers = [t.columnService, t.columnReference, t.columnSubmitted, t.columnStatus, t.columnReceipt];
  return (
    <>
      <Heading class={headingClass} safe>
        {t.applicationsHeading}
      </Heading>
      {lists.applications.length === 0 ? (
        <p class="kern-body" safe>
          {t.applicationsNone}
        </p>
      ) : (
        <DataTable
          caption={caption(t.applicationsCaption)}
          headers={withFees ? [...headers, fee.paymentHeading] : headers}
        >
          {lists.applications.map((application) => (
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
              {withFees ? (
                <td class="kern-table__cell">
                  <span safe>{application.fee?.text ?? ""}</span>
                  {application.fee?.pay ? (
                    <PayButton
                      action={application.fee.pay}
                      label={fee.payNow}
                      hiddenLabel={application.reference}
                    />
                  ) : (
                    ""
                  )}
                </td>
              ) : (
                ""
              )}
            </tr>
          ))}
        </DataTable>
      )}
      <Heading class={headingClass} safe>
        {t.draftsHeading}
      </Heading>
      {lists.drafts.length === 0 ? (
        <p class="kern-body" safe>
          {t.draftsNone}
        </p>
      ) : (
        <DataTable
          caption={caption(t.draftsCaption)}
          headers={[t.columnService, t.columnChanged, t.columnKeptUntil]}
        >
          {lists.drafts.map((draft) => (
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
    </>
  );
}
