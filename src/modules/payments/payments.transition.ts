import type { Updateable } from "kysely";
import type { PaymentActor } from "./payments.model.ts";
import type { PaymentsRepo } from "./payments.repo.ts";
import type { PaymentRow, PaymentState, PaymentsTable } from "./payments.schema.ts";
import { assertTransition } from "./payments.states.ts";

export interface TransitionDetails {
  actor: PaymentActor;
  attemptId?: string | null;
  providerReference?: string | null;
  /** The amount moved: the payment's on success, the refund's on a refund. */
  amountCents?: number | null;
  reason?: string | null;
}

/**
 * Moves a payment (locked by the caller's transaction) to `to` if the state table allows it, records the
 * transition row and sets `values` with the new state. Throws InvalidTransition (writing nothing) otherwise.
 */
export async function movePayment(
  repo: PaymentsRepo,
  payment: PaymentRow,
  to: PaymentState,
  details: TransitionDetails,
  values: Omit<Updateable<PaymentsTable>, "tenant_id" | "id" | "state"> = {},
): Promise<PaymentRow> {
  assertTransition(payment.state, to);
  await repo.insertTransition(payment.tenant_id, {
    payment_id: payment.id,
    attempt_id: details.attemptId ?? null,
    from_state: payment.state,
    to_state: to,
    actor: details.actor,
    provider_reference: details.providerReference?.slice(0, 200) ?? null,
    amount_cents: details.amountCents ?? null,
    reason: details.reason?.slice(0, 500) ?? null,
  });
  return repo.updatePayment(payment.tenant_id, payment.id, { ...values, state: to });
}
