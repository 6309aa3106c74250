import type { AddressInfo } from "node:net";
import Fastify, { type FastifyReply, type FastifyRequest } from "fastify";
import { registerErrorHandling } from "#core/http/error-handler.ts";
import type { FieldError } from "#core/http/errors.ts";
import {
  type FormBody,
  formBody,
  isoDate,
  readChecked,
  readDateParts,
  readString,
  readStrings,
} from "#core/http/form-page.ts";
import { languagePlugin } from "#core/http/language.ts";
import { securityPlugin } from "#core/http/security.ts";
import { staticAssets } from "#core/http/static-assets.ts";
import {
  BackLink,
  Button,
  ButtonGroup,
  ButtonLink,
  Checkbox,
  CheckboxGroup,
  DateField,
  ErrorSummary,
  errorFor,
  Form,
  formPageTitle,
  PasswordField,
  RadioGroup,
  Select,
  TextArea,
  TextField,
} from "#core/views/form/index.ts";
import { Layout } from "#core/views/layout.tsx";
import { installationChrome } from "#modules/tenants/index.ts";

/**
 * A test-only app for the form kit: the real security plugin (CSP, CSRF), static assets, language and error
 * handling, and one form with every component, following the route pattern of src/core/views/form/README.md.
 */

export const formPath = "/formular";
export const thanksPath = "/formular/danke";

export interface DemoValues {
  name: string;
  email: string;
  phone: string;
  people: string;
  password: string;
  message: string;
  birthDate: { day: string; month: string; year: string };
  contact: string;
  topics: string[];
  district: string;
  consent: boolean;
}

const emptyValues: DemoValues = {
  name: "",
  email: "",
  phone: "",
  people: "",
  password: "",
  message: "",
  birthDate: { day: "", month: "", year: "" },
  contact: "",
  topics: [],
  district: "",
  consent: false,
};

const contactOptions = [
  { value: "email", label: "Per E-Mail" },
  { value: "phone", label: "Per Telefon", hint: "Werktags zwischen 8 und 16 Uhr" },
  { value: "post", label: "Per Post" },
];
const topicOptions = [
  { value: "abfall", label: "Abfall" },
  { value: "strasse", label: "Straßen und Wege" },
  { value: "gruen", label: "Grünflächen" },
];
const districtOptions = [
  { value: "usingen", label: "Usingen (Kernstadt)" },
  { value: "eschbach", label: "Eschbach" },
  { value: "kransberg", label: "Kransberg" },
];

export function readValues(body: FormBody): DemoValues {
  return {
    name: readString(body, "name"),
    email: readString(body, "email"),
    phone: readString(body, "phone"),
    people: readString(body, "people"),
    password: readString(body, "password"),
    message: readString(body, "message"),
    birthDate: readDateParts(body, "birthDate"),
    contact: readString(body, "contact"),
    topics: readStrings(body, "topics"),
    district: readString(body, "district"),
    consent: readChecked(body, "consent"),
  };
}

/** Instructions, as GOV.UK writes them: what to do, not what went wrong. */
export function validate(values: DemoValues): FieldError[] {
  const errors: FieldError[] = [];
  const check = (ok: boolean, field: string, message: string) => {
    if (!ok) errors.push({ field, message });
  };
  check(values.name.trim() !== "", "name", "Geben Sie Ihren Namen an");
  check(
    /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim()),
    "email",
    "Geben Sie eine E-Mail-Adresse wie name@example.de an",
  );
  check(values.people === "" || /^\d+$/.test(values.people), "people", "Geben Sie die Anzahl als Zahl an");
  check(values.password.length >= 12, "password", "Geben Sie ein Passwort mit mindestens 12 Zeichen an");
  check(values.message.trim() !== "", "message", "Beschreiben Sie Ihr Anliegen");
  check(
    isoDate(values.birthDate) !== undefined,
    "birthDate",
    "Geben Sie Ihr Geburtsdatum als echtes Datum an",
  );
  check(
    contactOptions.some((o) => o.value === values.contact),
    "contact",
    "Wählen Sie aus, wie wir Sie erreichen sollen",
  );
  check(values.topics.length > 0, "topics", "Wählen Sie mindestens ein Thema aus");
  check(
    districtOptions.some((o) => o.value === values.district),
    "district",
    "Wählen Sie Ihren Ortsteil aus",
  );
  check(values.consent, "consent", "Bestätigen Sie, dass Ihre Angaben richtig sind");
  return errors;
}

function DemoFormPage(props: {
  request: FastifyRequest;
  csrfToken: string;
  values: DemoValues;
  errors: FieldError[];
}): JSX.Element {
  const { values, errors } = props;
  const lang = props.request.lang;
  const chrome = installationChrome(lang);
  const e = (name: string) => errorFor(errors, name);
  return (
    <Layout chrome={chrome} page={{ title: formPageTitle(lang, "Testformular", errors), path: formPath }}>
      <BackLink href={chrome.homeHref} lang={lang} />
      <ErrorSummary lang={lang} errors={errors} />
      <h1 class="kern-heading-large">Testformular</h1>
      <Form action={formPath} csrfToken={props.csrfToken}>
        <TextField
          lang={lang}
          name="name"
          label="Vollständiger Name"
          autocomplete="name"
          value={values.name}
          error={e("name")}
        />
        <TextField
          lang={lang}
          name="email"
          type="email"
          label="E-Mail-Adresse"
          hint="An diese Adresse senden wir die Eingangsbestätigung."
          autocomplete="email"
          value={values.email}
          error={e("email")}
        />
        <TextField
          lang={lang}
          name="phone"
          type="tel"
          label="Telefonnummer"
          autocomplete="tel"
          optional
          value={values.phone}
        />
        <TextField
          lang={lang}
          name="people"
          type="number"
          label="Anzahl der Personen"
          width={4}
          optional
          value={values.people}
          error={e("people")}
        />
        <PasswordField
          lang={lang}
          name="password"
          label="Passwort"
          hint="Mindestens 12 Zeichen."
          autocomplete="new-password"
          error={e("password")}
        />
        <TextArea
          lang={lang}
          name="message"
          label="Ihr Anliegen"
          value={values.message}
          error={e("message")}
        />
        <DateField
          lang={lang}
          name="birthDate"
          label="Geburtsdatum"
          hint="Zum Beispiel 27 3 1990"
          autocomplete="bday"
          value={values.birthDate}
          error={e("birthDate")}
        />
        <RadioGroup
          lang={lang}
          name="contact"
          label="Wie sollen wir Sie erreichen?"
          options={contactOptions}
          value={values.contact}
          error={e("contact")}
        />
        <CheckboxGroup
          lang={lang}
          name="topics"
          label="Welche Themen betrifft Ihr Anliegen?"
          hint="Wählen Sie alle zutreffenden aus."
          options={topicOptions}
          values={values.topics}
          error={e("topics")}
        />
        <Select
          lang={lang}
          name="district"
          label="Ortsteil"
          options={districtOptions}
          value={values.district}
          error={e("district")}
        />
        <Checkbox
          lang={lang}
          name="consent"
          label="Ich bestätige, dass meine Angaben richtig sind."
          checked={values.consent}
          error={e("consent")}
        />
        <ButtonGroup>
          <Button label="Absenden" />
          <ButtonLink href={chrome.homeHref} label="Abbrechen" />
        </ButtonGroup>
      </Form>
    </Layout>
  );
}

function ThanksPage(props: { request: FastifyRequest; name: string }): JSX.Element {
  const chrome = installationChrome(props.request.lang);
  return (
    <Layout chrome={chrome} page={{ title: "Vielen Dank", path: thanksPath }}>
      <h1 class="kern-heading-large">Vielen Dank</h1>
      <p class="kern-body" id="received-name" safe>
        {props.name}
      </p>
    </Layout>
  );
}

const sendHtml = (reply: FastifyReply, html: string, status = 200) =>
  reply.status(status).type("text/html; charset=utf-8").send(html);

export async function startFormKitApp(): Promise<{ url: string; close(): Promise<void> }> {
  const app = Fastify({ logger: false });
  app.decorateRequest("chrome", undefined);
  await app.register(securityPlugin, {
    cookieSecret: "form-kit-test-secret-0123456789abcdef",
    secureCookies: false,
  });
  await app.register(languagePlugin, { secureCookies: false });
  await app.register(staticAssets);
  registerErrorHandling(app, (request) => installationChrome(request.lang));

  // The last accepted submission, shown on the thanks page (a real route would store it through a service).
  let received = "";

  app.get(formPath, async (request, reply) => {
    const html = await DemoFormPage({
      request,
      csrfToken: reply.generateCsrf(),
      values: emptyValues,
      errors: [],
    });
    return sendHtml(reply, html);
  });

  app.post(formPath, async (request, reply) => {
    const values = readValues(formBody(request.body));
    const errors = validate(values);
    if (errors.length > 0) {
      const html = await DemoFormPage({ request, csrfToken: reply.generateCsrf(), values, errors });
      return sendHtml(reply, html, 422);
    }
    received = values.name;
    return reply.redirect(thanksPath, 303);
  });

  app.get(thanksPath, async (request, reply) =>
    sendHtml(reply, await ThanksPage({ request, name: received })),
  );

  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
