import type { ProviderName } from "../payments.schema.ts";
import type { PaymentProvider } from "../provider.ts";
import { createEpayProvider, type EpayOptions } from "./epay-sim.ts";
import { createStripeProvider, type StripeOptions } from "./stripe.ts";

/** The payment platforms this installation is configured for (`config.payments`); the others are absent. */
export function createPaymentProviders(config: {
  epay: EpayOptions | undefined;
  stripe: StripeOptions | undefined;
}): Partial<Record<ProviderName, PaymentProvider>> {
  return {
    ...(config.epay && { "epay-sim": createEpayProvider(config.epay) }),
    ...(config.stripe && { stripe: createStripeProvider(config.stripe) }),
  };
}
