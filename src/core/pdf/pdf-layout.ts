import { createRequire } from "node:module";
import type PDFDocument from "pdfkit";

type Doc = InstanceType<typeof PDFDocument>;

const notoSans = (file: string) =>
  createRequire(import.meta.url).resolve(`@expo-google-fonts/noto-sans/${file}/NotoSans_${file}.ttf`);

/**
 * Noto Sans, embedded (only the glyphs used): it covers every Latin script (ä ö ü ß, but also ş ğ ł in the
 * names of citizens), Greek, Cyrillic and €. pdfkit's Helvetica knows only WinAnsi and turns "Şahin" into noise.
 */
export const fontFiles = { regular: notoSans("400Regular"), bold: notoSans("700Bold") } as const;
export const fonts = { regular: "body", bold: "body-bold" } as const;

export function registerFonts(doc: Doc): void {
  doc.registerFont(fonts.regular, fontFiles.regular);
  doc.registerFont(fonts.bold, fontFiles.bold);
}
export const grey = "#4a4a4a";
const unsplitRow = 120;
export const black = "#1a1a1a";

/** The writable area of the current page. */
export function area(doc: Doc) {
  const { margins, width, height } = doc.page;
  return { left: margins.left, width: width - margins.left - margins.right, bottom: height - margins.bottom };
}

/** Starts a new page unless `height` points still fit on this one. */
export function keepTogether(doc: Doc, height: number): void {
  if (doc.y + height > area(doc).bottom) doc.addPage();
}

/** A heading kept on one page with at least `following` points of what comes under it. */
export function heading(doc: Doc, text: string, colour: string, following = 30): void {
  doc.font(fonts.bold).fontSize(11);
  const { left, width } = area(doc);
  const height = doc.heightOfString(text, { width });
  keepTogether(doc, height + following + 8);
  doc.moveDown(0.6);
  doc.fillColor(colour).text(text, left, doc.y, { width });
  doc.moveDown(0.3);
}

/**
 * One label/value row: the label in the left third, the value wrapping in the rest. A row of up to
 * `unsplitRow` points is never split across pages; a longer value starts where it is and flows on in its
 * column (moving it whole would leave most of a page empty).
 */
export function labelledRow(doc: Doc, label: string, value: string): void {
  const { left, width } = area(doc);
  const labelWidth = Math.round(width * 0.34);
  const gap = 12;
  const valueWidth = width - labelWidth - gap;
  doc.fontSize(10);
  const labelHeight = doc.font(fonts.bold).heightOfString(label, { width: labelWidth });
  const valueHeight = doc.font(fonts.regular).heightOfString(value || " ", { width: valueWidth });
  keepTogether(doc, Math.min(Math.max(labelHeight, valueHeight), unsplitRow));
  const [top, startPage] = [doc.y, doc.page];
  doc.font(fonts.bold).fillColor(grey).text(label, left, top, { width: labelWidth });
  const labelEnd = doc.y;
  doc
    .font(fonts.regular)
    .fillColor(black)
    .text(value || " ", left + labelWidth + gap, top, { width: valueWidth });
  // A value that flowed onto a new page ends there; otherwise the taller of the two columns ends the row.
  const flowed = doc.page !== startPage;
  doc.x = left;
  doc.y = (flowed ? doc.y : Math.max(labelEnd, doc.y)) + 5;
}

/** Writes on every page at its foot (below the bottom margin, which pdfkit would otherwise break at). */
export function footers(doc: Doc, text: (page: number, pages: number) => { left: string; right: string }) {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const { left, width } = area(doc);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - bottomMargin + 24;
    const words = text(index - range.start + 1, range.count);
    doc.font(fonts.regular).fontSize(8).fillColor(grey);
    doc.text(words.left, left, y, { width: width * 0.7, lineBreak: false });
    doc.text(words.right, left, y, { width, align: "right", lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
}
