import type { FastifyInstance } from "fastify";
import { AppError } from "#core/http/errors.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { type Booking, isIsoDay, type TreasuryService } from "./treasury.service.ts";

const bearer = /^Bearer ([\x21-\x7e]{1,200})$/i;

const asJson = (booking: Booking, day: string) => ({
  bookingId: booking.bookingId,
  type: booking.kind,
  bookingDate: day,
  bookedAt: booking.bookedAt.toISOString(),
  kassenzeichen: booking.kassenzeichen,
  amountCents: booking.amountCents,
  currency: booking.currency,
  purpose: booking.purpose,
  serviceSlug: booking.serviceSlug,
  provider: booking.provider,
  paymentId: booking.paymentId,
  providerPaymentId: booking.providerPaymentId,
  method: booking.method,
  state: booking.state,
});

/**
 * `GET /api/v1/{slug}/treasury/bookings?date=YYYY-MM-DD`: the bookings of a Berlin calendar day for the
 * treasury software, the same as the CSV export; amounts in cents, refunds negative. Authenticated by a token
 * of this municipality (`Authorization: Bearer …`): none, an unknown or revoked one, or another
 * municipality's → 401; a missing or impossible date → 400 (both problem+json).
 */
export async function treasuryApiRoutes(app: FastifyInstance, opts: { treasury: TreasuryService }) {
  app.get<{ Querystring: { date?: unknown } }>("/treasury/bookings", async (request, reply) => {
    const { tenant } = tenantContext(request);
    const token = bearer.exec(request.headers.authorization ?? "")?.[1];
    const access = token ? await opts.treasury.authenticate(tenant.id, token) : undefined;
    reply.header("cache-control", "no-store");
    if (!access) {
      reply.header("www-authenticate", 'Bearer realm="treasury"');
      throw new AppError(
        401,
        "unauthorized",
        "Send a valid treasury API token: Authorization: Bearer <token>.",
      );
    }
    const day = request.query.date;
    if (typeof day !== "string" || !isIsoDay(day))
      throw new AppError(
        400,
        "invalid-date",
        "Give the booking day as date=YYYY-MM-DD (a real calendar day).",
      );
    const bookings = await opts.treasury.bookings(tenant.id, day);
    const sum = (kind: Booking["kind"]) =>
      bookings.filter((b) => b.kind === kind).reduce((total, b) => total + b.amountCents, 0);
    return {
      date: day,
      timeZone: "Europe/Berlin",
      currency: "EUR",
      totals: {
        count: bookings.length,
        paymentsCents: sum("payment"),
        refundsCents: sum("refund"),
        netCents: sum("payment") + sum("refund"),
      },
      bookings: bookings.map((booking) => asJson(booking, day)),
    };
  });
}
