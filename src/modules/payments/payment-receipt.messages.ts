import { defineMessages } from "#core/i18n/messages.ts";

/** Words of the payment receipt (Zahlungsbestätigung): its PDF and the mail it comes with. */
export const paymentReceiptMessages = defineMessages(
  {
    title: "Zahlungsbestätigung",
    intro: "Wir bestätigen den Eingang Ihrer Zahlung. Bitte bewahren Sie diese Bestätigung auf.",
    heading: "Zahlung",
    kassenzeichen: "Kassenzeichen",
    amount: "Betrag",
    purpose: "Verwendungszweck",
    paidAt: "Bezahlt am",
    paidAtValue: "{date} um {time} Uhr",
    method: "Zahlungsart",
    provider: "Zahlungsdienst",
    providerPaymentId: "Transaktionsnummer",
    paymentId: "Zahlungs-ID",
    closing: "Diese Bestätigung wurde maschinell erstellt und ist ohne Unterschrift gültig.",
    documentType: "Zahlungsbestätigung",
    fileName: "Zahlungsbestaetigung-{kassenzeichen}.pdf",
    mailSubject: "Zahlungsbestätigung {kassenzeichen}",
    mailText:
      "Ihre Zahlung über {amount} für „{purpose}“ ist am {date} bei {tenant} eingegangen. Vielen Dank.",
    mailAttachment:
      "Die Zahlungsbestätigung finden Sie im Anhang. Bitte geben Sie bei Rückfragen das Kassenzeichen {kassenzeichen} an.",
  },
  {
    title: "Payment confirmation",
    intro: "We confirm that we have received your payment. Please keep this confirmation.",
    heading: "Payment",
    kassenzeichen: "Payment reference (Kassenzeichen)",
    amount: "Amount",
    purpose: "Purpose",
    paidAt: "Paid on",
    paidAtValue: "{date} at {time}",
    method: "Payment method",
    provider: "Payment service",
    providerPaymentId: "Transaction number",
    paymentId: "Payment id",
    closing: "This confirmation was produced automatically and is valid without a signature.",
    documentType: "Zahlungsbestätigung",
    fileName: "Payment-confirmation-{kassenzeichen}.pdf",
    mailSubject: "Payment confirmation {kassenzeichen}",
    mailText: "Your payment of {amount} for “{purpose}” reached {tenant} on {date}. Thank you.",
    mailAttachment:
      "The payment confirmation is attached. Please quote the payment reference {kassenzeichen} if you have any questions.",
  },
);
