import { berlinDate } from "#core/dates/berlin.ts";
import type { Db } from "#core/db/transaction.ts";
import type { FileStore } from "#core/files/index.ts";
import { format } from "#core/i18n/messages.ts";
import type { JobQueue } from "#core/jobs/index.ts";
import type { Mailer } from "#core/mail/index.ts";
import { issueDocument, renderPdf } from "#core/pdf/index.ts";
import {
  type Tenant,
  type TenantsService,
  tenantLetterhead,
  tenantMailSender,
} from "#modules/tenants/index.ts";
import { applicationMessages } from "./applications.messages.ts";
import { applicationPaths } from "./applications.paths.ts";
import { type Application, type ApplicationsService, applicationFiles } from "./applications.service.ts";

/** The queue of receipts: made after the submission's transaction commits, retried like mail. */
export const receiptQueue = "application_receipt";

export interface ReceiptJob {
  tenantId: string;
  applicationId: string;
  /** The guest's code for the status page; only in this job and the mail, its hash in the database. */
  statusSecret: string;
}

/** The receipt (Eingangsbestätigung) as a PDF: letterhead, reference, date, every answer, the attachments. */
export function receiptPdf(
  tenant: Tenant,
  application: Application,
  attachments: { name: string; detail: string }[],
) {
  const t = applicationMessages[application.lang];
  const { summary } = application;
  return renderPdf({
    lang: application.lang,
    letterhead: tenantLetterhead(tenant),
    title: `${t.receiptTitle}: ${application.serviceName}`,
    reference: application.reference,
    date: application.submittedAt,
    intro: format(t.receiptIntro, {
      service: application.serviceName,
      date: berlinDate(application.submittedAt),
    }),
    sections: [
      ...summary.sections.map((section) => ({
        heading: section.title,
        rows: section.rows.map((row) => ({ label: row.label, value: row.lines.join("\n") })),
      })),
      ...(summary.computed.length > 0
        ? [
            {
              heading: t.feesHeading,
              rows: summary.computed.map(({ label, text }) => ({ label, value: text })),
            },
          ]
        : []),
    ],
    attachments,
    closing: t.receiptClosing,
  });
}

/**
 * The job after a submission: renders the receipt once (a retry reuses the stored one), keeps it with the
 * application, and mails it with the status code. Runs outside the submission's transaction.
 */
export function handleReceipts(deps: {
  db: Db;
  jobs: JobQueue;
  mailer: Mailer;
  files: FileStore;
  applications: ApplicationsService;
  tenants: TenantsService;
  publicUrl: string;
}) {
  deps.jobs.handle<ReceiptJob>(receiptQueue, async ({ tenantId, applicationId, statusSecret }) => {
    const tenant = (await deps.tenants.list()).find((candidate) => candidate.id === tenantId);
    const application = await deps.applications.find(tenantId, applicationId);
    if (!tenant || !application) return;
    const owner = applicationFiles(applicationId);
    const files = await deps.files.list(tenantId, owner);
    const attachments = files
      .filter((file) => file.id !== application.receiptFileId && file.documentType !== receiptDocumentType)
      .map((file) => ({ name: file.originalName, detail: file.documentType ?? "" }));
    const pdf = await receiptPdf(tenant, application, attachments);
    const t = applicationMessages[application.lang];
    const values = {
      service: application.serviceName,
      reference: application.reference,
      tenant: tenant.name,
    };
    const statusUrl = `${deps.publicUrl}${applicationPaths.status(`/${tenant.slug}`)}`;
    await issueDocument(deps, {
      tenantId,
      pdf,
      filename: `${application.reference}.pdf`,
      owner,
      documentType: receiptDocumentType,
      keptFileId: application.receiptFileId,
      keep: (fileId) => deps.applications.setReceipt(tenantId, applicationId, fileId),
      mail: {
        to: application.email,
        content: {
          lang: application.lang,
          municipality: tenantMailSender(tenant),
          heading: format(t.receiptMailSubject, values),
          paragraphs: [
            format(t.receiptMailText, values),
            format(t.receiptMailStatus, { secret: statusSecret }),
          ],
          action: { label: t.receiptMailAction, url: statusUrl },
        },
      },
    });
  });
}

const receiptDocumentType = "Eingangsbestätigung";
