import { uuidv7 } from "#core/db/ids.ts";
import { type Db, inTransaction } from "#core/db/transaction.ts";
import type { FileStore } from "#core/files/index.ts";
import type { FieldError } from "#core/http/errors.ts";
import type { Lang } from "#core/i18n/lang.ts";
import type { JobQueue } from "#core/jobs/index.ts";
import { nextReference } from "#core/references/index.ts";
import {
  type Application,
  type ApplicationsService,
  applicationFiles,
  type Draft,
  draftFiles,
  type FrozenSummary,
  feeSummary,
  opensPaymentAtSubmission,
  paysBeforeSubmission,
  receiptQueue,
} from "#modules/applications/index.ts";
import type { CatalogService } from "#modules/catalog/index.ts";
import { checkAnswers, type FormsService, summaryRows } from "#modules/forms/index.ts";
import type { Payment, PaymentsService } from "#modules/payments/index.ts";
import type { Tenant } from "#modules/tenants/index.ts";

export interface SubmitDependencies {
  db: Db;
  forms: FormsService;
  files: FileStore;
  jobs: JobQueue;
  applications: ApplicationsService;
  payments: PaymentsService;
}

export type SubmitResult =
  | { ok: true; application: Application; firstTime: boolean; payment?: Payment }
  | { ok: false; errors: FieldError[]; firstInvalidStep: string | undefined };

/**
 * Submitting an application, from a checked draft to the receipt on its way:
 * 1. check every answer again with the form version the draft was started with (never trust the steps);
 * 2. in one transaction: lock the draft (a double submit waits here and then finds the application made by
 *    the first), number it (gap-free: the number rolls back with the transaction), store the frozen answers
 *    and summary with the fee, hand the draft's uploads over to the application, open the payment of the fee
 *    with its Kassenzeichen when the service's payment policy asks for it now, and queue the receipt (PDF and
 *    mail) — unless the fee must be paid first: then the application waits in `awaiting_payment` and
 *    workflows/pay-fee.ts submits it when the platform reports the payment;
 * 3. the receipt job runs after the commit (applications/receipt.ts).
 * Nothing is written when a check fails; a failure inside the transaction leaves nothing behind.
 */
export async function submitApplication(
  deps: SubmitDependencies,
  input: {
    tenant: Tenant;
    draft: Draft;
    service: CatalogService;
    serviceName: string;
    email: string;
    lang: Lang;
  },
): Promise<SubmitResult> {
  const { tenant, draft, lang } = input;
  if (draft.applicationId) {
    const application = await deps.applications.find(tenant.id, draft.applicationId);
    if (application) return { ok: true, application, firstTime: false };
  }
  const form = await deps.forms.getVersion(tenant.id, draft.formKey, draft.formVersion);
  if (!form) throw new Error(`form ${draft.formKey} v${draft.formVersion} is gone`);
  const check = checkAnswers(form.definition, draft.answers, { lang });
  if (check.errors.length > 0)
    return { ok: false, errors: check.errors, firstInvalidStep: check.firstInvalidStep };

  const fee = feeSummary(input.service, form.definition, check.answers, check.feeCents, lang);
  const summary: FrozenSummary = {
    sections: summaryRows(form.definition, check.answers, lang).map((section) => ({
      title: section.title,
      rows: section.rows.map(({ label, lines }) => ({ label, lines })),
    })),
    computed: fee.rows,
  };

  return inTransaction(deps.db, async (tx) => {
    const lock = await deps.applications.lockDraft(tx, tenant.id, draft.id);
    if (lock.existing) {
      const payment = (await deps.payments.forApplications(tenant.id, [lock.existing.id])).get(
        lock.existing.id,
      );
      return { ok: true, application: lock.existing, firstTime: false, payment };
    }
    if (!lock.found) throw new Error("draft vanished before submission");
    const id = uuidv7();
    const reference = await nextReference(tx, {
      tenantId: tenant.id,
      scope: "application",
      prefix: tenant.referencePrefix,
    });
    const { application, statusSecret } = await deps.applications.insert(tx, tenant.id, {
      id,
      reference,
      draftId: draft.id,
      serviceSlug: draft.serviceSlug,
      serviceName: input.serviceName,
      formKey: draft.formKey,
      formVersion: draft.formVersion,
      citizenId: draft.citizenId,
      email: input.email,
      answers: check.answers,
      summary,
      feeCents: fee.totalCents > 0 ? fee.totalCents : check.feeCents,
      lang,
      status: paysBeforeSubmission(fee) ? "awaiting_payment" : "submitted",
      feeDecision: fee.policy === "billed_later" ? "pending" : undefined,
    });
    // Only the uploads the answers still name travel with the application (one whose field was hidden later
    // does not); the rest are forgotten with the draft.
    const uploads = referencedFileIds(check.answers);
    await deps.files.finalize(tx, tenant.id, draftFiles(draft.id), applicationFiles(id), uploads);
    await deps.files.discardDrafts(tx, tenant.id, draftFiles(draft.id));
    const payment = opensPaymentAtSubmission(fee)
      ? await deps.payments.create(tx, {
          tenantId: tenant.id,
          referencePrefix: tenant.referencePrefix,
          applicationId: id,
          serviceSlug: draft.serviceSlug,
          purpose: `${reference} ${input.serviceName}`.slice(0, 140),
          amountCents: fee.totalCents,
          citizenId: draft.citizenId ?? null,
          email: input.email,
          lang,
        })
      : undefined;
    if (!paysBeforeSubmission(fee))
      await deps.jobs.enqueue(tx, receiptQueue, { tenantId: tenant.id, applicationId: id, statusSecret });
    return { ok: true, application, firstTime: true, payment: payment?.payment };
  });
}

/** The ids of the uploaded files the answers refer to (upload answers are lists of `{ fileId, … }`). */
function referencedFileIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencedFileIds);
  if (typeof value !== "object" || value === null) return [];
  const { fileId } = value as { fileId?: unknown };
  if (typeof fileId === "string") return [fileId];
  return Object.values(value).flatMap(referencedFileIds);
}
