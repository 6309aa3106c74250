import type { Db } from "#core/db/transaction.ts";
import type { DevMailRow } from "#core/mail/index.ts";

/**
 * Waits until the mail queue has delivered a mail to `to` whose subject contains `subject` into the dev
 * mailbox, and returns the newest such mail. Delivery runs after the request's transaction commits, so
 * tests poll (bounded) instead of assuming it is immediate.
 */
export async function waitForMail(
  db: Db,
  to: string,
  subject: string,
  timeoutMs = 15_000,
): Promise<DevMailRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = await db
      .selectFrom("dev_mailbox")
      .selectAll()
      .where("recipient", "=", to)
      .where("subject", "like", `%${subject}%`)
      .orderBy("created_at", "desc")
      .executeTakeFirst();
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail "${subject}" to ${to} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
