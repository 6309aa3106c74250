export { type IssuedDocument, issueDocument } from "./issue-document.ts";
export {
  type Letterhead,
  type PdfDocumentModel,
  type PdfRow,
  type PdfSection,
  renderPdf,
} from "./pdf-document.ts";
