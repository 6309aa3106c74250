import type { FieldError } from "#core/http/errors.ts";
import {
  ButtonLink,
  ErrorSummary,
  errorFor,
  Form,
  FormPage,
  formPageTitle,
  TextField,
} from "#core/views/form/index.ts";
import { Layout } from "#core/views/layout.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { identityMessages } from "../identity.messages.ts";

interface CodeFormModel {
  path: string;
  action: string;
  csrfToken: string;
  errors: FieldError[];
}

/** Groups of four, as authenticator apps ask for the key. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, "$1 ");

export function TotpSetupPage(props: {
  chrome: SiteChrome;
  /** `notice`: why the page is shown, e.g. that staff must set up a second factor before going on. */
  model: CodeFormModel & { secret: string; qrDataUrl: string; notice?: string };
}): JSX.Element {
  const { chrome, model } = props;
  const lang = chrome.lang;
  const t = identityMessages[lang];
  return (
    <Layout
      chrome={chrome}
      page={{ title: formPageTitle(lang, t.totpSetupTitle, model.errors), path: model.path }}
    >
      <ErrorSummary lang={lang} errors={model.errors} />
      <h1 class="kern-heading-large" safe>
        {t.totpSetupTitle}
      </h1>
      {model.notice ? (
        <div class="kern-alert kern-alert--info" role="note">
          <div class="kern-alert__body">
            <p class="kern-body" safe>
              {model.notice}
            </p>
          </div>
        </div>
      ) : (
        ""
      )}
      <p class="kern-body" safe>
        {t.totpSetupStep1}
      </p>
      <img class="totp-qr" src={model.qrDataUrl} alt={t.totpQrAlt} width="200" height="200" />
      <p class="kern-body" safe>
        {t.totpSetupManual}
      </p>
      <p class="kern-body totp-secret">
        <code safe>{grouped(model.secret)}</code>
      </p>
      <p class="kern-body" safe>
        {t.totpSetupStep2}
      </p>
      <Form action={model.action} csrfToken={model.csrfToken} submitLabel={t.totpSetupSubmit}>
        <TextField
          lang={lang}
          name="code"
          label={t.totpCodeLabel}
          hint={t.totpCodeHint}
          inputmode="numeric"
          autocomplete="one-time-code"
          width={4}
          error={errorFor(model.errors, "code")}
        />
      </Form>
    </Layout>
  );
}

export function RecoveryCodesPage(props: {
  chrome: SiteChrome;
  model: { path: string; codes: string[]; doneHref: string };
}): JSX.Element {
  const { chrome, model } = props;
  const t = identityMessages[chrome.lang];
  return (
    <Layout chrome={chrome} page={{ title: t.recoveryTitle, path: model.path }}>
      <h1 class="kern-heading-large" safe>
        {t.recoveryTitle}
      </h1>
      <p class="kern-body" safe>
        {t.recoveryText}
      </p>
      <ul class="kern-list recovery-codes">
        {model.codes.map((code) => (
          <li>
            <code safe>{code}</code>
          </li>
        ))}
      </ul>
      <ButtonLink href={model.doneHref} label={t.recoveryDone} />
    </Layout>
  );
}

/** The second step of signing in, after the password, for accounts with two-factor sign-in. */
export function SecondStepPage(props: { chrome: SiteChrome; model: CodeFormModel }): JSX.Element {
  const { chrome, model } = props;
  const lang = chrome.lang;
  const t = identityMessages[lang];
  return (
    <FormPage
      chrome={chrome}
      {...model}
      title={t.secondStepTitle}
      intro={t.secondStepText}
      submitLabel={t.secondStepSubmit}
    >
      <TextField
        lang={lang}
        name="code"
        label={t.secondStepCodeLabel}
        hint={t.secondStepRecovery}
        autocomplete="one-time-code"
        spellcheck={false}
        error={errorFor(model.errors, "code")}
      />
    </FormPage>
  );
}
