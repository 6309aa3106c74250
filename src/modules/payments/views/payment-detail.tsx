import type { FieldError } from "#core/http/errors.ts";
import { format } from "#core/i18n/messages.ts";
import { BackLink, errorFor, Form, HiddenField, TextArea, TextField } from "#core/views/form/index.ts";
import { type SignedInFrame, SignedInPage } from "#core/views/signed-in-page.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { DataTable, TextCells } from "#core/views/table.tsx";
import { treasuryMessages } from "../treasury.messages.ts";

export interface PaymentDetailModel {
  kassenzeichen: string;
  backHref: string;
  facts: { label: string; value: string }[];
  history: {
    when: string;
    change: string;
    actor: string;
    reference: string;
    amount: string;
    reason: string;
  }[];
  refunds: { when: string; amount: string; reason: string; actor: string; id: string }[];
  /** The refund form, for those who may refund while something is left to refund. */
  refund?: {
    action: string;
    refundable: string;
    /** The refundable amount in cents as the clerk sees it; sent back, so a stale form is refused. */
    expectedCents: string;
    values: { amount: string; reason: string };
  };
  errors: FieldError[];
}

export function PaymentDetailPage(props: {
  chrome: SiteChrome;
  frame: SignedInFrame;
  model: PaymentDetailModel;
}) {
  const { chrome, frame, model } = props;
  const lang = chrome.lang;
  const t = treasuryMessages[lang];
  const { refund, errors } = model;
  return (
    <SignedInPage
      chrome={chrome}
      frame={{ ...frame, errors }}
      title={format(t.detailTitle, { kassenzeichen: model.kassenzeichen })}
    >
      <BackLink href={model.backHref} lang={lang} label={t.backToPayments} />
      <dl class="kern-description-list">
        {model.facts.map((fact) => (
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key" safe>
              {fact.label}
            </dt>
            <dd class="kern-description-list-item__value" safe>
              {fact.value}
            </dd>
          </div>
        ))}
      </dl>
      <h2 class="kern-heading-medium" safe>
        {t.historyHeading}
      </h2>
      <DataTable
        caption={t.historyCaption}
        headers={[
          t.whenColumn,
          t.changeColumn,
          t.actorColumn,
          t.referenceColumn,
          t.amountColumn,
          t.reasonColumn,
        ]}
      >
        {model.history.map((row) => (
          <tr class="kern-table__row">
            <TextCells values={[row.when, row.change, row.actor, row.reference, row.amount, row.reason]} />
          </tr>
        ))}
      </DataTable>
      <h2 class="kern-heading-medium" safe>
        {t.refundsHeading}
      </h2>
      {model.refunds.length === 0 ? (
        <p class="kern-body" safe>
          {t.noRefunds}
        </p>
      ) : (
        <DataTable
          caption={t.refundsCaption}
          headers={[t.whenColumn, t.amountColumn, t.reasonColumn, t.actorColumn, t.refundIdColumn]}
        >
          {model.refunds.map((row) => (
            <tr class="kern-table__row">
              <TextCells values={[row.when, row.amount, row.reason, row.actor, row.id]} />
            </tr>
          ))}
        </DataTable>
      )}
      {refund ? (
        <>
          <h2 class="kern-heading-medium" safe>
            {t.refundHeading}
          </h2>
          <p class="kern-body" safe>
            {format(t.refundIntro, { amount: refund.refundable })}
          </p>
          <Form action={refund.action} csrfToken={frame.csrfToken} submitLabel={t.refundSubmit}>
            <HiddenField name="erstattbar" value={refund.expectedCents} />
            <TextField
              lang={lang}
              name="betrag"
              label={t.refundAmountLabel}
              hint={format(t.refundAmountHint, { amount: refund.refundable })}
              inputmode="decimal"
              width={4}
              value={refund.values.amount}
              error={errorFor(errors, "betrag")}
            />
            <TextArea
              lang={lang}
              name="grund"
              label={t.refundReasonLabel}
              rows={3}
              value={refund.values.reason}
              error={errorFor(errors, "grund")}
            />
          </Form>
        </>
      ) : (
        ""
      )}
    </SignedInPage>
  );
}
