import type { Generated, Selectable } from "kysely";
import type { Lang } from "#core/i18n/lang.ts";

export type ProviderName = "epay-sim" | "stripe";

/** States of a payment (payments/payments.states.ts says which changes are allowed). */
export type PaymentState =
  | "created"
  | "started"
  | "succeeded"
  | "failed"
  | "cancelled"
  | "expired"
  | "refunded"
  | "partially_refunded";

export type AttemptState = "started" | "succeeded" | "failed" | "cancelled" | "expired";

export interface PaymentSettingsTable {
  tenant_id: string;
  /** E.g. `{prefix}-{year}-K{number}`: `{prefix}` the municipality's reference prefix, `{number}` gap-free. */
  kassenzeichen_pattern: Generated<string>;
  provider: Generated<ProviderName>;
}

export interface PaymentsTable {
  tenant_id: string;
  id: string;
  kassenzeichen: string;
  application_id: string | null;
  service_slug: string | null;
  /** Verwendungszweck as the treasury and the citizen's bank statement show it. */
  purpose: string;
  amount_cents: number;
  currency: Generated<"EUR">;
  state: Generated<PaymentState>;
  provider: ProviderName;
  /** The platform's id of the attempt that succeeded (or the latest one). */
  provider_payment_id: string | null;
  method: string | null;
  refunded_cents: Generated<number>;
  citizen_id: string | null;
  email: string | null;
  lang: Generated<Lang>;
  /** SHA-256 of the secret in the citizen's payment links (guests). */
  secret_hash: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  succeeded_at: Date | null;
  receipt_file_id: string | null;
}

export interface PaymentAttemptsTable {
  tenant_id: string;
  id: string;
  payment_id: string;
  attempt_no: number;
  provider: ProviderName;
  provider_payment_id: string | null;
  state: Generated<AttemptState>;
  method: string | null;
  created_at: Generated<Date>;
  expires_at: Date;
  finished_at: Date | null;
}

export interface PaymentTransitionsTable {
  tenant_id: string;
  id: Generated<string>;
  payment_id: string;
  attempt_id: string | null;
  from_state: PaymentState;
  to_state: PaymentState;
  /** `citizen`, `platform:<provider>`, `system` or `staff:<staff id>`. */
  actor: string;
  provider_reference: string | null;
  amount_cents: number | null;
  reason: string | null;
  at: Generated<Date>;
}

export interface PaymentRefundsTable {
  tenant_id: string;
  id: string;
  payment_id: string;
  amount_cents: number;
  reason: string;
  staff_id: string;
  provider_refund_id: string | null;
  created_at: Generated<Date>;
}

export interface PaymentsTables {
  payment_settings: PaymentSettingsTable;
  payments: PaymentsTable;
  payment_attempts: PaymentAttemptsTable;
  payment_transitions: PaymentTransitionsTable;
  payment_refunds: PaymentRefundsTable;
}

export type PaymentRow = Selectable<PaymentsTable>;
export type AttemptRow = Selectable<PaymentAttemptsTable>;
