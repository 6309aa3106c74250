import PDFDocument from "pdfkit";
import { berlinDate } from "#core/dates/berlin.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { format } from "#core/i18n/messages.ts";
import { pdfMessages } from "./pdf.messages.ts";
import {
  area,
  black,
  fonts,
  footers,
  grey,
  heading,
  keepTogether,
  labelledRow,
  registerFonts,
} from "./pdf-layout.ts";

/** Who issues the document, as plain data (the municipality, passed in by the caller). */
export interface Letterhead {
  officialName: string;
  /** e.g. ["Marktplatz 1", "61250 Usingen"] */
  addressLines: readonly string[];
  /** e.g. ["Telefon 06081 1024-0", "info@usingen.de", "www.usingen.de"] */
  contactLines: readonly string[];
  /** `#rrggbb`, the municipality's colour (anything else: black). */
  colour: string;
}

export interface PdfRow {
  label: string;
  value: string;
}

export interface PdfSection {
  heading: string;
  rows: readonly PdfRow[];
}

export interface PdfDocumentModel {
  lang: Lang;
  letterhead: Letterhead;
  title: string;
  /** An Aktenzeichen or other reference, shown under the title. */
  reference?: string;
  /** The document's date, shown as dd.mm.yyyy in Berlin time; also its creation date (same input, same bytes). */
  date: Date;
  intro?: string;
  sections: readonly PdfSection[];
  /** Listed under "Anlagen" when given (an empty list says "Keine Anlagen"). */
  attachments?: readonly { name: string; detail?: string }[];
  closing?: string;
}

const hexColour = /^#[0-9a-fA-F]{6}$/;

function letterhead(doc: PDFKit.PDFDocument, head: Letterhead, colour: string): void {
  const { left, width } = area(doc);
  doc.rect(0, 0, doc.page.width, 10).fill(colour);
  doc.font(fonts.bold).fontSize(16).fillColor(colour).text(head.officialName, left, 40, { width });
  doc.font(fonts.regular).fontSize(9).fillColor(grey);
  for (const line of [head.addressLines.join(" · "), head.contactLines.join(" · ")]) {
    if (line) doc.text(line, { width });
  }
  doc.moveDown(0.5);
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(1)
    .stroke(colour);
  doc.moveDown(1.2);
}

/**
 * Renders an A4 document: letterhead, title, reference and date, sections of label/value rows (long values
 * wrap, rows never split across pages), the attachments, a closing text and a footer with page numbers.
 * The text is set in Noto Sans (see pdf-layout.ts). The same model gives the same bytes.
 */
export function renderPdf(model: PdfDocumentModel): Promise<Buffer> {
  const t = pdfMessages[model.lang];
  const colour = hexColour.test(model.letterhead.colour) ? model.letterhead.colour : black;
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 70, left: 62, right: 56 },
    bufferPages: true,
    lang: model.lang === "de" ? "de-DE" : "en-GB",
    displayTitle: true,
    info: {
      Title: model.title,
      Author: model.letterhead.officialName,
      Creator: "Digitales Rathaus",
      Producer: "Digitales Rathaus",
      CreationDate: model.date,
      ModDate: model.date,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  registerFonts(doc);
  letterhead(doc, model.letterhead, colour);
  const { left, width } = area(doc);
  doc.font(fonts.bold).fontSize(14).fillColor(black).text(model.title, left, doc.y, { width });
  doc.moveDown(0.5);
  if (model.reference) labelledRow(doc, t.reference, model.reference);
  labelledRow(doc, t.date, berlinDate(model.date));
  if (model.intro) {
    doc.moveDown(0.5);
    doc.font(fonts.regular).fontSize(10).fillColor(black).text(model.intro, left, doc.y, { width });
  }
  for (const section of model.sections) {
    heading(doc, section.heading, colour);
    for (const row of section.rows) labelledRow(doc, row.label, row.value);
  }
  if (model.attachments) {
    heading(doc, t.attachments, colour);
    doc.font(fonts.regular).fontSize(10).fillColor(black);
    if (model.attachments.length === 0) doc.text(t.noAttachments, left, doc.y, { width });
    for (const [index, attachment] of model.attachments.entries()) {
      const line = `${index + 1}. ${attachment.name}${attachment.detail ? ` (${attachment.detail})` : ""}`;
      keepTogether(doc, doc.heightOfString(line, { width }));
      doc.text(line, left, doc.y, { width });
    }
  }
  if (model.closing) {
    doc.moveDown(1);
    doc.font(fonts.regular).fontSize(9).fillColor(grey).text(model.closing, left, doc.y, { width });
  }
  footers(doc, (page, pages) => ({
    left: `${model.letterhead.officialName} · ${model.title}`,
    right: format(t.page, { page, pages }),
  }));
  doc.end();
  return done;
}
