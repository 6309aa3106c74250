import type { PropsWithChildren } from "@kitajs/html";
import type { Lang } from "#core/i18n/lang.ts";
import { format } from "#core/i18n/messages.ts";
import { attrValue } from "#core/views/form/ids.ts";
import { BackLink, Button, Form, HiddenField, TextField } from "#core/views/form/index.ts";
import { Layout } from "#core/views/layout.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { DataTable } from "#core/views/table.tsx";
import { passkeyMessages } from "../passkeys.messages.ts";

/** The browser script that runs the ceremonies; without it (or without WebAuthn) the passkey controls stay hidden. */
export const passkeyScriptPath = "/assets/passkeys.js";

/** Where the script asks for options and sends the device's answer, and the CSRF token it sends along. */
export interface PasskeyCeremonyModel {
  optionsUrl: string;
  verifyUrl: string;
  csrfToken: string;
}

/**
 * The hidden container the script reveals when the browser supports passkeys: its endpoints, its messages
 * for failures the browser reports (the server's refusals bring their own text), and a live region for them.
 */
function Ceremony(
  props: PropsWithChildren<{ kind: "register" | "sign-in"; lang: Lang; model: PasskeyCeremonyModel }>,
): JSX.Element {
  const t = passkeyMessages[props.lang];
  return (
    <div
      class="passkey-ceremony"
      hidden
      data-passkey={props.kind}
      data-options-url={attrValue(props.model.optionsUrl)}
      data-verify-url={attrValue(props.model.verifyUrl)}
      data-csrf={attrValue(props.model.csrfToken)}
      data-msg-cancelled={attrValue(t.cancelled)}
      data-msg-unsupported={attrValue(t.unsupported)}
      data-msg-already-registered={attrValue(t.alreadyRegistered)}
      data-msg-failed={attrValue(t.failed)}
    >
      <div class="passkey-feedback" role="alert" data-passkey-feedback></div>
      {props.children}
      <script type="module" src={passkeyScriptPath}></script>
    </div>
  );
}

/** "Ohne Passwort anmelden" below the password form of the sign-in page. */
export function PasskeySignIn(props: { lang: Lang; model: PasskeyCeremonyModel }): JSX.Element {
  const t = passkeyMessages[props.lang];
  return (
    <Ceremony kind="sign-in" lang={props.lang} model={props.model}>
      <h2 class="kern-heading-small" safe>
        {t.signInHeading}
      </h2>
      <p class="kern-body" safe>
        {t.signInText}
      </p>
      <div>
        <Button label={t.signInButton} variant="secondary" type="button" />
      </div>
    </Ceremony>
  );
}

export interface PasskeyRow {
  credentialId: string;
  name: string;
  created: string;
  lastUsed: string;
}

/** The list of an account's passkeys and the form to add one, on any account page. */
export interface PasskeyManagementModel {
  passkeys: PasskeyRow[];
  removeAction: string;
  ceremony: PasskeyCeremonyModel;
}

export interface PasskeysModel extends PasskeyManagementModel {
  path: string;
  accountHref: string;
  notice?: string;
}

function PasskeyTable(props: { lang: Lang; model: PasskeyManagementModel }): JSX.Element {
  const t = passkeyMessages[props.lang];
  const { model } = props;
  if (model.passkeys.length === 0) {
    return (
      <p class="kern-body" safe>
        {t.none}
      </p>
    );
  }
  const headers = [t.columnName, t.columnCreated, t.columnLastUsed, t.columnAction];
  return (
    <DataTable caption={t.listHeading} headers={headers}>
      {model.passkeys.map((passkey) => (
        <tr class="kern-table__row">
          <td class="kern-table__cell" safe>
            {passkey.name}
          </td>
          <td class="kern-table__cell" safe>
            {passkey.created}
          </td>
          <td class="kern-table__cell" safe>
            {passkey.lastUsed}
          </td>
          <td class="kern-table__cell">
            <Form action={model.removeAction} csrfToken={model.ceremony.csrfToken}>
              <HiddenField name="credential" value={passkey.credentialId} />
              <Button label={format(t.remove, { name: passkey.name })} variant="secondary" />
            </Form>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** "Ihre Passkeys" with removing, and "Passkey hinzufügen" (revealed by the script where it can work). */
export function PasskeyManagement(props: { lang: Lang; model: PasskeyManagementModel }): JSX.Element {
  const { lang, model } = props;
  const t = passkeyMessages[lang];
  return (
    <>
      <h2 class="kern-heading-medium" safe>
        {t.listHeading}
      </h2>
      <PasskeyTable lang={lang} model={model} />
      <h2 class="kern-heading-medium" safe>
        {t.addHeading}
      </h2>
      <p class="kern-body" data-passkey-unsupported safe>
        {t.needsSupport}
      </p>
      <Ceremony kind="register" lang={lang} model={model.ceremony}>
        <Form
          action={model.ceremony.verifyUrl}
          csrfToken={model.ceremony.csrfToken}
          submitLabel={t.addSubmit}
        >
          <TextField
            lang={lang}
            name="name"
            label={t.nameLabel}
            hint={t.nameHint}
            optional
            autocomplete="off"
          />
        </Form>
      </Ceremony>
    </>
  );
}

/** "Passkeys" under "Mein Konto": the list with its dates, removing one, and adding one (with JavaScript). */
export function PasskeysPage(props: { chrome: SiteChrome; model: PasskeysModel }): JSX.Element {
  const { chrome, model } = props;
  const t = passkeyMessages[chrome.lang];
  return (
    <Layout chrome={chrome} page={{ title: t.title, path: model.path }}>
      <BackLink href={model.accountHref} lang={chrome.lang} />
      {model.notice ? (
        <div class="kern-alert kern-alert--success" role="status">
          <div class="kern-alert__body">
            <p class="kern-body" safe>
              {model.notice}
            </p>
          </div>
        </div>
      ) : (
        ""
      )}
      <h1 class="kern-heading-large" safe>
        {t.title}
      </h1>
      <p class="kern-body" safe>
        {t.intro}
      </p>
      <PasskeyManagement lang={chrome.lang} model={model} />
    </Layout>
  );
}
