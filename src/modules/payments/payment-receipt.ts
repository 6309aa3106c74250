import { berlinDate, berlinDateTime } from "#core/dates/berlin.ts";
import type { Db } from "#core/db/transaction.ts";
import type { FileStore } from "#core/files/index.ts";
import { format } from "#core/i18n/messages.ts";
import type { JobQueue } from "#core/jobs/index.ts";
import type { Mailer } from "#core/mail/index.ts";
import { formatCents } from "#core/money/index.ts";
import { issueDocument, renderPdf } from "#core/pdf/index.ts";
import {
  type Tenant,
  type TenantsService,
  tenantLetterhead,
  tenantMailSender,
} from "#modules/tenants/index.ts";
import { type PaymentReceiptJob, paymentReceiptQueue } from "./notifications.service.ts";
import { paymentMethodLabel } from "./payment-methods.ts";
import { paymentReceiptMessages } from "./payment-receipt.messages.ts";
import type { Payment } from "./payments.model.ts";
import type { PaymentsService } from "./payments.service.ts";

/** The receipt (Zahlungsbestätigung) as a PDF: letterhead, Kassenzeichen, amount, purpose, when and how. */
export function paymentReceiptPdf(tenant: Tenant, payment: Payment & { succeededAt: Date }): Promise<Buffer> {
  const t = paymentReceiptMessages[payment.lang];
  const [date = "", time = ""] = berlinDateTime(payment.succeededAt).split(" ");
  return renderPdf({
    lang: payment.lang,
    letterhead: tenantLetterhead(tenant),
    title: t.title,
    date: payment.succeededAt,
    intro: t.intro,
    sections: [
      {
        heading: t.heading,
        rows: [
          { label: t.kassenzeichen, value: payment.kassenzeichen },
          { label: t.amount, value: formatCents(payment.amountCents) },
          { label: t.purpose, value: payment.purpose },
          { label: t.paidAt, value: format(t.paidAtValue, { date, time }) },
          { label: t.method, value: paymentMethodLabel(payment.method, payment.lang) },
          { label: t.provider, value: payment.provider },
          { label: t.providerPaymentId, value: payment.providerPaymentId ?? "" },
          { label: t.paymentId, value: payment.id },
        ],
      },
    ],
    closing: t.closing,
  });
}

/**
 * The job after a payment succeeded (queued with that transition): renders the receipt, keeps it with the
 * payment (a retry reuses the kept one) and mails it to the payer's address in the payment's language.
 */
export function handlePaymentReceipts(deps: {
  db: Db;
  jobs: JobQueue;
  mailer: Mailer;
  files: FileStore;
  payments: Pick<PaymentsService, "get" | "attachReceipt">;
  tenants: TenantsService;
}): void {
  deps.jobs.handle<PaymentReceiptJob>(paymentReceiptQueue, async ({ tenantId, paymentId }) => {
    const tenant = (await deps.tenants.list()).find((candidate) => candidate.id === tenantId);
    const payment = tenant && (await deps.payments.get(tenantId, paymentId));
    const succeededAt = payment?.succeededAt;
    if (!tenant || !payment || !succeededAt) return;
    const t = paymentReceiptMessages[payment.lang];
    const values = {
      kassenzeichen: payment.kassenzeichen,
      amount: formatCents(payment.amountCents),
      purpose: payment.purpose,
      date: berlinDate(succeededAt),
      tenant: tenant.officialName,
    };
    await issueDocument(deps, {
      tenantId,
      pdf: await paymentReceiptPdf(tenant, { ...payment, succeededAt }),
      // A Kassenzeichen may hold "/", which no file name may.
      filename: format(t.fileName, { kassenzeichen: payment.kassenzeichen.replaceAll("/", "-") }),
      owner: { kind: "payment", id: payment.id },
      documentType: t.documentType,
      keptFileId: payment.receiptFileId,
      keep: (fileId) => deps.payments.attachReceipt(tenantId, paymentId, fileId),
      mail: payment.email
        ? {
            to: payment.email,
            content: {
              lang: payment.lang,
              municipality: tenantMailSender(tenant),
              heading: format(t.mailSubject, values),
              paragraphs: [format(t.mailText, values), format(t.mailAttachment, values)],
            },
          }
        : undefined,
    });
  });
}
