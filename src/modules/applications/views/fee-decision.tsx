import type { FieldError } from "#core/http/errors.ts";
import { format } from "#core/i18n/messages.ts";
import { DescriptionItem, DescriptionList } from "#core/views/description-list.tsx";
import { BackLink, errorFor, Form, TextField } from "#core/views/form/index.ts";
import { type SignedInFrame, SignedInPage } from "#core/views/signed-in-page.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { DataTable, TextCells } from "#core/views/table.tsx";
import type { FrozenSummary } from "../applications.service.ts";
import { feeDecisionMessages } from "../fee-decision.messages.ts";

export interface FeeDecisionListModel {
  rows: { href: string; reference: string; service: string; submitted: string; estimate: string }[];
}

/** The applications of the clerk's departments whose fee is still to be set, oldest first. */
export function FeeDecisionListPage(props: {
  chrome: SiteChrome;
  frame: SignedInFrame;
  model: FeeDecisionListModel;
}) {
  const { chrome, frame, model } = props;
  const t = feeDecisionMessages[chrome.lang];
  return (
    <SignedInPage chrome={chrome} frame={frame} title={t.listTitle}>
      <p class="kern-body" safe>
        {t.listIntro}
      </p>
      {model.rows.length === 0 ? (
        <p class="kern-body" safe>
          {t.listEmpty}
        </p>
      ) : (
        <DataTable
          caption={t.listCaption}
          headers={[t.columnReference, t.columnService, t.columnSubmitted, t.columnEstimate]}
        >
          {model.rows.map((row) => (
            <tr class="kern-table__row">
              <th scope="row" class="kern-table__cell">
                <a class="kern-link" href={row.href} safe>
                  {row.reference}
                </a>
              </th>
              <TextCells values={[row.service, row.submitted, row.estimate]} />
            </tr>
          ))}
        </DataTable>
      )}
    </SignedInPage>
  );
}

export interface FeeDecisionModel {
  reference: string;
  backHref: string;
  action: string;
  facts: { label: string; value: string }[];
  summary: FrozenSummary;
  /** "Aus den Angaben … vorläufig berechnet: 45,00 €", when the form computed a fee. */
  estimate?: string;
  legalBasis?: string;
  value: string;
  errors: FieldError[];
}

/** One application as the citizen sent it, and the form that sets (or waives) its fee. */
export function FeeDecisionPage(props: {
  chrome: SiteChrome;
  frame: SignedInFrame;
  model: FeeDecisionModel;
}) {
  const { chrome, frame, model } = props;
  const lang = chrome.lang;
  const t = feeDecisionMessages[lang];
  return (
    <SignedInPage
      chrome={chrome}
      frame={{ ...frame, errors: model.errors }}
      title={format(t.detailTitle, { reference: model.reference })}
    >
      <BackLink href={model.backHref} lang={lang} label={t.backToList} />
      <DescriptionList>
        {model.facts.map((fact) => (
          <DescriptionItem label={fact.label}>
            <span safe>{fact.value}</span>
          </DescriptionItem>
        ))}
      </DescriptionList>
      <h2 class="kern-heading-medium" safe>
        {t.applicationHeading}
      </h2>
      {model.summary.sections.map((section) => (
        <>
          <h3 class="kern-heading-small" safe>
            {section.title}
          </h3>
          <DescriptionList>
            {section.rows.map((row) => (
              <DescriptionItem label={row.label}>
                {row.lines.map((line) => (
                  <span class="review-list__line" safe>
                    {line}
                  </span>
                ))}
              </DescriptionItem>
            ))}
          </DescriptionList>
        </>
      ))}
      <h2 class="kern-heading-medium" safe>
        {t.feeHeading}
      </h2>
      {model.legalBasis ? (
        <p class="kern-body" safe>
          {model.legalBasis}
        </p>
      ) : (
        ""
      )}
      <Form action={model.action} csrfToken={frame.csrfToken} submitLabel={t.decide}>
        <TextField
          lang={lang}
          name="gebuehr"
          label={t.feeLabel}
          hint={model.estimate ? `${t.feeHint} ${model.estimate}` : t.feeHint}
          inputmode="decimal"
          width={4}
          value={model.value}
          error={errorFor(model.errors, "gebuehr")}
        />
      </Form>
    </SignedInPage>
  );
}
