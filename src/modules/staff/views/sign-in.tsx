import type { FieldError } from "#core/http/errors.ts";
import { format } from "#core/i18n/messages.ts";
import { errorFor, FormPage, HiddenField, PasswordField, TextField } from "#core/views/form/index.ts";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { type PasskeyCeremonyModel, PasskeySignIn } from "#modules/identity/auth-kit.ts";
import { staffMessages } from "../staff.messages.ts";

export function StaffLoginPage(props: {
  chrome: SiteChrome;
  model: {
    path: string;
    action: string;
    csrfToken: string;
    email: string;
    errors: FieldError[];
    citizenHref: string;
    /** Signing in with a passkey instead (revealed by the script where the browser supports it). */
    passkey: PasskeyCeremonyModel;
  };
}) {
  const { chrome, model } = props;
  const lang = chrome.lang;
  const t = staffMessages[lang];
  const after = (
    <>
      <PasskeySignIn lang={lang} model={model.passkey} />
      <p class="kern-body">
        <span safe>{t.citizenHint}</span>{" "}
        <a class="kern-link" href={model.citizenHref} safe>
          {t.citizenLink}
        </a>
      </p>
    </>
  );
  return (
    <FormPage
      chrome={chrome}
      {...model}
      title={t.loginTitle}
      intro={t.loginIntro}
      submitLabel={t.loginSubmit}
      after={after}
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

/** Choosing the password from an invitation (or an administrator's access reset). */
export function InvitationPage(props: {
  chrome: SiteChrome;
  model: {
    path: string;
    csrfToken: string;
    token: string;
    name: string;
    tenant: string;
    errors: FieldError[];
  };
}) {
  const { chrome, model } = props;
  const lang = chrome.lang;
  const t = staffMessages[lang];
  return (
    <FormPage
      chrome={chrome}
      {...model}
      title={t.invitationTitle}
      intro={format(t.invitationIntro, { name: model.name, tenant: model.tenant })}
      submitLabel={t.invitationSubmit}
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
