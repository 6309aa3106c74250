import type { FieldError } from "#core/http/errors.ts";
import { format } from "#core/i18n/messages.ts";
import { BackLink, Button, errorFor, Form, TextField } from "#core/views/form/index.ts";
import { type SignedInFrame, SignedInPage } from "#core/views/signed-in-page.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { DataTable, TextCells } from "#core/views/table.tsx";
import { treasuryMessages } from "../treasury.messages.ts";

export interface TreasuryTokensModel {
  intro: string;
  backHref: string;
  action: string;
  /** A token just created: shown this once. */
  created?: { label: string; token: string };
  values: { label: string };
  tokens: { label: string; created: string; lastUsed: string; status: string; revokeAction?: string }[];
  errors: FieldError[];
}

export function TreasuryTokensPage(props: {
  chrome: SiteChrome;
  frame: SignedInFrame;
  model: TreasuryTokensModel;
}) {
  const { chrome, frame, model } = props;
  const lang = chrome.lang;
  const t = treasuryMessages[lang];
  const header = [t.labelColumn, t.createdColumn, t.lastUsedColumn, t.stateColumn, t.actionColumn];
  return (
    <SignedInPage chrome={chrome} frame={{ ...frame, errors: model.errors }} title={t.tokensTitle}>
      <BackLink href={model.backHref} lang={lang} label={t.backToPayments} />
      {model.created ? (
        <div class="kern-alert kern-alert--success" role="status">
          <div class="kern-alert__header">
            <h2 class="kern-title" safe>
              {format(t.tokenCreatedHeading, { label: model.created.label })}
            </h2>
          </div>
          <div class="kern-alert__body">
            <p class="kern-body" safe>
              {t.tokenCreatedText}
            </p>
            <p class="kern-body">
              <code safe>{model.created.token}</code>
            </p>
          </div>
        </div>
      ) : (
        ""
      )}
      <p class="kern-body" safe>
        {model.intro}
      </p>
      {model.tokens.length === 0 ? (
        <p class="kern-body" safe>
          {t.noTokens}
        </p>
      ) : (
        <DataTable caption={t.tokensCaption} headers={header}>
          {model.tokens.map((token) => (
            <tr class="kern-table__row">
              <th scope="row" class="kern-table__cell" safe>
                {token.label}
              </th>
              <TextCells values={[token.created, token.lastUsed, token.status]} />
              <td class="kern-table__cell">
                {token.revokeAction ? (
                  <Form action={token.revokeAction} csrfToken={frame.csrfToken}>
                    <Button label={format(t.revokeSubmit, { label: token.label })} variant="secondary" />
                  </Form>
                ) : (
                  ""
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <h2 class="kern-heading-medium" safe>
        {t.tokenCreateSubmit}
      </h2>
      <Form action={model.action} csrfToken={frame.csrfToken}>
        <TextField
          lang={lang}
          name="bezeichnung"
          label={t.tokenLabelLabel}
          hint={t.tokenLabelHint}
          value={model.values.label}
          error={errorFor(model.errors, "bezeichnung")}
        />
        <Button label={t.tokenCreateSubmit} />
      </Form>
    </SignedInPage>
  );
}
