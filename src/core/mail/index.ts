export { devMailPaths } from "./dev-mail.paths.ts";
export { devMailRoutes } from "./dev-mail.routes.tsx";
export type { DevMailbox, DevMailSummary } from "./dev-mailbox.repo.ts";
export type { DevMailRow, MailTables } from "./mail.schema.ts";
export { type MailContent, type RenderedMail, renderMail } from "./mail-layout.tsx";
export { InvalidMailMessage, type MailMessage } from "./mail-message.ts";
export { createMailer, type MailConfig, type Mailer, mailQueue } from "./mailer.ts";
