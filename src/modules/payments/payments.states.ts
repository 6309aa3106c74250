import type { PaymentState } from "./payments.schema.ts";

/**
 * Every change of a payment's state that may happen, and nothing else. A failed, cancelled or expired payment
 * (and a created one) is started again by a new attempt on the same Kassenzeichen; refunds may come in parts.
 */
export const paymentTransitions: { readonly [From in PaymentState]: readonly PaymentState[] } = {
  created: ["started"],
  started: ["succeeded", "failed", "cancelled", "expired"],
  failed: ["started"],
  cancelled: ["started"],
  expired: ["started"],
  succeeded: ["partially_refunded", "refunded"],
  partially_refunded: ["partially_refunded", "refunded"],
  refunded: [],
};

export const paymentStates = Object.keys(paymentTransitions) as PaymentState[];

/** A change the table above does not allow; nothing was written. */
export class InvalidTransition extends Error {
  constructor(
    readonly from: PaymentState,
    readonly to: PaymentState,
  ) {
    super(`payment state cannot change from ${from} to ${to}`);
  }
}

export function canTransition(from: PaymentState, to: PaymentState): boolean {
  return paymentTransitions[from].includes(to);
}

/** The one guard every state change of a payment passes. */
export function assertTransition(from: PaymentState, to: PaymentState): void {
  if (!canTransition(from, to)) throw new InvalidTransition(from, to);
}

/** States in which the fee counts as paid (refunds do not undo that the citizen paid). */
export const paidStates: readonly PaymentState[] = ["succeeded", "partially_refunded", "refunded"];

export type XBezahldiensteState = "INITIAL" | "PAYED" | "FAILED" | "CANCELED";

/**
 * The status of XBezahldienste (FITKO), which ePayBL-style platforms report: INITIAL while the citizen may still
 * pay, PAYED once the online payment succeeded (later refunds are not part of that status), CANCELED when the
 * citizen gave up, FAILED when the platform refused or the time ran out.
 */
export const xBezahldiensteStates: { readonly [S in PaymentState]: XBezahldiensteState } = {
  created: "INITIAL",
  started: "INITIAL",
  succeeded: "PAYED",
  partially_refunded: "PAYED",
  refunded: "PAYED",
  failed: "FAILED",
  expired: "FAILED",
  cancelled: "CANCELED",
};
