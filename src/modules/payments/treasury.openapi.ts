import type { OpenApiContribution } from "#core/http/openapi.ts";
import type { ProviderName } from "./payments.schema.ts";
import { paymentStates } from "./payments.states.ts";

/** A problem+json answer of this endpoint, with an example carrying its stable `type`. */
const problem = (
  description: string,
  example: { type: string; title: string; status: number; detail: string },
  headers: Record<string, unknown>,
) => ({
  description,
  headers,
  content: {
    "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" }, example },
  },
});

const noStore = {
  "Cache-Control": { description: "Always `no-store`.", schema: { type: "string", const: "no-store" } },
};

/** The treasury's bookings API in /api/v1/openapi.json (treasury.api.ts). */
export const treasuryOpenApi: OpenApiContribution = {
  tags: [
    {
      name: "Kasse",
      description:
        "Bookings of a municipality's treasury (Stadtkasse) for its accounting software: what the daily CSV export carries, as JSON.",
    },
  ],
  securitySchemes: {
    treasuryToken: {
      type: "http",
      scheme: "bearer",
      description:
        "An access token of the treasury software (`kasse_…`), created by the municipality's administration in the back office under Zahlungen → Zugänge der Kassensoftware. Valid for that municipality only; revoked tokens are refused.",
    },
  },
  schemas: {
    TreasuryBooking: {
      type: "object",
      required: [
        "bookingId",
        "type",
        "bookingDate",
        "bookedAt",
        "kassenzeichen",
        "amountCents",
        "currency",
        "purpose",
        "serviceSlug",
        "provider",
        "paymentId",
        "providerPaymentId",
        "method",
        "state",
      ],
      properties: {
        bookingId: {
          type: "string",
          format: "uuid",
          description:
            "The payment's id for a payment, the refund's id for a refund: unique, for duplicate checks.",
        },
        type: { type: "string", enum: ["payment", "refund"] },
        bookingDate: { type: "string", format: "date", description: "The day asked for (Berlin)." },
        bookedAt: {
          type: "string",
          format: "date-time",
          description: "When the money arrived or went back.",
        },
        kassenzeichen: { type: "string", pattern: "^[A-Za-z0-9/._-]{3,40}$", examples: ["USI-2026-K000123"] },
        amountCents: {
          type: "integer",
          description: "In cents; positive for a payment, negative for a refund.",
          examples: [3070, -1000],
        },
        currency: { type: "string", const: "EUR" },
        purpose: { type: "string", description: "Verwendungszweck." },
        serviceSlug: { type: ["string", "null"], description: "The service the fee is for, if any." },
        provider: { type: "string", enum: ["epay-sim", "stripe"] satisfies ProviderName[] },
        paymentId: { type: "string", format: "uuid" },
        providerPaymentId: {
          type: ["string", "null"],
          description: "The payment platform's transaction id.",
        },
        method: {
          type: ["string", "null"],
          description: "The way of paying as the platform names it, e.g. `sepa`.",
        },
        state: {
          type: "string",
          enum: [...paymentStates],
          description: "The payment's state now (a payment booked that day may have been refunded since).",
        },
      },
    },
    TreasuryBookings: {
      type: "object",
      required: ["date", "timeZone", "currency", "totals", "bookings"],
      properties: {
        date: { type: "string", format: "date" },
        timeZone: { type: "string", const: "Europe/Berlin" },
        currency: { type: "string", const: "EUR" },
        totals: {
          type: "object",
          required: ["count", "paymentsCents", "refundsCents", "netCents"],
          properties: {
            count: { type: "integer", minimum: 0 },
            paymentsCents: { type: "integer", minimum: 0 },
            refundsCents: { type: "integer", maximum: 0 },
            netCents: { type: "integer" },
          },
        },
        bookings: { type: "array", items: { $ref: "#/components/schemas/TreasuryBooking" } },
      },
    },
  },
  paths: {
    "/api/v1/{tenant}/treasury/bookings": {
      get: {
        tags: ["Kasse"],
        summary: "The bookings of one Berlin calendar day",
        description:
          "Payments whose money arrived that day and refunds made that day (negative), whatever the payment's state is now; the same bookings as the daily CSV export. The token is checked before the date.",
        security: [{ treasuryToken: [] }],
        parameters: [
          { $ref: "#/components/parameters/Tenant" },
          {
            name: "date",
            in: "query",
            required: true,
            description: "The booking day in Berlin time, `YYYY-MM-DD`.",
            schema: { type: "string", format: "date", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
            example: "2026-11-27",
          },
        ],
        responses: {
          "200": {
            description: "The day's bookings and totals.",
            headers: noStore,
            content: { "application/json": { schema: { $ref: "#/components/schemas/TreasuryBookings" } } },
          },
          "400": problem(
            "The date is missing or not a real calendar day.",
            {
              type: "/problems/invalid-date",
              title: "Invalid request",
              status: 400,
              detail: "Give the booking day as date=YYYY-MM-DD (a real calendar day).",
            },
            noStore,
          ),
          "401": problem(
            "No token, or one that is unknown, revoked or of another municipality.",
            {
              type: "/problems/unauthorized",
              title: "Authentication required",
              status: 401,
              detail: "Send a valid treasury API token: Authorization: Bearer <token>.",
            },
            {
              ...noStore,
              "WWW-Authenticate": { schema: { type: "string", const: 'Bearer realm="treasury"' } },
            },
          ),
          "404": { $ref: "#/components/responses/NotFound" },
        },
      },
    },
  },
};
