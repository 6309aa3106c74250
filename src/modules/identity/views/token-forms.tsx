import type { FieldError } from "#core/http/errors.ts";
import { errorFor, FormPage, HiddenField, PasswordField, TextField } from "#core/views/form/index.ts";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { identityMessages } from "../identity.messages.ts";

interface FormPageModel {
  path: string;
  csrfToken: string;
  errors: FieldError[];
}

/**
 * Following a mailed link shows this button; only pressing it uses the link. Mail scanners that open links
 * in advance would otherwise use up the single-use link before the citizen does.
 */
export function ConfirmLinkPage(props: {
  chrome: SiteChrome;
  model: FormPageModel & { token: string; title: string; text: string; button: string };
}) {
  const { model } = props;
  return (
    <FormPage chrome={props.chrome} {...model} intro={model.text} submitLabel={model.button}>
      <HiddenField name="token" value={model.token} />
    </FormPage>
  );
}

export function ForgotPasswordPage(props: { chrome: SiteChrome; model: FormPageModel & { email: string } }) {
  const { chrome, model } = props;
  const lang = chrome.lang;
  const t = identityMessages[lang];
  return (
    <FormPage
      chrome={chrome}
      {...model}
      title={t.forgotTitle}
      intro={t.forgotIntro}
      submitLabel={t.forgotSubmit}
    >
      <TextField
        lang={lang}
        name="email"
        type="email"
        label={t.emailLabel}
        value={model.email}
        autocomplete="email"
        error={errorFor(model.errors, "email")}
      />
    </FormPage>
  );
}

export function ResetPasswordPage(props: { chrome: SiteChrome; model: FormPageModel & { token: string } }) {
  const { chrome, model } = props;
  const lang = chrome.lang;
  const t = identityMessages[lang];
  return (
    <FormPage chrome={chrome} {...model} title={t.resetTitle} submitLabel={t.resetSubmit}>
      <HiddenField name="token" value={model.token} />
      <PasswordField
        lang={lang}
        name="password"
        label={t.newPasswordLabel}
        hint={t.passwordHint}
        autocomplete="new-password"
        error={errorFor(model.errors, "password")}
      />
    </FormPage>
  );
}

export function ChangeEmailPage(props: {
  chrome: SiteChrome;
  model: FormPageModel & { email: string; backHref: string };
}) {
  const { chrome, model } = props;
  const lang = chrome.lang;
  const t = identityMessages[lang];
  return (
    <FormPage chrome={chrome} {...model} title={t.changeEmailTitle} submitLabel={t.changeEmailSubmit}>
      <TextField
        lang={lang}
        name="email"
        type="email"
        label={t.newEmailLabel}
        value={model.email}
        autocomplete="email"
        error={errorFor(model.errors, "email")}
      />
      <PasswordField
        lang={lang}
        name="currentPassword"
        label={t.currentPasswordLabel}
        autocomplete="current-password"
        error={errorFor(model.errors, "currentPassword")}
      />
    </FormPage>
  );
}
