import type { PropsWithChildren } from "@kitajs/html";
import type { FieldError } from "#core/http/errors.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { DescriptionItem, DescriptionList } from "#core/views/description-list.tsx";
import { Hint, Legend } from "#core/views/form/field-parts.tsx";
import {
  Button,
  ButtonGroup,
  Checkbox,
  ErrorSummary,
  errorFor,
  Form,
  fieldId,
  formPageTitle,
  hintId,
  RadioGroup,
  TextField,
} from "#core/views/form/index.ts";
import { Layout } from "#core/views/layout.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { WarningNote } from "#core/views/warning-note.tsx";
import { devPayMessages } from "../dev-pay.messages.ts";
import type { PaymentFormValues } from "../payment-form.ts";

export interface PaymentPageModel {
  path: string;
  csrfToken: string;
  payee: string;
  purpose: string;
  kassenzeichen: string;
  /** "30,70 €" */
  amount: string;
  values: PaymentFormValues;
  errors: FieldError[];
}

/** Fields that belong to one payment method; shown always, so the page works without JavaScript. */
function MethodDetails(props: PropsWithChildren<{ id: string; legend: string; hint: string; lang: Lang }>) {
  return (
    <fieldset class="kern-fieldset form-group" aria-describedby={hintId(fieldId(props.id))}>
      <Legend text={props.legend} lang={props.lang} />
      <Hint for={fieldId(props.id)} text={props.hint} />
      <div class="kern-fieldset__body kern-stack-lg">{props.children}</div>
    </fieldset>
  );
}

/** The hosted payment page: what is paid to whom, the choice of method, pay or cancel. */
export function PaymentPage(props: { chrome: SiteChrome; model: PaymentPageModel }): JSX.Element {
  const { chrome, model } = props;
  const lang = chrome.lang;
  const t = devPayMessages[lang];
  const { values, errors } = model;
  const methods = [
    { value: "giropay", label: t.methodGiropay, hint: t.methodGiropayHint },
    { value: "creditcard", label: t.methodCreditcard },
    { value: "sepa", label: t.methodSepa, hint: t.methodSepaHint },
    { value: "paypal", label: t.methodPaypal, hint: t.methodPaypalHint },
  ];
  return (
    <Layout chrome={chrome} page={{ title: formPageTitle(lang, t.title, errors), path: model.path }}>
      <ErrorSummary lang={lang} errors={errors} />
      <div class="kern-stack-lg">
        <WarningNote title={t.bannerTitle} text={t.bannerText} />
        <h1 class="kern-heading-large" safe>
          {t.title}
        </h1>
        <DescriptionList>
          <DescriptionItem label={t.payee}>
            <span safe>{model.payee}</span>
          </DescriptionItem>
          <DescriptionItem label={t.purpose}>
            <span safe>{model.purpose}</span>
          </DescriptionItem>
          <DescriptionItem label={t.kassenzeichen}>
            <span safe>{model.kassenzeichen}</span>
          </DescriptionItem>
          <DescriptionItem label={t.amount}>
            <strong safe>{model.amount}</strong>
          </DescriptionItem>
        </DescriptionList>
        <Form action={model.path} csrfToken={model.csrfToken}>
          <RadioGroup
            lang={lang}
            name="method"
            label={t.method}
            options={methods}
            value={values.method}
            error={errorFor(errors, "method")}
          />
          <MethodDetails id="card" legend={t.cardLegend} hint={t.cardHint} lang={lang}>
            <TextField
              lang={lang}
              name="cardNumber"
              label={t.cardNumber}
              hint={t.cardNumberHint}
              inputmode="numeric"
              autocomplete="cc-number"
              spellcheck={false}
              value={values.cardNumber}
              error={errorFor(errors, "cardNumber")}
            />
            <TextField
              lang={lang}
              name="cardExpiry"
              label={t.cardExpiry}
              hint={t.cardExpiryHint}
              autocomplete="cc-exp"
              width={4}
              value={values.cardExpiry}
              error={errorFor(errors, "cardExpiry")}
            />
          </MethodDetails>
          <MethodDetails id="sepa" legend={t.sepaLegend} hint={t.sepaHint} lang={lang}>
            <TextField
              lang={lang}
              name="iban"
              label={t.iban}
              hint={t.ibanHint}
              spellcheck={false}
              value={values.iban}
              error={errorFor(errors, "iban")}
            />
            <TextField
              lang={lang}
              name="accountHolder"
              label={t.accountHolder}
              autocomplete="name"
              value={values.accountHolder}
              error={errorFor(errors, "accountHolder")}
            />
            <Checkbox
              lang={lang}
              name="mandate"
              label={t.mandate}
              checked={values.mandate}
              error={errorFor(errors, "mandate")}
            />
          </MethodDetails>
          <ButtonGroup>
            <Button label={t.pay} name="action" value="pay" />
            <Button label={t.cancel} variant="secondary" name="action" value="cancel" />
          </ButtonGroup>
        </Form>
        <section class="kern-stack" aria-labelledby="simulator-tests">
          <h2 class="kern-heading-small" id="simulator-tests" safe>
            {t.testLegend}
          </h2>
          <p class="kern-body" safe>
            {t.testText}
          </p>
          <Form action={model.path} csrfToken={model.csrfToken}>
            <ButtonGroup>
              <Button label={t.fail} variant="secondary" name="action" value="fail" />
            </ButtonGroup>
          </Form>
        </section>
      </div>
    </Layout>
  );
}
