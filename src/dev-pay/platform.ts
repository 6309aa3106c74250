import { randomBytes } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import type {
  EpayFinalStatus,
  EpayMethod,
  EpayNotification,
  EpayPaymentRequest,
} from "#modules/payments/providers/epay-protocol.ts";
import { epaySignatureHeader, signEpayNotification } from "#modules/payments/providers/epay-signature.ts";

export interface SimulatedPayment {
  id: string;
  request: EpayPaymentRequest;
  status: "INITIAL" | EpayFinalStatus;
  method: EpayMethod | null;
  refundedCents: number;
}

export interface PlatformOptions {
  /** The merchant's shared secret: checks its requests, signs the notifications to it. */
  secret: string;
  log: FastifyBaseLogger;
  /** Waits before each new delivery of a notification our side did not take (answered no 2xx). */
  retryDelaysMs?: number[];
}

export type RefundResult = { refundId: string } | "unknown" | "not-payed" | "too-much";

const defaultRetryDelaysMs = [1_000, 5_000, 25_000, 120_000];
/** Oldest payments are forgotten beyond this many: the simulator's state lives in memory only. */
const maxPayments = 10_000;
const deliveryTimeoutMs = 10_000;

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;

/**
 * The simulated payment platform's state and its server-to-server notifications. Everything is kept in
 * memory (development only): a restart forgets open payments, and the citizen starts a new attempt.
 */
export function createSimulatedPlatform(options: PlatformOptions) {
  const payments = new Map<string, SimulatedPayment>();
  const timers = new Set<NodeJS.Timeout>();
  const retryDelaysMs = options.retryDelaysMs ?? defaultRetryDelaysMs;
  let closed = false;

  /** One signed POST to the merchant's callback URL; true when it answered 2xx. */
  async function deliver(url: string, body: string): Promise<boolean> {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [epaySignatureHeader]: signEpayNotification(options.secret, body),
        },
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(deliveryTimeoutMs),
      });
      await response.body?.cancel();
      return response.ok;
    } catch {
      return false;
    }
  }

  function retryLater(url: string, body: string, retry: number) {
    const delay = retryDelaysMs[retry];
    if (closed) return;
    if (delay === undefined) {
      options.log.warn({ url }, "dev-pay: notification not taken, giving up");
      return;
    }
    const timer = setTimeout(async () => {
      timers.delete(timer);
      if (!(await deliver(url, body))) retryLater(url, body, retry + 1);
    }, delay);
    timer.unref();
    timers.add(timer);
  }

  return {
    create(request: EpayPaymentRequest): SimulatedPayment {
      if (payments.size >= maxPayments) payments.delete(payments.keys().next().value as string);
      const payment: SimulatedPayment = {
        id: newId("ep"),
        request,
        status: "INITIAL",
        method: null,
        refundedCents: 0,
      };
      payments.set(payment.id, payment);
      return payment;
    },

    find(id: string): SimulatedPayment | undefined {
      return payments.get(id);
    },

    /** Ends an open payment; undefined when it is unknown or already ended (a second submit). */
    decide(id: string, status: EpayFinalStatus, method: EpayMethod | null): SimulatedPayment | undefined {
      const payment = payments.get(id);
      if (payment?.status !== "INITIAL") return undefined;
      payment.status = status;
      payment.method = method;
      return payment;
    },

    /**
     * Tells the merchant how the payment ended: the first delivery is awaited (so the citizen's return page
     * usually shows the outcome already), further ones run in the background with growing pauses.
     */
    async notify(payment: SimulatedPayment): Promise<void> {
      const { request } = payment;
      const notification: EpayNotification = {
        eventId: newId("ev"),
        paymentId: payment.id,
        merchantReference: request.merchantReference,
        kassenzeichen: request.kassenzeichen,
        status: payment.status as EpayFinalStatus,
        amountCents: request.amountCents,
        currency: request.currency,
        method: payment.method,
        occurredAt: new Date().toISOString(),
      };
      const body = JSON.stringify(notification);
      if (!(await deliver(request.callbackUrl, body))) retryLater(request.callbackUrl, body, 0);
    },

    refund(id: string, amountCents: number): RefundResult {
      const payment = payments.get(id);
      if (!payment) return "unknown";
      if (payment.status !== "PAYED") return "not-payed";
      if (payment.refundedCents + amountCents > payment.request.amountCents) return "too-much";
      payment.refundedCents += amountCents;
      return { refundId: newId("er") };
    },

    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

export type SimulatedPlatform = ReturnType<typeof createSimulatedPlatform>;
