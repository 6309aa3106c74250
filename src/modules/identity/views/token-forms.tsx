import type { FieldError } from "#core/http/errors.ts";
import {
  BackLink,
  ErrorSummary,
  errorFor,
  Form,
  formPageTitle,
  HiddenField,
  PasswordField,
  TextField,
} from "#core/views/form/index.ts";
import { Layout } from "#core/views/layout.tsx";
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
  const { chrome, model } = props;
  return (
    <Layout chrome={chrome} page={{ title: model.title, path: model.path }}>
      <h1 class="kern-heading-large" safe>
        {model.title}
      </h1>
      <p class="kern-body" safe>
        {model.text}
      </p>
      <Form action={model.path} csrfToken={model.csrfToken} submitLabel={model.button}>
        <HiddenField name="token" value={model.token} />
      </Form>
    </Layout>
  );
}

export function ForgotPasswordPage(props: { chrome: SiteChrome; model: FormPageModel & { email: string } }) {
  const { chrome, model } = props;
  const lang = chrome.lang;
  const t = identityMessages[lang];
  return (
    <Layout
      chrome={chrome}
      page={{ title: formPageTitle(lang, t.forgotTitle, model.errors), path: model.path }}
    >
      <ErrorSummary lang={lang} errors={model.errors} />
      <h1 class="kern-heading-large" safe>
        {t.forgotTitle}
      </h1>
      <p class="kern-body" safe>
        {t.forgotIntro}
      </p>
      <Form action={model.path} csrfToken={model.csrfToken} submitLabel={t.forgotSubmit}>
        <TextField
          lang={lang}
          name="email"
          type="email"
          label={t.emailLabel}
          value={model.email}
          autocomplete="email"
          error={errorFor(model.errors, "email")}
        />
      </Form>
    </Layout>
  );
}

export function ResetPasswordPage(props: { chrome: SiteChrome; model: FormPageModel & { token: string } }) {
  const { chrome, model } = props;
  const lang = chrome.lang;
  const t = identityMessages[lang];
  return (
    <Layout
      chrome={chrome}
      page={{ title: formPageTitle(lang, t.resetTitle, model.errors), path: model.path }}
    >
      <ErrorSummary lang={lang} errors={model.errors} />
      <h1 class="kern-heading-large" safe>
        {t.resetTitle}
      </h1>
      <Form action={model.path} csrfToken={model.csrfToken} submitLabel={t.resetSubmit}>
        <HiddenField name="token" value={model.token} />
        <PasswordField
          lang={lang}
          name="password"
          label={t.newPasswordLabel}
          hint={t.passwordHint}
          autocomplete="new-password"
          error={errorFor(model.errors, "password")}
        />
      </Form>
    </Layout>
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
    <Layout
      chrome={chrome}
      page={{ title: formPageTitle(lang, t.changeEmailTitle, model.errors), path: model.path }}
    >
      <BackLink href={model.backHref} lang={lang} />
      <ErrorSummary lang={lang} errors={model.errors} />
      <h1 class="kern-heading-large" safe>
        {t.changeEmailTitle}
      </h1>
      <Form action={model.path} csrfToken={model.csrfToken} submitLabel={t.changeEmailSubmit}>
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
      </Form>
    </Layout>
  );
}
