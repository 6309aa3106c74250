import { format } from "#core/i18n/messages.ts";
import type { Mailer } from "#core/mail/index.ts";
import { renderMail } from "#core/mail/index.ts";
import { staffMessages } from "./staff.messages.ts";
import type { InvitationMailer } from "./staff.service.ts";

/** Invitation and access-reset mails, naming the municipality, through the durable mail queue. */
export function invitationMailer(
  mailer: Mailer,
  tenantName: (tenantId: string) => Promise<string>,
): InvitationMailer {
  return async (executor, mail) => {
    const t = staffMessages[mail.lang];
    const tenant = await tenantName(mail.tenantId);
    const subject = format(mail.kind === "invite" ? t.mailInviteSubject : t.mailResetSubject, { tenant });
    const text = format(mail.kind === "invite" ? t.mailInviteText : t.mailResetText, { tenant });
    const content = renderMail({
      lang: mail.lang,
      heading: subject,
      paragraphs: [text],
      action: { label: t.mailAction, url: mail.link },
      footer: t.mailIgnore,
    });
    await mailer.enqueueMail(executor, { to: mail.to, subject, lang: mail.lang, ...content });
  };
}
