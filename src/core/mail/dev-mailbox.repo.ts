import { sql } from "kysely";
import { uuidv7 } from "#core/db/ids.ts";
import { type Db, inTransaction } from "#core/db/transaction.ts";
import type { DevMailAttachmentRow, DevMailRow } from "./mail.schema.ts";
import { asBuffer, maxAttachments } from "./mail-attachments.ts";
import type { OutgoingMail } from "./mail-message.ts";

export type DevMailSummary = Pick<DevMailRow, "id" | "recipient" | "subject" | "created_at">;
export type DevMailAttachmentSummary = Omit<DevMailAttachmentRow, "mail_id" | "content"> & { size: number };

export interface DevMailbox {
  store(mail: OutgoingMail): Promise<void>;
  /** The newest mails first. */
  list(limit?: number): Promise<DevMailSummary[]>;
  byId(id: string): Promise<DevMailRow | undefined>;
  /** The attachments of a mail, in their order, without their bytes. */
  attachments(mailId: string): Promise<DevMailAttachmentSummary[]>;
  /** One attachment with its bytes; `position` counts from 1. */
  attachment(mailId: string, position: number): Promise<DevMailAttachmentRow | undefined>;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const mailId = (id: string) => (uuidPattern.test(id) ? id.toLowerCase() : undefined);

export function createDevMailbox(db: Db): DevMailbox {
  return {
    async store(mail) {
      await inTransaction(db, async (tx) => {
        // A retried job carries the same Message-ID: storing it twice would show one mail twice.
        const stored = await tx
          .insertInto("dev_mailbox")
          .values({
            id: uuidv7(),
            message_id: mail.messageId,
            tenant_id: mail.tenantId ?? null,
            sender: mail.from,
            recipient: mail.to,
            subject: mail.subject,
            lang: mail.lang,
            text_body: mail.text,
            html_body: mail.html,
          })
          .onConflict((oc) => oc.column("message_id").doNothing())
          .returning("id")
          .executeTakeFirst();
        if (!stored || !mail.attachments?.length) return;
        await tx
          .insertInto("dev_mailbox_attachments")
          .values(
            mail.attachments.map((attachment, index) => ({
              mail_id: stored.id,
              position: index + 1,
              filename: attachment.filename,
              content_type: attachment.contentType,
              content: asBuffer(attachment.content),
            })),
          )
          .execute();
      });
    },

    list(limit = 200) {
      return db
        .selectFrom("dev_mailbox")
        .select(["id", "recipient", "subject", "created_at"])
        .orderBy("id", "desc")
        .limit(limit)
        .execute();
    },

    async byId(id) {
      const key = mailId(id);
      if (!key) return undefined;
      return db.selectFrom("dev_mailbox").selectAll().where("id", "=", key).executeTakeFirst();
    },

    async attachments(id) {
      const key = mailId(id);
      if (!key) return [];
      return db
        .selectFrom("dev_mailbox_attachments")
        .select(["position", "filename", "content_type", sql<number>`octet_length(content)`.as("size")])
        .where("mail_id", "=", key)
        .orderBy("position")
        .execute();
    },

    async attachment(id, position) {
      const key = mailId(id);
      if (!key || !Number.isInteger(position) || position < 1 || position > maxAttachments) return undefined;
      return db
        .selectFrom("dev_mailbox_attachments")
        .selectAll()
        .where("mail_id", "=", key)
        .where("position", "=", position)
        .executeTakeFirst();
    },
  };
}
