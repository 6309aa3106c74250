import type { FieldError } from "#core/http/errors.ts";
import { format } from "#core/i18n/messages.ts";
import {
  BackLink,
  Button,
  ErrorSummary,
  errorFor,
  Form,
  formPageTitle,
  TextField,
} from "#core/views/form/index.ts";
import { Layout } from "#core/views/layout.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { applicationMessages } from "../applications.messages.ts";
import { feeMessages } from "../fee.messages.ts";
import { FeePayment, type FeePaymentModel } from "./fee-payment.tsx";

export interface ReviewModel {
  path: string;
  serviceName: string;
  backHref: string;
  csrfToken: string;
  sections: { title: string; rows: { label: string; lines: string[]; changeHref?: string }[] }[];
  fees: { label: string; text: string }[];
  /** The fee by-law and how paying works. */
  feeNotes: string[];
  /** The fee is paid before the application is sent: the button says so. */
  paysFirst: boolean;
  /** Guests give the address for the confirmation here; signed-in citizens get it at their account's. */
  askEmail: boolean;
  email: string;
  errors: readonly FieldError[];
}

/** "Ihre Angaben prüfen": every answer with a change link, the fees, the address, the declaration, send. */
export function ReviewPage(props: { chrome: SiteChrome; model: ReviewModel }): JSX.Element {
  const { chrome, model } = props;
  const lang = chrome.lang;
  const t = applicationMessages[lang];
  return (
    <Layout
      chrome={chrome}
      page={{ title: formPageTitle(lang, t.reviewTitle, model.errors), path: model.path }}
    >
      <BackLink href={model.backHref} lang={lang} />
      <ErrorSummary lang={lang} errors={model.errors} />
      <p class="kern-preline" safe>
        {model.serviceName}
      </p>
      <h1 class="kern-heading-large" safe>
        {t.reviewTitle}
      </h1>
      <p class="kern-body" safe>
        {t.reviewIntro}
      </p>
      {model.sections.map((section) => (
        <section class="review-section">
          <h2 class="kern-heading-medium" safe>
            {section.title}
          </h2>
          <dl class="kern-description-list review-list">
            {section.rows.map((row) => (
              <div class="kern-description-list-item review-list__row">
                <dt class="kern-description-list-item__key" safe>
                  {row.label}
                </dt>
                <dd class="kern-description-list-item__value">
                  {row.lines.map((line) => (
                    <span class="review-list__line" safe>
                      {line}
                    </span>
                  ))}
                </dd>
                {row.changeHref ? (
                  <dd class="review-list__action">
                    <a class="kern-link" href={row.changeHref}>
                      <span safe>{t.change}</span>
                      <span class="kern-sr-only" safe>{` ${row.label}`}</span>
                    </a>
                  </dd>
                ) : (
                  ""
                )}
              </div>
            ))}
          </dl>
        </section>
      ))}
      {model.fees.length > 0 ? (
        <section>
          <h2 class="kern-heading-medium" safe>
            {t.feesHeading}
          </h2>
          <dl class="kern-description-list review-list">
            {model.fees.map((fee) => (
              <div class="kern-description-list-item review-list__row">
                <dt class="kern-description-list-item__key" safe>
                  {fee.label}
                </dt>
                <dd class="kern-description-list-item__value" safe>
                  {fee.text}
                </dd>
              </div>
            ))}
          </dl>
          {model.feeNotes.map((note) => (
            <p class="kern-body" safe>
              {note}
            </p>
          ))}
        </section>
      ) : (
        ""
      )}
      <Form action={model.path} csrfToken={model.csrfToken}>
        {model.askEmail ? (
          <>
            <h2 class="kern-heading-medium" safe>
              {t.contactHeading}
            </h2>
            <TextField
              lang={lang}
              name="email"
              type="email"
              label={t.emailLabel}
              hint={t.contactText}
              value={model.email}
              autocomplete="email"
              error={errorFor(model.errors, "email")}
            />
          </>
        ) : (
          ""
        )}
        <h2 class="kern-heading-medium" safe>
          {t.declarationHeading}
        </h2>
        <p class="kern-body" safe>
          {t.declaration}
        </p>
        <Button label={model.paysFirst ? feeMessages[lang].submitAndPay : t.submit} />
      </Form>
    </Layout>
  );
}

/** The page after sending: the reference, where the confirmation went, what happens next. */
export function ConfirmationPage(props: {
  chrome: SiteChrome;
  model: {
    path: string;
    /** Saved, but sent only once the fee is paid. */
    awaitingPayment: boolean;
    payment: FeePaymentModel | undefined;
    serviceName: string;
    reference: string;
    email: string;
    signedIn: boolean;
    nextHref: string;
  };
}): JSX.Element {
  const { chrome, model } = props;
  const lang = chrome.lang;
  const t = applicationMessages[lang];
  const fee = feeMessages[lang];
  const title = model.awaitingPayment ? fee.awaitingTitle : t.confirmationTitle;
  return (
    <Layout chrome={chrome} page={{ title, path: model.path }}>
      <div
        class={`kern-alert ${model.awaitingPayment ? "kern-alert--warning" : "kern-alert--success"} confirmation-panel`}
        role="status"
      >
        <div class="kern-alert__body">
          <h1 class="kern-heading-large" safe>
            {title}
          </h1>
          <p class="kern-body" safe>
            {model.serviceName}
          </p>
          <p class="kern-body">
            <span safe>{t.referenceLabel}</span>
            <br />
            <strong class="confirmation-reference" safe>
              {model.reference}
            </strong>
          </p>
        </div>
      </div>
      {model.payment ? <FeePayment model={model.payment} lang={lang} /> : ""}
      <p class="kern-body" safe>
        {model.awaitingPayment ? fee.awaitingText : format(t.confirmationMail, { email: model.email })}
      </p>
      <p class="kern-body" safe>
        {t.confirmationNext}
      </p>
      <p class="kern-body" safe>
        {model.signedIn ? t.confirmationMine : t.confirmationGuest}
      </p>
      <p class="kern-body">
        <a class="kern-link" href={model.nextHref} safe>
          {model.signedIn ? t.toMyTownHall : t.toHome}
        </a>
      </p>
    </Layout>
  );
}
