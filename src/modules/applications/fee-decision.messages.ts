import { defineMessages } from "#core/i18n/messages.ts";

/** Words of the clerk's "Gebühren festsetzen" pages and of the mail telling the citizen the fee. */
export const feeDecisionMessages = defineMessages(
  {
    listTitle: "Gebühren festsetzen",
    listIntro:
      "Bei diesen Anträgen setzt die Verwaltung die Gebühr nach der Entscheidung fest. Nach dem Festsetzen erhält die Antragstellerin oder der Antragsteller eine E-Mail und bezahlt online.",
    listEmpty: "Zurzeit wartet kein Antrag Ihrer Fachbereiche auf die Festsetzung der Gebühr.",
    listCaption: "Anträge, deren Gebühr noch festzusetzen ist",
    columnReference: "Aktenzeichen",
    columnService: "Leistung",
    columnSubmitted: "Eingegangen am",
    columnEstimate: "Vorläufig berechnet",
    noEstimate: "–",
    detailTitle: "Gebühr festsetzen: {reference}",
    applicationHeading: "Angaben im Antrag",
    applicant: "E-Mail der Antragstellerin oder des Antragstellers",
    feeHeading: "Gebühr",
    feeLabel: "Gebühr in Euro",
    feeHint:
      "Zum Beispiel 45,00. Geben Sie 0 ein, wenn keine Gebühr erhoben wird; dann wird nichts in Rechnung gestellt.",
    estimateHint: "Aus den Angaben im Antrag vorläufig berechnet: {amount}",
    legalBasis: "Rechtsgrundlage: {basis}",
    decide: "Gebühr festsetzen und mitteilen",
    feeMissing: "Geben Sie die Gebühr in Euro ein, zum Beispiel 45,00.",
    feeInvalid: "Geben Sie die Gebühr als Betrag in Euro ein, zum Beispiel 45,00.",
    feeTooHigh: "Die Gebühr darf höchstens {max} betragen.",
    backToList: "Zurück zur Liste",
    billedNotice: "Die Gebühr für {reference} ist festgesetzt: {amount}, Kassenzeichen {kassenzeichen}.",
    waivedNotice: "Für {reference} wird keine Gebühr erhoben.",
    alreadyDecided: "Die Gebühr für diesen Antrag wurde bereits festgesetzt. Es wurde nichts geändert.",
    mailSubjectBilled: "Gebühr festgesetzt: {reference}",
    mailTextBilled:
      "Für Ihren Antrag „{service}“ (Aktenzeichen {reference}) hat die {tenant} die Gebühr festgesetzt: {amount}. Kassenzeichen: {kassenzeichen}.",
    mailPayMine: "Sie können die Gebühr jetzt online in „Mein Rathaus“ bezahlen.",
    mailPayGuest:
      "Sie können die Gebühr jetzt online bezahlen: Fragen Sie den Stand Ihres Antrags mit dem Aktenzeichen und dem Code aus Ihrer Eingangsbestätigung ab.",
    mailActionMine: "Zu „Mein Rathaus“",
    mailActionGuest: "Stand abfragen und bezahlen",
    mailSubjectWaived: "Keine Gebühr: {reference}",
    mailTextWaived:
      "Für Ihren Antrag „{service}“ (Aktenzeichen {reference}) erhebt die {tenant} keine Gebühr. Sie müssen nichts bezahlen.",
  },
  {
    listTitle: "Set fees",
    listIntro:
      "For these applications the administration sets the fee after the decision. Once it is set, the applicant gets an email and pays online.",
    listEmpty: "No application of your departments is waiting for its fee to be set.",
    listCaption: "Applications whose fee is still to be set",
    columnReference: "Reference",
    columnService: "Service",
    columnSubmitted: "Received on",
    columnEstimate: "Provisionally calculated",
    noEstimate: "–",
    detailTitle: "Set fee: {reference}",
    applicationHeading: "Details in the application",
    applicant: "Applicant's email",
    feeHeading: "Fee",
    feeLabel: "Fee in euros",
    feeHint: "For example 45.00. Enter 0 if no fee is charged; then nothing is billed.",
    estimateHint: "Provisionally calculated from the application: {amount}",
    legalBasis: "Legal basis: {basis}",
    decide: "Set and send fee",
    feeMissing: "Enter the fee in euros, for example 45.00.",
    feeInvalid: "Enter the fee as an amount in euros, for example 45.00.",
    feeTooHigh: "The fee can be at most {max}.",
    backToList: "Back to the list",
    billedNotice: "The fee for {reference} is set: {amount}, Kassenzeichen {kassenzeichen}.",
    waivedNotice: "No fee is charged for {reference}.",
    alreadyDecided: "The fee for this application has already been set. Nothing was changed.",
    mailSubjectBilled: "Fee set: {reference}",
    mailTextBilled:
      "For your application “{service}” (reference {reference}), {tenant} has set the fee: {amount}. Payment reference (Kassenzeichen): {kassenzeichen}.",
    mailPayMine: "You can now pay the fee online in “My town hall”.",
    mailPayGuest:
      "You can now pay the fee online: check the progress of your application with the reference and the code from your confirmation.",
    mailActionMine: "Go to “My town hall”",
    mailActionGuest: "Check progress and pay",
    mailSubjectWaived: "No fee: {reference}",
    mailTextWaived:
      "For your application “{service}” (reference {reference}), {tenant} charges no fee. You do not need to pay anything.",
  },
);
