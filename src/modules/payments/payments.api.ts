import type { FastifyInstance } from "fastify";
import { AppError } from "#core/http/errors.ts";
import type { TenantsService } from "#modules/tenants/index.ts";
import type { ProviderName } from "./payments.schema.ts";
import type { PaymentsService } from "./payments.service.ts";
import { NotificationIgnored, NotificationRejected } from "./provider.ts";

/** Notifications are a few hundred bytes (a Stripe event a few kilobytes); nothing bigger is read. */
const notificationBodyLimit = 64 * 1024;

export interface PaymentsApiOptions {
  payments: PaymentsService;
  tenants: TenantsService;
}

/**
 * POST /api/v1/{slug}/payments/notifications/{provider}: the platforms' signed server-to-server notifications.
 * The body is kept as raw bytes, since the signature is over exactly those. No CSRF token (no browser posts
 * here; the signature authenticates the caller). Anything not applied is answered 400 problem+json, the reason
 * logged without the body; nothing a caller sends leads to a 500.
 */
export async function paymentsApiRoutes(app: FastifyInstance, opts: PaymentsApiOptions) {
  const { payments, tenants } = opts;
  // Only in this plugin's scope: every content type is read as a Buffer instead of parsed.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));

  app.post<{ Params: { tenant: string; provider: string } }>(
    "/:tenant/payments/notifications/:provider",
    { config: { csrf: false }, bodyLimit: notificationBodyLimit },
    async (request) => {
      const { tenant: slug, provider } = request.params;
      const rejected = (type: string, reason: string) => {
        request.log.warn({ tenant: slug, provider, reason }, "payment notification rejected");
        return new AppError(400, type, `The payment notification was rejected: ${reason}.`);
      };
      if (!payments.providerNames.includes(provider as ProviderName))
        throw rejected("payment-provider-unknown", "unknown payment provider");
      const tenant = await tenants.bySlug(slug);
      if (!tenant) throw rejected("tenant-unknown", "unknown municipality");
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      try {
        const result = await payments.applyNotification(
          tenant.id,
          provider as ProviderName,
          body,
          request.headers,
        );
        const { id, state } = result.payment;
        request.log[result.note ? "warn" : "info"](
          { tenant: slug, provider, paymentId: id, state, changed: result.changed, note: result.note },
          "payment notification applied",
        );
      } catch (error) {
        if (error instanceof NotificationIgnored) {
          // Genuine but of no concern here: a 2xx answer stops the platform from sending it again.
          request.log.info({ tenant: slug, provider, reason: error.reason }, "payment notification ignored");
          return { status: "ignored" };
        }
        if (error instanceof NotificationRejected)
          throw rejected("payment-notification-rejected", error.reason);
        throw error;
      }
      return { status: "ok" };
    },
  );
}
