import type { FieldError } from "#core/http/errors.ts";
import { DateField, errorFor, FormPage, PasswordField, TextField } from "#core/views/form/index.ts";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { identityMessages } from "../identity.messages.ts";
import { profileMessages } from "../profile.messages.ts";
import type { ProfileInput, ProfileTextField } from "../profile.service.ts";

interface FormModel {
  path: string;
  csrfToken: string;
  errors: FieldError[];
  backHref: string;
}

export function ProfilePage(props: {
  chrome: SiteChrome;
  /** Lines on where the data came from (identity provider, trust level of this sign-in); may be empty. */
  model: FormModel & { values: ProfileInput; provenance: string[] };
}): JSX.Element {
  const { chrome, model } = props;
  const lang = chrome.lang;
  const t = identityMessages[lang];
  const field = (
    name: ProfileTextField,
    label: string,
    autocomplete: string,
    extra: Record<string, unknown> = {},
  ) => (
    <TextField
      lang={lang}
      name={name}
      label={label}
      value={model.values[name]}
      autocomplete={autocomplete}
      optional
      error={errorFor(model.errors, name)}
      {...extra}
    />
  );
  return (
    <FormPage
      chrome={chrome}
      {...model}
      title={t.profileTitle}
      intro={t.profileIntro}
      submitLabel={t.profileSubmit}
    >
      {model.provenance.length > 0 ? (
        <div class="kern-alert kern-alert--info">
          <div class="kern-alert__body">
            {model.provenance.map((line) => (
              <p class="kern-body" safe>
                {line}
              </p>
            ))}
          </div>
        </div>
      ) : (
        ""
      )}
      {field("givenName", t.givenNameLabel, "given-name")}
      {field("familyName", t.familyNameLabel, "family-name")}
      <DateField
        lang={lang}
        name="birthdate"
        label={profileMessages[lang].birthdateLabel}
        hint={profileMessages[lang].birthdateHint}
        value={model.values.birthdate}
        autocomplete="bday"
        optional
        error={errorFor(model.errors, "birthdate")}
      />
      {field("street", t.streetLabel, "street-address")}
      {field("postalCode", t.postalCodeLabel, "postal-code", { inputmode: "numeric", width: 4 })}
      {field("city", t.cityLabel, "address-level2")}
      {field("phone", t.phoneLabel, "tel", { type: "tel", hint: t.phoneHint })}
    </FormPage>
  );
}

export function ChangePasswordPage(props: { chrome: SiteChrome; model: FormModel }): JSX.Element {
  const { chrome, model } = props;
  const lang = chrome.lang;
  const t = identityMessages[lang];
  return (
    <FormPage chrome={chrome} {...model} title={t.changePasswordTitle} submitLabel={t.changePasswordSubmit}>
      <PasswordField
        lang={lang}
        name="currentPassword"
        label={t.currentPasswordLabel}
        autocomplete="current-password"
        error={errorFor(model.errors, "currentPassword")}
      />
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
