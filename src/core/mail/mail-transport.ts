import nodemailer from "nodemailer";
import type { DevMailbox } from "./dev-mailbox.repo.ts";
import { asBuffer } from "./mail-attachments.ts";
import type { OutgoingMail } from "./mail-message.ts";

export interface MailTransport {
  kind: "smtp" | "dev-mailbox";
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** An SMTP answer in the 5xx range is final (unknown mailbox, rejected sender): retrying cannot help. */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/** Real delivery through the SMTP server of `url` (smtp:// with STARTTLS when offered, smtps:// for TLS). */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    // Bounded well below the job queue's claim time, so a hanging server cannot make a mail go out twice.
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    logger: false,
  });
  return {
    kind: "smtp",
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: { "Content-Language": mail.lang, "Auto-Submitted": "auto-generated" },
        attachments: mail.attachments?.map(({ filename, contentType, content }) => ({
          filename,
          contentType,
          content: asBuffer(content),
        })),
      });
    },
    close: () => transporter.close(),
  };
}

/** Embedded mode and development: the mail is stored and shown at /_dev/mail instead of being sent. */
export function devMailboxTransport(mailbox: DevMailbox): MailTransport {
  return { kind: "dev-mailbox", send: (mail) => mailbox.store(mail), close() {} };
}
