import type { Mailer } from "#core/mail/index.ts";
import { renderMail } from "#core/mail/index.ts";
import type { AccountMailer, AccountMailKind } from "./accounts.service.ts";
import { identityMessages } from "./identity.messages.ts";

type Text = (typeof identityMessages)["de"];

const texts: Record<AccountMailKind, { subject: keyof Text; body: keyof Text; action: keyof Text }> = {
  verify_email: { subject: "mailVerifySubject", body: "mailVerifyText", action: "mailVerifyAction" },
  already_registered: { subject: "mailExistsSubject", body: "mailExistsText", action: "mailExistsAction" },
  reset_password: { subject: "mailResetSubject", body: "mailResetText", action: "mailResetAction" },
  change_email: {
    subject: "mailChangeEmailSubject",
    body: "mailChangeEmailText",
    action: "mailVerifyAction",
  },
  email_changed: {
    subject: "mailEmailChangedSubject",
    body: "mailEmailChangedText",
    action: "mailResetAction",
  },
};

/** The account mails (German or English, as the citizen used the site), sent through the durable mail queue. */
export function accountMailer(mailer: Mailer): AccountMailer {
  return async (executor, mail) => {
    const t = identityMessages[mail.lang];
    const kind = texts[mail.kind];
    const heading = mail.kind === "verify_email" ? t.mailVerifyHeading : t[kind.subject];
    const content = renderMail({
      lang: mail.lang,
      heading,
      paragraphs: [t[kind.body]],
      action: { label: t[kind.action], url: mail.link },
      footer: t.mailIgnore,
    });
    await mailer.enqueueMail(executor, {
      to: mail.to,
      subject: t[kind.subject],
      lang: mail.lang,
      ...content,
    });
  };
}
