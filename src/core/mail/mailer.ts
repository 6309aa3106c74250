import type { Db } from "#core/db/transaction.ts";
import { type JobQueue, PermanentJobError } from "#core/jobs/index.ts";
import { createDevMailbox, type DevMailbox } from "./dev-mailbox.repo.ts";
import { queueAttachment, unqueueAttachment } from "./mail-attachments.ts";
import { checkMailMessage, type MailMessage, type QueuedMail, senderDomain } from "./mail-message.ts";
import {
  devMailboxTransport,
  isPermanentSmtpFailure,
  type MailTransport,
  smtpTransport,
} from "./mail-transport.ts";

export interface MailConfig {
  /** `undefined`: mails go to the dev mailbox. */
  smtpUrl: string | undefined;
  mailFrom: string;
}

export interface Mailer {
  /**
   * Queues the mail through `executor` (pass the transaction of the change the mail is about): it is sent
   * after that transaction commits, by the job worker, with retries; never if it rolls back.
   * Returns the job id.
   */
  enqueueMail(executor: Db, message: MailMessage): Promise<string>;
  /** Where mails go: a real SMTP server, or the dev mailbox at /_dev/mail. */
  readonly transport: MailTransport["kind"];
  readonly devMailbox: DevMailbox;
}

export const mailQueue = "mail";

/** Eight attempts over about an hour (30 s, 1, 2, 4, 8, 16, 30 min): a mail server's restart is survived. */
const mailQueueOptions = { maxAttempts: 8, backoffMs: 30_000, maxBackoffMs: 30 * 60_000 };

export function createMailer(config: MailConfig, db: Db, jobs: JobQueue): Mailer {
  const devMailbox = createDevMailbox(db);
  const transport = config.smtpUrl ? smtpTransport(config.smtpUrl) : devMailboxTransport(devMailbox);
  const domain = senderDomain(config.mailFrom);

  jobs.handle<QueuedMail>(
    mailQueue,
    async ({ attachments, ...message }, job) => {
      try {
        await transport.send({
          ...message,
          ...(attachments && { attachments: attachments.map(unqueueAttachment) }),
          from: config.mailFrom,
          messageId: `<${job.id}@${domain}>`,
        });
      } catch (error) {
        if (isPermanentSmtpFailure(error)) throw new PermanentJobError((error as Error).message);
        throw error;
      }
    },
    mailQueueOptions,
  );

  return {
    async enqueueMail(executor, message) {
      const { attachments, ...checked } = checkMailMessage(message);
      const payload: QueuedMail = attachments
        ? { ...checked, attachments: attachments.map(queueAttachment) }
        : checked;
      return jobs.enqueue(executor, mailQueue, payload);
    },
    transport: transport.kind,
    devMailbox,
  };
}
