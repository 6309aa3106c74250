import { defineMessages } from "#core/i18n/messages.ts";

/** Words about the fee of an application and paying it: review, confirmation, Mein Rathaus, status check. */
export const feeMessages = defineMessages(
  {
    fixedFee: "Bearbeitungsgebühr",
    total: "Zu zahlen",
    expectedTotal: "Voraussichtliche Gebühr",
    legalBasis: "Rechtsgrundlage: {basis}",
    policy_before_submission:
      "Sie bezahlen die Gebühr im nächsten Schritt online. Ihr Antrag wird abgeschickt, sobald die Zahlung eingegangen ist.",
    policy_with_submission:
      "Ihr Antrag wird sofort abgeschickt. Die Gebühr bezahlen Sie danach online; bis dahin ist der Antrag als unbezahlt markiert.",
    policy_optional:
      "Sie können die Gebühr nach dem Absenden online bezahlen oder später mit dem Kassenzeichen überweisen.",
    policy_billed_later:
      "Die endgültige Gebühr setzt die Verwaltung bei der Entscheidung fest. Sie bezahlen sie dann online in „Mein Rathaus“.",
    submitAndPay: "Antrag absenden und bezahlen",
    awaitingTitle: "Ihr Antrag wartet auf die Bezahlung",
    awaitingText:
      "Wir haben Ihren Antrag gespeichert. Er wird abgeschickt, sobald die Gebühr bezahlt ist. Die Eingangsbestätigung erhalten Sie danach per E-Mail.",
    paymentHeading: "Gebühr",
    kassenzeichen: "Kassenzeichen",
    amount: "Betrag",
    paymentState: "Stand der Zahlung",
    state_created: "Offen",
    state_started: "Wird geprüft",
    state_succeeded: "Bezahlt",
    state_failed: "Fehlgeschlagen",
    state_cancelled: "Abgebrochen",
    state_expired: "Abgelaufen",
    state_refunded: "Erstattet",
    state_partially_refunded: "Teilweise erstattet",
    payNow: "Jetzt bezahlen",
    payAgain: "Erneut bezahlen",
    paidText: "Vielen Dank, die Gebühr ist bezahlt. Die Zahlungsbestätigung erhalten Sie per E-Mail.",
    startedText:
      "Die Bezahlplattform hat uns noch nicht bestätigt, dass die Zahlung eingegangen ist. Das dauert meist nur einen Augenblick.",
    refreshStatus: "Stand aktualisieren",
    failedText: "Die Zahlung hat nicht geklappt. Es wurde nichts abgebucht. Sie können es erneut versuchen.",
    cancelledText: "Sie haben die Zahlung abgebrochen. Sie können jederzeit erneut bezahlen.",
    expiredText: "Die Zahlung wurde nicht rechtzeitig abgeschlossen. Sie können erneut bezahlen.",
    platformDown:
      "Die Bezahlplattform ist gerade nicht erreichbar. Ihre Angaben sind gespeichert. Bitte versuchen Sie es in einigen Minuten erneut.",
    unpaid: "Gebühr offen",
    feePending: "Wird nach der Entscheidung festgesetzt",
    feeWaived: "Keine Gebühr",
    paid: "Gebühr bezahlt",
  },
  {
    fixedFee: "Processing fee",
    total: "To pay",
    expectedTotal: "Expected fee",
    legalBasis: "Legal basis: {basis}",
    policy_before_submission:
      "You pay the fee online in the next step. Your application is sent as soon as the payment has arrived.",
    policy_with_submission:
      "Your application is sent at once. You pay the fee online afterwards; until then the application is marked as unpaid.",
    policy_optional:
      "You can pay the fee online after sending, or transfer it later quoting the payment reference (Kassenzeichen).",
    policy_billed_later:
      "The administration sets the final fee when it decides. You then pay it online in “My town hall”.",
    submitAndPay: "Send application and pay",
    awaitingTitle: "Your application is waiting for payment",
    awaitingText:
      "We have saved your application. It is sent as soon as the fee is paid. You will then receive the confirmation by email.",
    paymentHeading: "Fee",
    kassenzeichen: "Payment reference (Kassenzeichen)",
    amount: "Amount",
    paymentState: "Payment status",
    state_created: "Open",
    state_started: "Being checked",
    state_succeeded: "Paid",
    state_failed: "Failed",
    state_cancelled: "Cancelled",
    state_expired: "Expired",
    state_refunded: "Refunded",
    state_partially_refunded: "Partly refunded",
    payNow: "Pay now",
    payAgain: "Pay again",
    paidText: "Thank you, the fee has been paid. You will receive the payment confirmation by email.",
    startedText:
      "The payment platform has not yet confirmed that the payment has arrived. This usually takes only a moment.",
    refreshStatus: "Refresh status",
    failedText: "The payment did not go through. Nothing was charged. You can try again.",
    cancelledText: "You cancelled the payment. You can pay again at any time.",
    expiredText: "The payment was not completed in time. You can pay again.",
    platformDown:
      "The payment platform cannot be reached right now. Your answers are saved. Please try again in a few minutes.",
    unpaid: "Fee outstanding",
    feePending: "Set after the decision",
    feeWaived: "No fee",
    paid: "Fee paid",
  },
);
