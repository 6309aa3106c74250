import type { FieldError } from "#core/http/errors.ts";
import { format } from "#core/i18n/messages.ts";
import {
  Button,
  ButtonGroup,
  ErrorSummary,
  errorFor,
  Form,
  formPageTitle,
  RadioGroup,
} from "#core/views/form/index.ts";
import { Layout } from "#core/views/layout.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { WarningNote } from "#core/views/warning-note.tsx";
import { devIdpMessages } from "../dev-idp.messages.ts";
import { type TestIdentity, testIdentities } from "../test-identities.ts";

export interface ChooseIdentityModel {
  path: string;
  csrfToken: string;
  clientName: string;
  chosen: string;
  errors: FieldError[];
}

type Messages = (typeof devIdpMessages)["de"];

function describe(identity: TestIdentity, t: Messages): string {
  const { claims } = identity;
  const [year, month, day] = claims.birthdate.split("-");
  const levels: Record<string, string> = {
    "STORK-QAA-Level-3": t.levelSubstantial,
    "STORK-QAA-Level-4": t.levelHigh,
  };
  return format(t.identityHint, {
    street: claims.address.street_address,
    postalCode: claims.address.postal_code,
    city: claims.address.locality,
    birthdate: `${day}.${month}.${year}`,
    email: claims.email,
    emailState: claims.email_verified ? t.emailConfirmed : t.emailUnconfirmed,
    level: `${levels[identity.acr] ?? identity.acr} (${identity.acr})`,
  });
}

/** The demo provider's one step: pick a test identity and let its data go to the municipality's site. */
export function ChooseIdentityPage(props: { chrome: SiteChrome; model: ChooseIdentityModel }): JSX.Element {
  const { chrome, model } = props;
  const lang = chrome.lang;
  const t = devIdpMessages[lang];
  const options = testIdentities.map((identity) => ({
    value: identity.sub,
    label: `${identity.claims.given_name} ${identity.claims.family_name}`,
    hint: describe(identity, t),
  }));
  return (
    <Layout
      chrome={chrome}
      page={{ title: formPageTitle(lang, t.chooseTitle, model.errors), path: model.path }}
    >
      <ErrorSummary lang={lang} errors={model.errors} />
      <WarningNote title={t.bannerTitle} text={t.bannerText} />
      <h1 class="kern-heading-large" safe>
        {t.chooseTitle}
      </h1>
      <p class="kern-body" safe>
        {format(t.chooseIntro, { client: model.clientName })}
      </p>
      <Form action={model.path} csrfToken={model.csrfToken}>
        <RadioGroup
          lang={lang}
          name="identity"
          label={t.identityLegend}
          options={options}
          value={model.chosen}
          error={errorFor(model.errors, "identity")}
        />
        <ButtonGroup>
          <Button label={t.submit} name="action" value="login" />
          <Button label={t.cancel} variant="secondary" name="action" value="cancel" />
        </ButtonGroup>
      </Form>
    </Layout>
  );
}
