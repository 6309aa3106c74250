import { isUuid, uuidv7 } from "#core/db/ids.ts";
import type { Db } from "#core/db/transaction.ts";
import { hashSecret, newSecret } from "#core/secrets.ts";
import { type Payment, toPayment } from "./payments.model.ts";
import type { PaymentRow, PaymentState, ProviderName } from "./payments.schema.ts";
import { paymentStates } from "./payments.states.ts";
import { bookingsCsv } from "./treasury.csv.ts";
import { type PaymentFilter, treasuryRepo } from "./treasury.repo.ts";

/** One line of the treasury's day: money in (a payment) or out (a refund, negative). */
export interface Booking {
  kind: "payment" | "refund";
  /** The payment's id for a payment, the refund's id for a refund: unique, for the import's duplicate check. */
  bookingId: string;
  bookedAt: Date;
  kassenzeichen: string;
  amountCents: number;
  currency: "EUR";
  purpose: string;
  serviceSlug: string | null;
  provider: ProviderName;
  paymentId: string;
  providerPaymentId: string | null;
  method: string | null;
  /** The payment's state now (a payment booked today may have been refunded since). */
  state: PaymentState;
}

export interface PaymentSums {
  count: number;
  paidCents: number;
  refundedCents: number;
  netCents: number;
}

export interface TreasuryToken {
  id: string;
  label: string;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar day written `yyyy-mm-dd` (not 2026-02-30). */
export function isIsoDay(value: string): boolean {
  const match = isoDay.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const isPaymentState = (value: string): value is PaymentState =>
  (paymentStates as readonly string[]).includes(value);

const tokenPrefix = "kasse_";

function booking(row: PaymentRow, kind: Booking["kind"], id: string, at: Date, cents: number): Booking {
  return {
    kind,
    bookingId: id,
    bookedAt: at,
    kassenzeichen: row.kassenzeichen,
    amountCents: cents,
    currency: row.currency,
    purpose: row.purpose,
    serviceSlug: row.service_slug,
    provider: row.provider,
    paymentId: row.id,
    providerPaymentId: row.provider_payment_id,
    method: row.method,
    state: row.state,
  };
}

/**
 * The treasury's view of payments: the bookings of a Berlin calendar day (CSV and JSON), the staff's list
 * with filters and sums, and the API tokens of the treasury software. Days are `yyyy-mm-dd`, checked by the
 * caller with `isIsoDay`.
 */
export function createTreasuryService(db: Db) {
  const repo = treasuryRepo(db);

  async function bookings(tenantId: string, day: string): Promise<Booking[]> {
    const [paid, refunded] = await Promise.all([repo.paidOn(tenantId, day), repo.refundedOn(tenantId, day)]);
    return [
      ...paid.map((row) =>
        booking(row, "payment", row.id, row.succeeded_at ?? row.created_at, row.amount_cents),
      ),
      ...refunded.map((row) => booking(row, "refund", row.refund_id, row.refunded_at, -row.refund_cents)),
    ].sort((a, b) => a.bookedAt.getTime() - b.bookedAt.getTime() || a.bookingId.localeCompare(b.bookingId));
  }

  return {
    bookings,

    /** The day's bookings as the treasury's CSV file (see treasury.csv.ts). */
    dailyCsv: async (tenantId: string, day: string): Promise<Buffer> =>
      bookingsCsv(await bookings(tenantId, day)),

    /** One page of payments matching the filter, newest first, and the sums of all of them. */
    async payments(
      tenantId: string,
      filter: PaymentFilter,
      page: { before?: string; limit: number },
    ): Promise<{ items: Payment[]; sums: PaymentSums; nextBefore?: string }> {
      const before = page.before && isUuid(page.before) ? page.before : undefined;
      const [rows, sums] = await Promise.all([
        repo.page(tenantId, filter, { before, limit: page.limit }),
        repo.sums(tenantId, filter),
      ]);
      const last = rows.at(-1);
      return {
        items: rows.map(toPayment),
        sums: {
          count: sums.count,
          paidCents: sums.paid_cents,
          refundedCents: sums.refunded_cents,
          netCents: sums.paid_cents - sums.refunded_cents,
        },
        nextBefore: rows.length === page.limit && last ? last.id : undefined,
      };
    },

    serviceSlugs: (tenantId: string) => repo.serviceSlugs(tenantId),

    /** A new API token for the treasury software; the token itself is returned once and never stored. */
    async createToken(
      tenantId: string,
      staffId: string,
      label: string,
    ): Promise<{ id: string; token: string }> {
      const token = `${tokenPrefix}${newSecret()}`;
      const id = uuidv7();
      await repo.insertToken(tenantId, { id, label, tokenHash: hashSecret(token), staffId });
      return { id, token };
    },

    tokens: async (tenantId: string): Promise<TreasuryToken[]> =>
      (await repo.tokens(tenantId)).map((row) => ({
        id: row.id,
        label: row.label,
        createdBy: row.created_by,
        createdAt: row.created_at,
        lastUsedAt: row.last_used_at,
        revokedAt: row.revoked_at,
      })),

    /** Revokes a live token; its label, or undefined when there was no live token with this id. */
    revokeToken: async (tenantId: string, id: string): Promise<string | undefined> =>
      isUuid(id) ? (await repo.revokeToken(tenantId, id))?.label : undefined,

    /** The live token of this municipality that `token` is (its use is noted), or undefined. */
    async authenticate(tenantId: string, token: string): Promise<{ id: string; label: string } | undefined> {
      if (!token.startsWith(tokenPrefix) || token.length > 100) return undefined;
      return repo.useToken(tenantId, hashSecret(token));
    },
  };
}

export type TreasuryService = ReturnType<typeof createTreasuryService>;
