import { defineMessages } from "#core/i18n/messages.ts";

/** Words of the mail layout itself; the content of each mail comes from the module that sends it. */
export const mailLayoutMessages = defineMessages(
  {
    installationName: "Digitales Rathaus",
    actionFallback: "Falls die Schaltfläche nicht funktioniert, öffnen Sie diese Adresse in Ihrem Browser:",
    automatic: "Diese E-Mail wurde automatisch erstellt. Bitte antworten Sie nicht darauf.",
  },
  {
    installationName: "Digital Town Hall",
    actionFallback: "If the button does not work, open this address in your browser:",
    automatic: "This email was generated automatically. Please do not reply to it.",
  },
);

export const devMailMessages = defineMessages(
  {
    listTitle: "Postausgang (Entwicklung)",
    listIntro:
      "Ohne SMTP-Server werden E-Mails hier gespeichert, statt versendet zu werden. Diese Seiten gibt es nur außerhalb des Produktivbetriebs.",
    smtpActive: "Ein SMTP-Server ist eingerichtet: Neue E-Mails werden versendet und erscheinen nicht hier.",
    empty: "Es wurden noch keine E-Mails gespeichert.",
    caption: "Gespeicherte E-Mails, die neueste zuerst",
    date: "Datum",
    from: "Von",
    to: "An",
    subject: "Betreff",
    language: "Sprache",
    messageId: "Message-ID",
    headers: "Kopfzeilen",
    textVersion: "Textfassung",
    htmlVersion: "HTML-Fassung",
    openHtml: "HTML-Fassung öffnen (ohne Skripte, abgeschottet)",
    attachments: "Anhänge",
    backToList: "Zurück zum Postausgang",
  },
  {
    listTitle: "Outbox (development)",
    listIntro:
      "Without an SMTP server, mails are stored here instead of being sent. These pages exist only outside production.",
    smtpActive: "An SMTP server is configured: new mails are sent and do not appear here.",
    empty: "No mails have been stored yet.",
    caption: "Stored mails, newest first",
    date: "Date",
    from: "From",
    to: "To",
    subject: "Subject",
    language: "Language",
    messageId: "Message-ID",
    headers: "Headers",
    textVersion: "Plain text",
    htmlVersion: "HTML version",
    openHtml: "Open the HTML version (sandboxed, no scripts)",
    attachments: "Attachments",
    backToList: "Back to the outbox",
  },
);
