import type { Generated, Selectable } from "kysely";
import type { Lang } from "#core/i18n/lang.ts";

export interface DevMailboxTable {
  id: string;
  message_id: string;
  tenant_id: string | null;
  sender: string;
  recipient: string;
  subject: string;
  lang: Lang;
  text_body: string;
  html_body: string;
  created_at: Generated<Date>;
}

/** Numbered from 1 in the order the mail lists them (migration 20261127T0013_mail_attachments). */
export interface DevMailboxAttachmentsTable {
  mail_id: string;
  position: number;
  filename: string;
  content_type: string;
  content: Uint8Array;
}

export interface MailTables {
  dev_mailbox: DevMailboxTable;
  dev_mailbox_attachments: DevMailboxAttachmentsTable;
}

export type DevMailRow = Selectable<DevMailboxTable>;
export type DevMailAttachmentRow = Selectable<DevMailboxAttachmentsTable>;
