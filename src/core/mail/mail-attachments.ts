/** A file sent with a mail. `content` is the bytes themselves (a Buffer is a Uint8Array). */
export interface MailAttachment {
  filename: string;
  /** A media type without parameters, e.g. "application/pdf". */
  contentType: string;
  content: Uint8Array;
}

/** An attachment as the mail job carries it: JSON in the jobs table, so the bytes travel as base64. */
export interface QueuedAttachment {
  filename: string;
  contentType: string;
  base64: string;
}

/** All attachments of one mail together; base64 makes them a third larger in the job and on the wire. */
export const maxAttachmentBytes = 10 * 1024 * 1024;
export const maxAttachments = 20;

// RFC 6838 type/subtype names; parameters (charset=…) are not accepted.
const contentTypePattern = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;
// Control characters (line breaks included), the Unicode line and paragraph separators, and lone surrogates
// (no valid UTF-8, so no header or database column could carry them).
const controlPattern = /[\p{Cc}\p{Cs}\u2028\u2029]/u;

function filenameProblem(filename: unknown): string | undefined {
  if (typeof filename !== "string" || filename.trim() === "") return "has no filename";
  if (filename.length > 255) return "filename is longer than 255 characters";
  if (controlPattern.test(filename)) return "filename must be one line without control characters";
  if (/[/\\]/.test(filename) || filename === "." || filename === "..") return "filename must not be a path";
  return undefined;
}

function attachmentProblems(attachment: MailAttachment, position: number): string[] {
  const problems: string[] = [];
  const add = (problem: string | undefined) => problem && problems.push(`attachment ${position} ${problem}`);
  if (typeof attachment !== "object" || attachment === null) return [`attachment ${position} is no object`];
  add(filenameProblem(attachment.filename));
  if (typeof attachment.contentType !== "string" || !contentTypePattern.test(attachment.contentType))
    add("contentType is no media type");
  if (!(attachment.content instanceof Uint8Array)) add("content is no Uint8Array");
  else if (attachment.content.byteLength === 0) add("content is empty");
  return problems;
}

/** What is wrong with the attachments of a mail (none: an empty list). */
export function checkAttachments(attachments: unknown): string[] {
  if (attachments === undefined) return [];
  if (!Array.isArray(attachments)) return ["attachments is no list"];
  if (attachments.length > maxAttachments) return [`more than ${maxAttachments} attachments`];
  const problems = attachments.flatMap((attachment, index) => attachmentProblems(attachment, index + 1));
  if (problems.length > 0) return problems;
  const total = attachments.reduce((sum, attachment) => sum + attachment.content.byteLength, 0);
  return total > maxAttachmentBytes ? [`attachments have more than ${maxAttachmentBytes} bytes`] : [];
}

/** Only the known fields, the media type in lower case. Call after checkAttachments found nothing. */
export function cleanAttachments(attachments: MailAttachment[]): MailAttachment[] {
  return attachments.map(({ filename, contentType, content }) => ({
    filename,
    contentType: contentType.toLowerCase(),
    content,
  }));
}

/** The same bytes as a Buffer, without copying them. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function queueAttachment(attachment: MailAttachment): QueuedAttachment {
  const { filename, contentType, content } = attachment;
  return { filename, contentType, base64: asBuffer(content).toString("base64") };
}

export function unqueueAttachment(queued: QueuedAttachment): MailAttachment {
  const { filename, contentType, base64 } = queued;
  return { filename, contentType, content: Buffer.from(base64, "base64") };
}
