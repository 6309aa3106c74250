import type { Lang } from "#core/i18n/lang.ts";
import { defineMessages } from "#core/i18n/messages.ts";
import type { PaymentState } from "./payments.schema.ts";

/** Words of payments shared by the citizen's, the staff's and the treasury's pages. */
export const paymentMessages = defineMessages(
  {
    stateCreated: "Offen",
    stateStarted: "Zahlung begonnen",
    stateSucceeded: "Bezahlt",
    stateFailed: "Fehlgeschlagen",
    stateCancelled: "Abgebrochen",
    stateExpired: "Abgelaufen",
    statePartiallyRefunded: "Teilweise erstattet",
    stateRefunded: "Erstattet",
    kassenzeichen: "Kassenzeichen",
    notPayable: "Diese Zahlung kann gerade nicht begonnen werden.",
    platformError: "Die Bezahlplattform ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.",
    refundStale:
      "Der erstattbare Betrag hat sich inzwischen geändert. Prüfen Sie die Zahlung und geben Sie die Erstattung erneut ein.",
    refundTooMuch: "Geben Sie höchstens den noch erstattbaren Betrag ein",
    refundNotRefundable: "Diese Zahlung kann nicht erstattet werden.",
    refundInvalid: "Geben Sie einen Betrag über 0 € und einen Grund mit höchstens 500 Zeichen an",
    refundPlatformError:
      "Die Bezahlplattform hat die Erstattung nicht angenommen. Es wurde nichts erstattet.",
  },
  {
    stateCreated: "Open",
    stateStarted: "Payment started",
    stateSucceeded: "Paid",
    stateFailed: "Failed",
    stateCancelled: "Cancelled",
    stateExpired: "Expired",
    statePartiallyRefunded: "Partly refunded",
    stateRefunded: "Refunded",
    kassenzeichen: "Payment reference (Kassenzeichen)",
    notPayable: "This payment cannot be started right now.",
    platformError: "The payment platform cannot be reached right now. Please try again later.",
    refundStale:
      "The refundable amount has changed in the meantime. Check the payment and enter the refund again.",
    refundTooMuch: "Enter at most the amount that can still be refunded",
    refundNotRefundable: "This payment cannot be refunded.",
    refundInvalid: "Enter an amount above €0 and a reason of at most 500 characters",
    refundPlatformError: "The payment platform did not accept the refund. Nothing was refunded.",
  },
);

const stateKeys = {
  created: "stateCreated",
  started: "stateStarted",
  succeeded: "stateSucceeded",
  failed: "stateFailed",
  cancelled: "stateCancelled",
  expired: "stateExpired",
  partially_refunded: "statePartiallyRefunded",
  refunded: "stateRefunded",
} as const satisfies Record<PaymentState, keyof (typeof paymentMessages)["de"]>;

/** A payment's state in words, e.g. "Bezahlt". */
export function paymentStateLabel(state: PaymentState, lang: Lang): string {
  return paymentMessages[lang][stateKeys[state]];
}
