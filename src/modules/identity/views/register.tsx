import type { FieldError } from "#core/http/errors.ts";
import { errorFor, FormPage, PasswordField, TextField } from "#core/views/form/index.ts";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { identityMessages } from "../identity.messages.ts";

export interface RegisterModel {
  path: string;
  csrfToken: string;
  email: string;
  errors: FieldError[];
  loginHref: string;
}

export function RegisterPage(props: { chrome: SiteChrome; model: RegisterModel }): JSX.Element {
  const { chrome, model } = props;
  const lang = chrome.lang;
  const t = identityMessages[lang];
  const after = (
    <p class="kern-body">
      <a class="kern-link" href={model.loginHref} safe>
        {t.toLogin}
      </a>
    </p>
  );
  return (
    <FormPage
      chrome={chrome}
      {...model}
      title={t.registerTitle}
      intro={t.registerIntro}
      submitLabel={t.registerSubmit}
      after={after}
    >
      <TextField
        lang={lang}
        name="email"
        type="email"
        label={t.emailLabel}
        hint={t.emailHint}
        value={model.email}
        autocomplete="email"
        error={errorFor(model.errors, "email")}
      />
      <PasswordField
        lang={lang}
        name="password"
        label={t.passwordLabel}
        hint={t.passwordHint}
        autocomplete="new-password"
        error={errorFor(model.errors, "password")}
      />
    </FormPage>
  );
}
