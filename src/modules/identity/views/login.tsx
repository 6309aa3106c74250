import type { FieldError } from "#core/http/errors.ts";
import {
  ErrorSummary,
  errorFor,
  Form,
  formPageTitle,
  PasswordField,
  TextField,
} from "#core/views/form/index.ts";
import { Layout } from "#core/views/layout.tsx";
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
  return (
    <Layout
      chrome={chrome}
      page={{ title: formPageTitle(lang, t.loginTitle, model.errors), path: model.path }}
    >
      <ErrorSummary lang={lang} errors={model.errors} />
      <h1 class="kern-heading-large" safe>
        {t.loginTitle}
      </h1>
      <Form action={model.action} csrfToken={model.csrfToken} submitLabel={t.loginSubmit}>
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
      </Form>
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
    </Layout>
  );
}
