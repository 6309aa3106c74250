import type { FieldError } from "#core/http/errors.ts";
import { errorFor, FormPage, PasswordField, TextField } from "#core/views/form/index.ts";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { identityMessages } from "../identity.messages.ts";

export interface LoginModel {
  path: string;
  /** The form's action, carrying the page to return to. */
  action: string;
  csrfToken: string;
  email: string;
  errors: FieldError[];
  registerHref: string;
  forgotHref: string;
}

export function LoginPage(props: { chrome: SiteChrome; model: LoginModel }): JSX.Element {
  const { chrome, model } = props;
  const lang = chrome.lang;
  const t = identityMessages[lang];
  const after = (
    <>
      <p class="kern-body">
        <a class="kern-link" href={model.forgotHref} safe>
          {t.loginForgot}
        </a>
      </p>
      <h2 class="kern-heading-small" safe>
        {t.loginNoAccount}
      </h2>
      <p class="kern-body">
        <a class="kern-link" href={model.registerHref} safe>
          {t.registerTitle}
        </a>
      </p>
    </>
  );
  return (
    <FormPage chrome={chrome} {...model} title={t.loginTitle} submitLabel={t.loginSubmit} after={after}>
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
