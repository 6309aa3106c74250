import type { ProviderName } from "./payments.schema.ts";

/** Named routes of payments. */
export const paymentPaths = {
  /** Where a platform posts its signed server-to-server notifications (the attempt's callback URL). */
  notifications: (tenantSlug: string, provider: ProviderName) =>
    `/api/v1/${encodeURIComponent(tenantSlug)}/payments/notifications/${provider}`,
};
