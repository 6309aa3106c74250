import { defineMessages } from "#core/i18n/messages.ts";

/** The words every document of the platform uses around its content. */
export const pdfMessages = defineMessages(
  {
    reference: "Aktenzeichen",
    date: "Datum",
    attachments: "Anlagen",
    noAttachments: "Keine Anlagen",
    page: "Seite {page} von {pages}",
  },
  {
    reference: "Reference",
    date: "Date",
    attachments: "Attachments",
    noAttachments: "No attachments",
    page: "Page {page} of {pages}",
  },
);
