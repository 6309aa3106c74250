import { format } from "#core/i18n/messages.ts";
import { type MailMessage, renderMail } from "#core/mail/index.ts";
import { formatCents } from "#core/money/index.ts";
import type { Payment } from "#modules/payments/index.ts";
import { type Tenant, tenantMailSender } from "#modules/tenants/index.ts";
import { applicationPaths } from "./applications.paths.ts";
import type { Application } from "./applications.service.ts";
import { feeDecisionMessages } from "./fee-decision.messages.ts";

/**
 * The mail after a clerk set a fee billed later: amount, Kassenzeichen and where to pay (Mein Rathaus for a
 * citizen with an account, the status check for a guest); or that no fee is charged.
 */
export function feeDecisionMail(
  tenant: Tenant,
  application: Application,
  payment: Payment | undefined,
  publicUrl: string,
): MailMessage {
  const t = feeDecisionMessages[application.lang];
  const base = `/${tenant.slug}`;
  const values = {
    tenant: tenant.officialName,
    service: application.serviceName,
    reference: application.reference,
    amount: payment ? formatCents(payment.amountCents) : "",
    kassenzeichen: payment?.kassenzeichen ?? "",
  };
  const mine = application.citizenId !== undefined;
  const subject = format(payment ? t.mailSubjectBilled : t.mailSubjectWaived, values);
  const content = renderMail({
    lang: application.lang,
    municipality: tenantMailSender(tenant),
    heading: subject,
    paragraphs: payment
      ? [format(t.mailTextBilled, values), mine ? t.mailPayMine : t.mailPayGuest]
      : [format(t.mailTextWaived, values)],
    action: payment && {
      label: mine ? t.mailActionMine : t.mailActionGuest,
      url: `${publicUrl}${mine ? applicationPaths.myTownHall(base) : applicationPaths.status(base)}`,
    },
  });
  return { to: application.email, subject, lang: application.lang, tenantId: tenant.id, ...content };
}
