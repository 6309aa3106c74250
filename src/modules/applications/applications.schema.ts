import type { Generated, Selectable } from "kysely";
import type { Lang } from "#core/i18n/lang.ts";

export interface ApplicationDraftsTable {
  tenant_id: string;
  id: string;
  service_slug: string;
  form_key: string;
  form_version: number;
  citizen_id: string | null;
  /** SHA-256 of the draft's secret (guest cookie, resume link). */
  secret_hash: string;
  answers: Generated<unknown>;
  /** Answers taken from a verified identity that the citizen cannot change (field id → value). */
  locked_answers: Generated<unknown>;
  lang: Generated<Lang>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  expires_at: Date;
  /** Set once submitted: the application made from it. */
  application_id: string | null;
}

export type ApplicationStatus =
  /** Saved with its reference, but sent only once its fee is paid (payment policy "before submission"). */
  "awaiting_payment" | "submitted" | "in_progress" | "information_requested" | "decided" | "withdrawn";

/** A fee billed later: waiting for the clerk, set (a payment is open or paid), or waived. */
export type FeeDecision = "pending" | "billed" | "waived";

export interface ApplicationsTable {
  tenant_id: string;
  id: string;
  /** Aktenzeichen, e.g. USI-2026-000123. */
  reference: string;
  draft_id: string;
  service_slug: string;
  service_name: string;
  form_key: string;
  form_version: number;
  citizen_id: string | null;
  email: string;
  answers: unknown;
  /** The summary sections as the citizen confirmed them (labels and shown values, in their language). */
  summary: unknown;
  fee_cents: number | null;
  status: Generated<ApplicationStatus>;
  status_secret_hash: string;
  lang: Lang;
  receipt_file_id: string | null;
  submitted_at: Generated<Date>;
  fee_paid_at: Date | null;
  fee_decision: FeeDecision | null;
  fee_decided_at: Date | null;
}

export interface ApplicationsTables {
  application_drafts: ApplicationDraftsTable;
  applications: ApplicationsTable;
}

export type DraftRow = Selectable<ApplicationDraftsTable>;
export type ApplicationRow = Selectable<ApplicationsTable>;
