import type { FieldError } from "#core/http/errors.ts";
import { format } from "#core/i18n/messages.ts";
import { DescriptionItem, DescriptionList } from "#core/views/description-list.tsx";
import {
  BackLink,
  Button,
  ButtonGroup,
  type ChoiceOption,
  errorFor,
  Form,
  RadioGroup,
  TextField,
} from "#core/views/form/index.ts";
import { type SignedInFrame, SignedInPage } from "#core/views/signed-in-page.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { WarningNote } from "#core/views/warning-note.tsx";
import { paymentSettingsMessages } from "../payment-settings.messages.ts";
import { treasuryMessages } from "../treasury.messages.ts";

export interface PaymentSettingsModel {
  backHref: string;
  action: string;
  /** The platforms this installation is configured for: only these can be chosen. */
  providerOptions: ChoiceOption[];
  /** Why a platform is missing from the choice (Stripe not configured). */
  providerNote?: string;
  /** Online payments do not work with what is saved (no platform, or the saved one is gone). */
  warning?: string;
  /** The municipality's reference prefix and this year, to explain the placeholders. */
  prefix: string;
  year: string;
  defaultPattern: string;
  values: { provider: string; pattern: string };
  /** "Beispiel: USI-2026-K000124" for the pattern in the field; none while it is invalid. */
  preview?: string;
  errors: FieldError[];
}

export function PaymentSettingsPage(props: {
  chrome: SiteChrome;
  frame: SignedInFrame;
  model: PaymentSettingsModel;
}) {
  const { chrome, frame, model } = props;
  const lang = chrome.lang;
  const t = paymentSettingsMessages[lang];
  return (
    <SignedInPage chrome={chrome} frame={{ ...frame, errors: model.errors }} title={t.settingsTitle}>
      <BackLink href={model.backHref} lang={lang} label={treasuryMessages[lang].backToPayments} />
      <p class="kern-body" safe>
        {t.settingsIntro}
      </p>
      {model.warning ? <WarningNote title={t.warningTitle} text={model.warning} /> : ""}
      <Form action={model.action} csrfToken={frame.csrfToken}>
        {model.providerOptions.length > 0 ? (
          <RadioGroup
            lang={lang}
            name="plattform"
            label={t.providerLabel}
            hint={t.providerHint}
            options={model.providerOptions}
            value={model.values.provider}
            error={errorFor(model.errors, "plattform")}
          />
        ) : (
          ""
        )}
        {model.providerNote ? (
          <p class="kern-body" safe>
            {model.providerNote}
          </p>
        ) : (
          ""
        )}
        <h2 class="kern-heading-medium" safe>
          {t.patternHeading}
        </h2>
        <p class="kern-body" safe>
          {t.placeholdersIntro}
        </p>
        <DescriptionList>
          <DescriptionItem label="{prefix}">
            <span safe>{format(t.placeholderPrefix, { prefix: model.prefix })}</span>
          </DescriptionItem>
          <DescriptionItem label="{year}">
            <span safe>{format(t.placeholderYear, { year: model.year })}</span>
          </DescriptionItem>
          <DescriptionItem label="{number}">
            <span safe>{t.placeholderNumber}</span>
          </DescriptionItem>
        </DescriptionList>
        <p class="kern-body" safe>
          {t.patternRules}
        </p>
        <TextField
          lang={lang}
          name="muster"
          label={t.patternLabel}
          hint={format(t.patternHint, { example: model.defaultPattern })}
          value={model.values.pattern}
          spellcheck={false}
          error={errorFor(model.errors, "muster")}
        />
        {model.preview ? (
          <div class="kern-stack">
            <p class="kern-body kern-body--bold" safe>
              {model.preview}
            </p>
            <p class="kern-body" safe>
              {t.previewExplained}
            </p>
          </div>
        ) : (
          ""
        )}
        <p class="kern-body" safe>
          {t.noRenumbering}
        </p>
        <ButtonGroup>
          <Button label={t.saveSubmit} />
          <Button label={t.previewSubmit} variant="secondary" name="aktion" value="vorschau" />
        </ButtonGroup>
      </Form>
    </SignedInPage>
  );
}
