import type { FieldError } from "#core/http/errors.ts";
import { format } from "#core/i18n/messages.ts";
import { errorFor, FormPage, HiddenField, PasswordField, TextField } from "#core/views/form/index.ts";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { operatorMessages } from "../operator.messages.ts";

export function OperatorLoginPage(props: {
  chrome: SiteChrome;
  model: { path: string; action: string; csrfToken: string; email: string; errors: FieldError[] };
}) {
  const { chrome, model } = props;
  const lang = chrome.lang;
  const t = operatorMessages[lang];
  return (
    <FormPage
      chrome={chrome}
      {...model}
      title={t.loginTitle}
      intro={t.loginIntro}
      submitLabel={t.loginSubmit}
    >
      <TextField
        lang={lang}
        name="email"
        type="email"
        label={t.emailLabel}
        value={model.email}
        autocomplete="username"
        error={errorFor(model.errors, "email")}
      />
      <PasswordField
        lang={lang}
        name="password"
        label={t.passwordLabel}
        autocomplete="current-password"
        error={errorFor(model.errors, "password")}
      />
    </FormPage>
  );
}

/** Choosing the password from the setup link; the second factor follows at the code step. */
export function OperatorSetupPage(props: {
  chrome: SiteChrome;
  model: { path: string; csrfToken: string; token: string; email: string; errors: FieldError[] };
}) {
  const { chrome, model } = props;
  const lang = chrome.lang;
  const t = operatorMessages[lang];
  return (
    <FormPage
      chrome={chrome}
      {...model}
      title={t.setupTitle}
      intro={format(t.setupIntro, { email: model.email })}
      submitLabel={t.setupSubmit}
    >
      <HiddenField name="token" value={model.token} />
      <PasswordField
        lang={lang}
        name="password"
        label={t.newPasswordLabel}
        hint={t.newPasswordHint}
        autocomplete="new-password"
        error={errorFor(model.errors, "password")}
      />
      <PasswordField
        lang={lang}
        name="confirm"
        label={t.confirmPasswordLabel}
        autocomplete="new-password"
        error={errorFor(model.errors, "confirm")}
      />
    </FormPage>
  );
}
