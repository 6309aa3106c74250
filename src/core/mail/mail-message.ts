import { isUuid } from "#core/db/ids.ts";
import { isLang, type Lang } from "#core/i18n/lang.ts";
import {
  checkAttachments,
  cleanAttachments,
  type MailAttachment,
  type QueuedAttachment,
} from "./mail-attachments.ts";

/** A mail to one recipient, as modules hand it to the mailer (text and HTML usually from renderMail). */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  lang: Lang;
  /** The municipality the mail is sent for, if any. */
  tenantId?: string;
  /** Files sent with the mail: at most 20, together at most 10 MB (see mail-attachments.ts). */
  attachments?: MailAttachment[];
}

/** A message as the mail job stores it (JSON): the attachments' bytes as base64. */
export interface QueuedMail extends Omit<MailMessage, "attachments"> {
  attachments?: QueuedAttachment[];
}

/** A message ready for a transport: sender and a Message-ID that stays the same when a send is retried. */
export interface OutgoingMail extends MailMessage {
  from: string;
  messageId: string;
}

const addressPattern = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"]{1,253}$/;

export class InvalidMailMessage extends Error {}

/**
 * Guards the transports against what must never reach them: several or malformed recipients and line breaks
 * in headers (header injection), attachments named like a path, without a media type or too large. Callers
 * validate user input first; this throws on a programming error.
 */
export function checkMailMessage(message: MailMessage): MailMessage {
  const problems: string[] = [];
  if (typeof message.to !== "string" || !addressPattern.test(message.to))
    problems.push("to is not one address");
  if (typeof message.subject !== "string" || message.subject.trim() === "" || message.subject.length > 250)
    problems.push("subject must have 1 to 250 characters");
  if (/[\r\n]/.test(message.subject ?? "")) problems.push("subject must be one line");
  if (typeof message.text !== "string" || message.text === "") problems.push("text is empty");
  if (typeof message.html !== "string" || message.html === "") problems.push("html is empty");
  if (!isLang(message.lang)) problems.push("lang must be de or en");
  if (message.tenantId !== undefined && !isUuid(message.tenantId)) problems.push("tenantId is no uuid");
  problems.push(...checkAttachments(message.attachments));
  if (problems.length > 0) throw new InvalidMailMessage(`Invalid mail message: ${problems.join("; ")}`);
  const { to, subject, text, html, lang, tenantId, attachments } = message;
  return {
    to,
    subject,
    text,
    html,
    lang,
    ...(tenantId !== undefined && { tenantId }),
    ...(attachments?.length && { attachments: cleanAttachments(attachments) }),
  };
}

/** The domain of a sender like "Name <noreply@example.de>", for Message-IDs. */
export function senderDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.slice(address.lastIndexOf("@") + 1).trim() || "localhost";
}
