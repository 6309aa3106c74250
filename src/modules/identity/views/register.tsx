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
  return (
    <Layout
      chrome={chrome}
      page={{ title: formPageTitle(lang, t.registerTitle, model.errors), path: model.path }}
    >
      <ErrorSummary lang={lang} errors={model.errors} />
      <h1 class="kern-heading-large" safe>
        {t.registerTitle}
      </h1>
      <p class="kern-body" safe>
        {t.registerIntro}
      </p>
      <Form action={model.path} csrfToken={model.csrfToken} submitLabel={t.registerSubmit}>
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
      </Form>
      <p class="kern-body">
        <a class="kern-link" href={model.loginHref} safe>
          {t.toLogin}
        </a>
      </p>
    </Layout>
  );
}
