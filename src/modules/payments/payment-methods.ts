import type { Lang } from "#core/i18n/lang.ts";
import { defineMessages } from "#core/i18n/messages.ts";

/** The ways to pay the platforms report (epay-sim's and Stripe's names), in words. */
const methodMessages = defineMessages(
  {
    giropay: "giropay",
    creditcard: "Kreditkarte",
    card: "Karte",
    sepa: "SEPA-Lastschrift",
    sepa_debit: "SEPA-Lastschrift",
    paypal: "PayPal",
    unknown: "nicht angegeben",
  },
  {
    giropay: "giropay",
    creditcard: "Credit card",
    card: "Card",
    sepa: "SEPA direct debit",
    sepa_debit: "SEPA direct debit",
    paypal: "PayPal",
    unknown: "not stated",
  },
);

/** E.g. "SEPA-Lastschrift"; a method this list does not know is shown as the platform named it. */
export function paymentMethodLabel(method: string | null, lang: Lang): string {
  const words: Record<string, string> = methodMessages[lang];
  if (method === null) return words.unknown ?? "";
  return Object.hasOwn(words, method) ? (words[method] ?? method) : method;
}
