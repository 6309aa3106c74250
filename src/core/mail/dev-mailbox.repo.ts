import { uuidv7 } from "#core/db/ids.ts";
import type { Db } from "#core/db/transaction.ts";
import type { DevMailRow } from "./mail.schema.ts";
import type { OutgoingMail } from "./mail-message.ts";

export type DevMailSummary = Pick<DevMailRow, "id" | "recipient" | "subject" | "created_at">;

export interface DevMailbox {
  store(mail: OutgoingMail): Promise<void>;
  /** The newest mails first. */
  list(limit?: number): Promise<DevMailSummary[]>;
  byId(id: string): Promise<DevMailRow | undefined>;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createDevMailbox(db: Db): DevMailbox {
  return {
    async store(mail) {
      // A retried job carries the same Message-ID: storing it twice would show one mail twice.
      await db
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
        .execute();
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
      if (!uuidPattern.test(id)) return undefined;
      return db.selectFrom("dev_mailbox").selectAll().where("id", "=", id.toLowerCase()).executeTakeFirst();
    },
  };
}
