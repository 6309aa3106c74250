export { devMailPaths } from "./dev-mail.paths.ts";
export { devMailRoutes } from "./dev-mail.routes.tsx";
export type { DevMailAttachmentSummary, DevMailbox, DevMailSummary } from "./dev-mailbox.repo.ts";
export type { DevMailAttachmentRow, DevMailRow, MailTables } from "./mail.schema.ts";
export { type MailAttachment, maxAttachmentBytes, maxAttachments } from "./mail-attachments.ts";
export { type MailContent, type RenderedMail, renderMail } from "./mail-layout.tsx";
export { InvalidMailMessage, type MailMessage } from "./mail-message.ts";
export { createMailer, type MailConfig, type Mailer, mailQueue } from "./mailer.ts";
