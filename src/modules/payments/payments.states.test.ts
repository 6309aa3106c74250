import { describe, expect, it } from "vitest";
import type { PaymentState } from "./payments.schema.ts";
import {
  assertTransition,
  canTransition,
  InvalidTransition,
  paymentStates,
  xBezahldiensteStates,
} from "./payments.states.ts";

const allowed = new Set([
  "created→started",
  "started→succeeded",
  "started→failed",
  "started→cancelled",
  "started→expired",
  "failed→started",
  "cancelled→started",
  "expired→started",
  "succeeded→partially_refunded",
  "succeeded→refunded",
  "partially_refunded→partially_refunded",
  "partially_refunded→refunded",
]);

describe("payment states", () => {
  it("knows all eight states of the schema", () => {
    expect([...paymentStates].sort()).toEqual(
      [
        "cancelled",
        "created",
        "expired",
        "failed",
        "partially_refunded",
        "refunded",
        "started",
        "succeeded",
      ].sort(),
    );
  });

  const pairs = paymentStates.flatMap((from) => paymentStates.map((to) => [from, to] as const));

  it.each(pairs)("%s → %s is allowed exactly when the table lists it", (from, to) => {
    const listed = allowed.has(`${from}→${to}`);
    expect(canTransition(from, to)).toBe(listed);
    if (listed) {
      expect(() => assertTransition(from, to)).not.toThrow();
    } else {
      const error = (() => {
        try {
          assertTransition(from, to);
        } catch (thrown) {
          return thrown;
        }
      })();
      expect(error).toBeInstanceOf(InvalidTransition);
      expect(error).toMatchObject({ from, to });
    }
  });

  it("checks all 64 pairs, 52 of them refused", () => {
    expect(pairs).toHaveLength(64);
    expect(pairs.filter(([from, to]) => !canTransition(from, to))).toHaveLength(64 - allowed.size);
  });

  it("maps every state to the XBezahldienste status", () => {
    const expected: Record<PaymentState, string> = {
      created: "INITIAL",
      started: "INITIAL",
      succeeded: "PAYED",
      partially_refunded: "PAYED",
      refunded: "PAYED",
      failed: "FAILED",
      expired: "FAILED",
      cancelled: "CANCELED",
    };
    expect(xBezahldiensteStates).toEqual(expected);
  });
});
