import type { PropsWithChildren } from "@kitajs/html";
import type { FieldError } from "#core/http/errors.ts";
import {
  Button,
  DateField,
  type DateParts,
  errorFor,
  Select,
  type SelectOption,
} from "#core/views/form/index.ts";
import { type SignedInFrame, SignedInPage } from "#core/views/signed-in-page.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { DataTable, TextCells } from "#core/views/table.tsx";
import { paymentSettingsMessages } from "../payment-settings.messages.ts";
import { treasuryMessages } from "../treasury.messages.ts";

export interface PaymentsListModel {
  listAction: string;
  exportAction: string;
  filter: { from: DateParts; to: DateParts; state: string; service: string };
  exportDay: DateParts;
  stateOptions: SelectOption[];
  serviceOptions: SelectOption[];
  sums: { count: string; paid: string; refunded: string; net: string };
  rows: {
    href: string;
    kassenzeichen: string;
    created: string;
    service: string;
    amount: string;
    refunded: string;
    state: string;
    method: string;
  }[];
  olderHref?: string;
  tokensHref?: string;
  settingsHref?: string;
  errors: FieldError[];
}

/** A search form: its values land in the URL, so a filtered list can be bookmarked and reloaded. */
function GetForm(props: PropsWithChildren<{ action: string; submitLabel: string }>) {
  return (
    <form method="get" action={props.action} class="kern-stack-lg form" novalidate>
      {props.children}
      <Button label={props.submitLabel} variant="secondary" />
    </form>
  );
}

/** A link to another page of the area, for those allowed to open it. */
function AreaLink(props: { href?: string; label: string }) {
  return props.href ? (
    <p class="kern-body">
      <a class="kern-link" href={props.href} safe>
        {props.label}
      </a>
    </p>
  ) : (
    ""
  );
}

export function PaymentsListPage(props: {
  chrome: SiteChrome;
  frame: SignedInFrame;
  model: PaymentsListModel;
}) {
  const { chrome, model } = props;
  const lang = chrome.lang;
  const t = treasuryMessages[lang];
  const { filter, errors } = model;
  const header = [
    t.kassenzeichenColumn,
    t.createdColumn,
    t.serviceColumn,
    t.amountColumn,
    t.refundedColumn,
    t.stateColumn,
    t.methodColumn,
  ];
  return (
    <SignedInPage chrome={chrome} frame={{ ...props.frame, errors }} title={t.paymentsTitle}>
      <h2 class="kern-heading-medium" safe>
        {t.filterHeading}
      </h2>
      <GetForm action={model.listAction} submitLabel={t.filterSubmit}>
        <DateField
          lang={lang}
          name="von"
          label={t.fromLabel}
          value={filter.from}
          error={errorFor(errors, "von")}
        />
        <DateField
          lang={lang}
          name="bis"
          label={t.toLabel}
          value={filter.to}
          error={errorFor(errors, "bis")}
        />
        <Select
          lang={lang}
          name="status"
          label={t.stateLabel}
          options={model.stateOptions}
          value={filter.state}
          placeholder={t.any}
        />
        <Select
          lang={lang}
          name="leistung"
          label={t.serviceLabel}
          options={model.serviceOptions}
          value={filter.service}
          placeholder={t.any}
        />
      </GetForm>
      <h2 class="kern-heading-medium" safe>
        {t.sumsHeading}
      </h2>
      <DataTable
        caption={t.sumsCaption}
        headers={[t.countColumn, t.paidColumn, t.refundedColumn, t.netColumn]}
      >
        <tr class="kern-table__row">
          <TextCells values={[model.sums.count, model.sums.paid, model.sums.refunded, model.sums.net]} />
        </tr>
      </DataTable>
      <h2 class="kern-heading-medium" safe>
        {t.paymentsTitle}
      </h2>
      {model.rows.length === 0 ? (
        <p class="kern-body" safe>
          {t.noPayments}
        </p>
      ) : (
        <DataTable caption={t.listCaption} headers={header}>
          {model.rows.map((row) => (
            <tr class="kern-table__row">
              <th scope="row" class="kern-table__cell">
                <a class="kern-link" href={row.href} safe>
                  {row.kassenzeichen}
                </a>
              </th>
              <TextCells
                values={[row.created, row.service, row.amount, row.refunded, row.state, row.method]}
              />
            </tr>
          ))}
        </DataTable>
      )}
      {model.olderHref ? (
        <p class="kern-body">
          <a class="kern-link" href={model.olderHref} safe>
            {t.olderPayments}
          </a>
        </p>
      ) : (
        ""
      )}
      <h2 class="kern-heading-medium" safe>
        {t.exportHeading}
      </h2>
      <p class="kern-body" safe>
        {t.exportIntro}
      </p>
      <GetForm action={model.exportAction} submitLabel={t.exportSubmit}>
        <DateField
          lang={lang}
          name="tag"
          label={t.exportDayLabel}
          value={model.exportDay}
          error={errorFor(errors, "tag")}
        />
      </GetForm>
      <AreaLink href={model.tokensHref} label={t.tokensLink} />
      <AreaLink href={model.settingsHref} label={paymentSettingsMessages[lang].settingsLink} />
    </SignedInPage>
  );
}
