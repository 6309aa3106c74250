import type { Db } from "#core/db/transaction.ts";
import type { FileOwner, FileStore } from "#core/files/index.ts";
import { type MailContent, type Mailer, renderMail } from "#core/mail/index.ts";

export interface IssuedDocument {
  tenantId: string;
  pdf: Buffer;
  /** Name of the kept copy and of the attachment, e.g. "USI-2026-000123.pdf". */
  filename: string;
  owner: FileOwner;
  /** E.g. "Eingangsbestätigung"; kept with the file. */
  documentType: string;
  /** The copy an earlier run of the same job kept (a retry): it is not kept twice. */
  keptFileId?: string | null;
  /** Notes the kept copy with its owner, e.g. as `receipt_file_id`. */
  keep(fileId: string): Promise<void>;
  /** The mail the document goes out with (its heading is the subject); none without an address. */
  mail?: { to: string; content: MailContent };
}

/**
 * Issues a document the platform made, such as a receipt: keeps one copy with its owner, then queues a mail
 * in the document's language with the PDF attached. Called by jobs after the transaction that caused the
 * document; a retried job finds its copy kept and only mails.
 */
export async function issueDocument(
  deps: { db: Db; files: FileStore; mailer: Mailer },
  doc: IssuedDocument,
): Promise<void> {
  if (!doc.keptFileId) {
    const stored = await deps.files.saveGenerated(doc.tenantId, doc.pdf, {
      name: doc.filename,
      mediaType: "application/pdf",
      owner: doc.owner,
      documentType: doc.documentType,
    });
    await doc.keep(stored.id);
  }
  if (!doc.mail) return;
  const { content } = doc.mail;
  await deps.mailer.enqueueMail(deps.db, {
    to: doc.mail.to,
    subject: content.heading,
    lang: content.lang,
    tenantId: doc.tenantId,
    ...renderMail(content),
    attachments: [{ filename: doc.filename, contentType: "application/pdf", content: doc.pdf }],
  });
}
