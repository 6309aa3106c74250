import type { FieldError } from "#core/http/errors.ts";
import { type FormBody, readChecked, readString } from "#core/http/form-page.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { compactIban, ibanProblem } from "#core/money/iban.ts";
import { type EpayMethod, epayMethods } from "#modules/payments/providers/epay-protocol.ts";
import { devPayMessages } from "./dev-pay.messages.ts";

/** The hosted page's form as typed, so it can be shown again. */
export interface PaymentFormValues {
  method: string;
  cardNumber: string;
  cardExpiry: string;
  iban: string;
  accountHolder: string;
  mandate: boolean;
}

export const emptyPaymentForm: PaymentFormValues = {
  method: "",
  cardNumber: "",
  cardExpiry: "",
  iban: "",
  accountHolder: "",
  mandate: false,
};

export function readPaymentForm(body: FormBody): PaymentFormValues {
  return {
    method: readString(body, "method"),
    cardNumber: readString(body, "cardNumber"),
    cardExpiry: readString(body, "cardExpiry"),
    iban: readString(body, "iban"),
    accountHolder: readString(body, "accountHolder"),
    mandate: readChecked(body, "mandate"),
  };
}

/** The Luhn check digit test every card number passes (ISO/IEC 7812). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** "08/29" or "08/2029": valid through the end of that month. */
function expiryProblem(text: string, now: Date): "invalid" | "expired" | undefined {
  const match = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(text.trim());
  const month = Number(match?.[1]);
  if (!match || month < 1 || month > 12) return "invalid";
  const year = Number(match[2]?.length === 2 ? `20${match[2]}` : match[2]);
  return Date.UTC(year, month, 1) <= now.getTime() ? "expired" : undefined;
}

function cardErrors(values: PaymentFormValues, t: (typeof devPayMessages)["de"], now: Date): FieldError[] {
  const errors: FieldError[] = [];
  const digits = values.cardNumber.replace(/[\s-]/g, "");
  if (digits === "") errors.push({ field: "cardNumber", message: t.cardNumberMissing });
  else if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits))
    errors.push({ field: "cardNumber", message: t.cardNumberInvalid });
  const expiry = expiryProblem(values.cardExpiry, now);
  if (expiry)
    errors.push({ field: "cardExpiry", message: expiry === "expired" ? t.cardExpired : t.cardExpiryInvalid });
  return errors;
}

function sepaErrors(values: PaymentFormValues, t: (typeof devPayMessages)["de"]): FieldError[] {
  const errors: FieldError[] = [];
  const iban = compactIban(values.iban);
  const problem = iban === "" ? "missing" : ibanProblem(iban);
  const ibanMessages = { missing: t.ibanMissing, shape: t.ibanInvalid, checksum: t.ibanChecksum };
  if (problem) errors.push({ field: "iban", message: ibanMessages[problem] });
  if (values.accountHolder.trim() === "")
    errors.push({ field: "accountHolder", message: t.accountHolderMissing });
  if (!values.mandate) errors.push({ field: "mandate", message: t.mandateMissing });
  return errors;
}

const isMethod = (value: string): value is EpayMethod => (epayMethods as readonly string[]).includes(value);

/** The chosen method, or the errors to show; only the chosen method's own fields are checked. */
export function checkPaymentForm(
  values: PaymentFormValues,
  lang: Lang,
  now = new Date(),
): { method: EpayMethod; errors: [] } | { method: undefined; errors: FieldError[] } {
  const t = devPayMessages[lang];
  if (!isMethod(values.method))
    return { method: undefined, errors: [{ field: "method", message: t.methodMissing }] };
  const errors =
    values.method === "creditcard"
      ? cardErrors(values, t, now)
      : values.method === "sepa"
        ? sepaErrors(values, t)
        : [];
  return errors.length > 0 ? { method: undefined, errors } : { method: values.method, errors: [] };
}
