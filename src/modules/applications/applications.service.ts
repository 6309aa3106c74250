import { isUuid } from "#core/db/ids.ts";
import type { Db, Tx } from "#core/db/transaction.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { hashSecret, newSecret } from "#core/secrets.ts";
import { applicationsRepo } from "./applications.repo.ts";
import type { ApplicationRow, ApplicationStatus, FeeDecision } from "./applications.schema.ts";

/** What the citizen confirmed, frozen with the application: the sections of "Ihre Angaben prüfen" and fees. */
export interface FrozenSummary {
  sections: { title: string; rows: { label: string; lines: string[] }[] }[];
  computed: { label: string; text: string }[];
}

export interface Application {
  tenantId: string;
  id: string;
  reference: string;
  draftId: string;
  serviceSlug: string;
  serviceName: string;
  citizenId: string | undefined;
  email: string;
  summary: FrozenSummary;
  feeCents: number | undefined;
  status: ApplicationStatus;
  lang: Lang;
  receiptFileId: string | undefined;
  /** When it was sent (for one that waited for its fee: when the fee was paid). */
  submittedAt: Date;
  feePaidAt: Date | undefined;
  /** Only for a fee billed later: whether the clerk has set it yet. */
  feeDecision: FeeDecision | undefined;
}

const toApplication = (row: ApplicationRow): Application => ({
  tenantId: row.tenant_id,
  id: row.id,
  reference: row.reference,
  draftId: row.draft_id,
  serviceSlug: row.service_slug,
  serviceName: row.service_name,
  citizenId: row.citizen_id ?? undefined,
  email: row.email,
  summary: row.summary as FrozenSummary,
  feeCents: row.fee_cents ?? undefined,
  status: row.status,
  lang: row.lang,
  receiptFileId: row.receipt_file_id ?? undefined,
  submittedAt: row.submitted_at,
  feePaidAt: row.fee_paid_at ?? undefined,
  feeDecision: row.fee_decision ?? undefined,
});

/** The owner name of an application's files (attachments, receipt) in the file store. */
export const applicationFiles = (applicationId: string) => ({ kind: "application", id: applicationId });

export interface NewApplication {
  id: string;
  reference: string;
  draftId: string;
  serviceSlug: string;
  serviceName: string;
  formKey: string;
  formVersion: number;
  citizenId: string | undefined;
  email: string;
  answers: unknown;
  summary: FrozenSummary;
  feeCents: number | undefined;
  lang: Lang;
  /** `awaiting_payment` when the fee must be paid before the application is sent. */
  status: "awaiting_payment" | "submitted";
  /** "pending" when the clerk sets the fee later (payment policy "billed later"). */
  feeDecision?: "pending";
}

/** Submitted applications: made once from a draft (in the submission's transaction), then read. */
export function createApplicationsService(db: Db) {
  const repo = applicationsRepo(db);
  return {
    /**
     * Inside the submission's transaction: stores the application; returns it with the secret a guest
     * checks its status with (only its hash is kept).
     */
    async insert(tx: Tx, tenantId: string, input: NewApplication) {
      const statusSecret = newSecret();
      const row = await applicationsRepo(tx).insertApplication(tenantId, {
        id: input.id,
        reference: input.reference,
        draft_id: input.draftId,
        service_slug: input.serviceSlug,
        service_name: input.serviceName,
        form_key: input.formKey,
        form_version: input.formVersion,
        citizen_id: input.citizenId ?? null,
        email: input.email,
        answers: JSON.stringify(input.answers),
        summary: JSON.stringify(input.summary),
        fee_cents: input.feeCents ?? null,
        status: input.status,
        fee_decision: input.feeDecision ?? null,
        status_secret_hash: hashSecret(statusSecret),
        lang: input.lang,
      });
      await applicationsRepo(tx).markSubmitted(tenantId, input.draftId, input.id);
      return { application: toApplication(row), statusSecret };
    },

    /** Locks a draft for its submission; says whether it was submitted already (and as what). */
    async lockDraft(tx: Tx, tenantId: string, draftId: string) {
      const row = await applicationsRepo(tx).lockDraft(tenantId, draftId);
      const existing = row?.application_id
        ? await applicationsRepo(tx).findApplication(tenantId, row.application_id)
        : undefined;
      return { found: row !== undefined, existing: existing && toApplication(existing) };
    },

    /** The application; undefined for an unknown id or one that is no UUID (from an address: a 404). */
    async find(tenantId: string, id: string): Promise<Application | undefined> {
      if (!isUuid(id)) return undefined;
      const row = await repo.findApplication(tenantId, id);
      return row && toApplication(row);
    },

    /** A guest's look at their application: reference and the secret from the confirmation mail must match. */
    async findByReference(tenantId: string, reference: string, secret: string) {
      const row = await repo.findByReference(tenantId, reference.trim().toUpperCase());
      return row && hashSecret(secret.trim()) === row.status_secret_hash ? toApplication(row) : undefined;
    },

    /** The citizen's applications at these municipalities (one, or all for the overview), newest first. */
    applicationsOf: async (citizenId: string, tenantIds: readonly string[]) =>
      (await repo.applicationsOf(citizenId, tenantIds)).map(toApplication),

    /**
     * Inside the payment's transaction: the fee is paid. An application that waited for it is submitted now,
     * with a new status secret for the receipt mail (`statusSecret`); undefined when it was marked before.
     */
    async markFeePaid(tx: Tx, tenantId: string, id: string, at = new Date()) {
      const statusSecret = newSecret();
      const marked = await applicationsRepo(tx).markFeePaid(tenantId, id, hashSecret(statusSecret), at);
      return (
        marked && { application: toApplication(marked.row), submittedNow: marked.submittedNow, statusSecret }
      );
    },

    /** Applications whose fee the clerk still has to set (of these services only, when given), oldest first. */
    pendingFeeDecisions: async (tenantId: string, serviceSlugs?: readonly string[]) =>
      (await repo.pendingFeeDecisions(tenantId, serviceSlugs)).map(toApplication),

    /** Inside a transaction: the application, locked until it commits; undefined for an unknown id. */
    async lock(tx: Tx, tenantId: string, id: string): Promise<Application | undefined> {
      if (!isUuid(id)) return undefined;
      const row = await applicationsRepo(tx).lockApplication(tenantId, id);
      return row && toApplication(row);
    },

    /** Inside the decision's transaction: the fee billed later is set (and a payment opened) or waived. */
    recordFeeDecision: async (
      tx: Tx,
      tenantId: string,
      id: string,
      decision: "billed" | "waived",
      feeCents: number,
    ) => toApplication(await applicationsRepo(tx).recordFeeDecision(tenantId, id, decision, feeCents)),

    setReceipt: (tenantId: string, id: string, fileId: string) => repo.setReceipt(tenantId, id, fileId),
  };
}

export type ApplicationsService = ReturnType<typeof createApplicationsService>;
