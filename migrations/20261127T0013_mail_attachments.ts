import { type Kysely, sql } from "kysely";

// Attachments of the mails in the dev mailbox (installation-wide like dev_mailbox, not tenant-owned), one row
// each, numbered from 1 in the order the mail lists them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table dev_mailbox_attachments (
      mail_id uuid not null references dev_mailbox (id) on delete cascade,
      position integer not null check (position >= 1),
      filename text not null check (length(filename) between 1 and 255),
      content_type text not null check (length(content_type) <= 255),
      content bytea not null,
      primary key (mail_id, position)
    )`.execute(db);
}
