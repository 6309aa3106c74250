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

export interface MailTables {
  dev_mailbox: DevMailboxTable;
}

export type DevMailRow = Selectable<DevMailboxTable>;
