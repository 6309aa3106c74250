import Stripe from "stripe";
import {
  NotificationIgnored,
  NotificationRejected,
  type PaymentProvider,
  ProviderUnavailable,
  type VerifiedNotification,
} from "../provider.ts";

export interface StripeOptions {
  secretKey: string;
  webhookSecret: string;
  /** Tests only: a local stand-in for the Stripe API, e.g. `http://127.0.0.1:4242`. */
  apiUrl?: string;
}

export const stripeSignatureHeader = "stripe-signature";

function client(options: StripeOptions): Stripe {
  const api = options.apiUrl ? new URL(options.apiUrl) : undefined;
  return new Stripe(options.secretKey, {
    maxNetworkRetries: 2,
    timeout: 15_000,
    telemetry: false,
    ...(api && { host: api.hostname, port: api.port, protocol: api.protocol === "http:" ? "http" : "https" }),
  });
}

/** What a verified event of a Checkout Session means for our attempt; undefined for events we do not use. */
function outcomeOf(event: Stripe.Event): VerifiedNotification["outcome"] | undefined {
  switch (event.type) {
    // A direct debit completes the session unpaid: the async_payment_* event that follows decides.
    case "checkout.session.completed":
      return event.data.object.payment_status === "paid" ? "succeeded" : undefined;
    case "checkout.session.async_payment_succeeded":
      return "succeeded";
    case "checkout.session.async_payment_failed":
      return "failed";
    case "checkout.session.expired":
      return "expired";
    default:
      return undefined;
  }
}

/** The way of paying when the session allowed only one (Stripe's name, e.g. "card", "sepa_debit"). */
function methodOf(session: Stripe.Checkout.Session): string | null {
  const types = session.payment_method_types ?? [];
  return types.length === 1 ? (types[0] ?? null) : null;
}

async function unavailable<T>(action: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new ProviderUnavailable(`Stripe could not ${action}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** Stripe Checkout: a hosted Checkout Session per attempt, signed webhook events as notifications. */
export function createStripeProvider(options: StripeOptions): PaymentProvider {
  const stripe = client(options);
  return {
    name: "stripe",

    async startAttempt(request) {
      const metadata = {
        kassenzeichen: request.kassenzeichen,
        attemptId: request.attemptId,
        tenant: request.tenantSlug,
      };
      const session = await unavailable("create a Checkout Session", () =>
        stripe.checkout.sessions.create(
          {
            mode: "payment",
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency: request.currency.toLowerCase(),
                  unit_amount: request.amountCents,
                  product_data: {
                    name: request.purpose,
                    description: `Kassenzeichen ${request.kassenzeichen}`,
                  },
                },
              },
            ],
            client_reference_id: request.attemptId,
            metadata,
            payment_intent_data: { description: `${request.purpose} (${request.kassenzeichen})`, metadata },
            customer_email: request.email ?? undefined,
            locale: request.lang,
            success_url: request.returnUrl,
            cancel_url: request.returnUrl,
          },
          { idempotencyKey: `attempt-${request.attemptId}` },
        ),
      );
      if (!session.url) throw new ProviderUnavailable(`Stripe gave Checkout Session ${session.id} no URL`);
      return { providerPaymentId: session.id, redirectUrl: session.url };
    },

    verifyNotification(rawBody, headers) {
      const header = headers[stripeSignatureHeader];
      if (typeof header !== "string") throw new NotificationRejected("signature missing");
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, header, options.webhookSecret);
      } catch (error) {
        throw new NotificationRejected(`signature: ${(error as Error).message}`);
      }
      const outcome = outcomeOf(event);
      if (!outcome || event.data.object.object !== "checkout.session")
        throw new NotificationIgnored(`event ${event.type} not used`);
      const session = event.data.object;
      if (session.amount_total === null || session.currency === null)
        throw new NotificationRejected("session without amount");
      return {
        providerPaymentId: session.id,
        attemptId: session.client_reference_id ?? session.metadata?.attemptId ?? null,
        kassenzeichen: session.metadata?.kassenzeichen ?? null,
        outcome,
        amountCents: session.amount_total,
        currency: session.currency.toUpperCase(),
        method: methodOf(session),
        eventId: event.id,
      };
    },

    async refund({ providerPaymentId, amountCents, reason }) {
      const refund = await unavailable("refund", async () => {
        const session = await stripe.checkout.sessions.retrieve(providerPaymentId);
        const intent =
          typeof session.payment_intent === "string" ? session.payment_intent : session.payment_intent?.id;
        if (!intent) throw new Error(`Checkout Session ${providerPaymentId} has no payment`);
        return stripe.refunds.create({
          payment_intent: intent,
          amount: amountCents,
          reason: "requested_by_customer",
          metadata: { reason: reason.slice(0, 500) },
        });
      });
      return refund.id;
    },
  };
}
