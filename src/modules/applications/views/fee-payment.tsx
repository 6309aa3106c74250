import type { Lang } from "#core/i18n/lang.ts";
import { formatCents } from "#core/money/index.ts";
import { DescriptionItem, DescriptionList } from "#core/views/description-list.tsx";
import { Button, ButtonGroup, Form, HiddenField } from "#core/views/form/index.ts";
import type { Payment, PaymentState } from "#modules/payments/index.ts";
import { feeMessages } from "../fee.messages.ts";

/** A pay button: where it posts, and hidden fields it must carry (the guest's reference and code). */
export interface PayAction {
  path: string;
  csrfToken: string;
  hidden?: Record<string, string>;
}

export interface FeePaymentModel {
  kassenzeichen: string;
  amount: string;
  state: PaymentState;
  /** The button, when the payment can be (re)started now. */
  pay: PayAction | undefined;
  /** Shown when the platform was not reachable a moment ago. */
  platformDown: boolean;
  /** The page itself, to look again while the platform's confirmation is outstanding. */
  refreshHref: string;
}

const payable: readonly PaymentState[] = ["created", "failed", "cancelled", "expired"];

/** The pay button of a payment, where it can be (re)started now; the CSRF token is only made then. */
export function payAction(
  payment: Payment,
  pay: Omit<PayAction, "csrfToken">,
  csrfToken: () => string,
): PayAction | undefined {
  return payable.includes(payment.state) ? { ...pay, csrfToken: csrfToken() } : undefined;
}

/** The view model of a payment for the citizen; the pay button only where paying is possible. */
export function feePaymentModel(
  payment: Payment,
  options: {
    pay: Omit<PayAction, "csrfToken">;
    csrfToken: () => string;
    refreshHref: string;
    platformDown?: boolean;
  },
): FeePaymentModel {
  return {
    kassenzeichen: payment.kassenzeichen,
    amount: formatCents(payment.amountCents),
    state: payment.state,
    pay: payAction(payment, options.pay, options.csrfToken),
    platformDown: options.platformDown ?? false,
    refreshHref: options.refreshHref,
  };
}

function stateText(state: PaymentState, lang: Lang): string | undefined {
  const t = feeMessages[lang];
  switch (state) {
    case "succeeded":
      return t.paidText;
    case "started":
      return t.startedText;
    case "failed":
      return t.failedText;
    case "cancelled":
      return t.cancelledText;
    case "expired":
      return t.expiredText;
    default:
      return undefined;
  }
}

/** "Jetzt bezahlen" as a form; `hiddenLabel` tells screen readers which fee where a list has several. */
export function PayButton(props: { action: PayAction; label: string; hiddenLabel?: string }): JSX.Element {
  const { action } = props;
  return (
    <Form action={action.path} csrfToken={action.csrfToken}>
      {Object.entries(action.hidden ?? {}).map(([name, value]) => (
        <HiddenField name={name} value={value} />
      ))}
      <ButtonGroup>
        <Button label={props.label} hiddenLabel={props.hiddenLabel} />
      </ButtonGroup>
    </Form>
  );
}

/** The fee of an application: Kassenzeichen, amount, state in words, and "Jetzt bezahlen" where possible. */
export function FeePayment(props: { model: FeePaymentModel; lang: Lang; headingLevel?: 2 | 3 }): JSX.Element {
  const { model, lang } = props;
  const t = feeMessages[lang];
  const text = stateText(model.state, lang);
  return (
    <section class="fee-payment" aria-label={t.paymentHeading}>
      {props.headingLevel === 3 ? (
        <h3 class="kern-heading-small" safe>
          {t.paymentHeading}
        </h3>
      ) : (
        <h2 class="kern-heading-medium" safe>
          {t.paymentHeading}
        </h2>
      )}
      {model.platformDown ? (
        <div class="kern-alert kern-alert--danger" role="alert">
          <div class="kern-alert__body">
            <p class="kern-body" safe>
              {t.platformDown}
            </p>
          </div>
        </div>
      ) : (
        ""
      )}
      <DescriptionList>
        <DescriptionItem label={t.kassenzeichen}>
          <span safe>{model.kassenzeichen}</span>
        </DescriptionItem>
        <DescriptionItem label={t.amount}>
          <span safe>{model.amount}</span>
        </DescriptionItem>
        <DescriptionItem label={t.paymentState}>
          <strong safe>{t[`state_${model.state}`]}</strong>
        </DescriptionItem>
      </DescriptionList>
      {text ? (
        <p class="kern-body" safe>
          {text}
        </p>
      ) : (
        ""
      )}
      {model.state === "started" ? (
        <p class="kern-body">
          <a class="kern-link" href={model.refreshHref} safe>
            {t.refreshStatus}
          </a>
        </p>
      ) : (
        ""
      )}
      {model.pay ? (
        <PayButton action={model.pay} label={model.state === "created" ? t.payNow : t.payAgain} />
      ) : (
        ""
      )}
    </section>
  );
}
