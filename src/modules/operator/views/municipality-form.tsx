import type { FieldError } from "#core/http/errors.ts";
import { errorFor, Form, TextField, type TextFieldProps } from "#core/views/form/index.ts";
import { type SignedInFrame, SignedInPage } from "#core/views/signed-in-page.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import type { MunicipalityInput } from "../municipalities.service.ts";
import { operatorMessages } from "../operator.messages.ts";

type Field = keyof MunicipalityInput;

/** "Kommune anlegen": the municipality's public data and the person who becomes its first administrator. */
export function MunicipalityFormPage(props: {
  chrome: SiteChrome;
  frame: SignedInFrame;
  model: { action: string; values: MunicipalityInput; errors: FieldError[] };
}) {
  const { chrome, frame, model } = props;
  const lang = chrome.lang;
  const t = operatorMessages[lang];
  // The municipality's data and someone else's address: nothing the browser should fill in from the operator's own.
  const field = (
    name: Field,
    label: string,
    extra: Omit<TextFieldProps, "lang" | "name" | "label" | "value" | "error"> = {},
  ) => (
    <TextField
      lang={lang}
      name={name}
      label={label}
      value={model.values[name]}
      autocomplete="off"
      error={errorFor(model.errors, name)}
      {...extra}
    />
  );
  const section = (heading: string, id: string, fields: JSX.Element[]) => (
    <section class="kern-stack" aria-labelledby={id}>
      <h2 class="kern-heading-medium" id={id} safe>
        {heading}
      </h2>
      {fields}
    </section>
  );
  return (
    <SignedInPage chrome={chrome} frame={{ ...frame, errors: model.errors }} title={t.newTitle}>
      <p class="kern-body" safe>
        {t.newIntro}
      </p>
      <Form action={model.action} csrfToken={frame.csrfToken} submitLabel={t.createSubmit}>
        {section(t.municipalityHeading, "municipality-heading", [
          field("name", t.nameLabel, { hint: t.nameHint }),
          field("officialName", t.officialNameLabel, { hint: t.officialNameHint }),
          field("slug", t.slugLabel, { hint: t.slugHint, spellcheck: false }),
        ])}
        {section(t.addressHeading, "address-heading", [
          field("street", t.streetLabel, { optional: true }),
          field("postalCode", t.postalCodeLabel, {
            optional: true,
            inputmode: "numeric",
            width: 4,
          }),
          field("city", t.cityLabel, { optional: true }),
        ])}
        {section(t.contactHeading, "contact-heading", [
          field("phone", t.phoneLabel, { optional: true, type: "tel" }),
          field("email", t.contactEmailLabel, { optional: true, type: "email" }),
          field("website", t.websiteLabel, {
            optional: true,
            hint: t.websiteHint,
            inputmode: "url",
            spellcheck: false,
          }),
        ])}
        {section(t.adminHeading, "admin-heading", [
          field("adminName", t.adminNameLabel),
          field("adminEmail", t.adminEmailLabel, { type: "email" }),
        ])}
      </Form>
    </SignedInPage>
  );
}
