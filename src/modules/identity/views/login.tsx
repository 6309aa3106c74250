import type { FieldError } from "#core/http/errors.ts";
import { errorFor, FormPage, PasswordField, TextField } from "#core/views/form/index.ts";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { identityMessages } from "../identity.messages.ts";
import { type OidcOffer, OidcSignInSection } from "./oidc-sign-in.tsx";
import { type PasskeyCeremonyModel, PasskeySignIn } from "./passkeys.tsx";

export interface LoginModel {
  path: string;
  /** The form's action, carrying the page to return to. */
  action: string;
  csrfToken: string;
  email: string;
  errors: FieldError[];
  registerHref: string;
  forgotHref: string;
  /** "Mit BundID anmelden", when an identity provider is configured. */
  oidc?: OidcOffer;
  /** Signing in with a passkey instead (revealed by the script where the browser supports it). */
  passkey?: PasskeyCeremonyModel;
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
      {model.passkey ? <PasskeySignIn lang={lang} model={model.passkey} /> : ""}
      {model.oidc ? <OidcSignInSection lang={lang} offer={model.oidc} /> : ""}
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
