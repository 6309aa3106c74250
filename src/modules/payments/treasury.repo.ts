import { type ExpressionBuilder, sql } from "kysely";
import type { Database } from "#core/db/database.ts";
import { type TenantScope, tenantScope } from "#core/db/tenant-scope.ts";
import type { Db } from "#core/db/transaction.ts";
import type { PaymentRow, PaymentState } from "./payments.schema.ts";
import { paidStates } from "./payments.states.ts";
import type { TreasuryTokenRow } from "./treasury.schema.ts";

export interface PaymentFilter {
  /** Calendar days in Berlin (`yyyy-mm-dd`), both included; on the day the payment was created. */
  from?: string;
  to?: string;
  state?: PaymentState;
  serviceSlug?: string;
}

/** Midnight in Berlin at the start of a calendar day (`yyyy-mm-dd`), daylight saving time included. */
const berlinMidnight = (day: string, plusDays = 0) =>
  sql<Date>`(${day}::date + ${plusDays}::integer)::timestamp at time zone 'Europe/Berlin'`;

function filtered(scope: TenantScope, filter: PaymentFilter) {
  let query = scope.selectFrom("payments");
  if (filter.from) query = query.where("created_at", ">=", berlinMidnight(filter.from));
  if (filter.to) query = query.where("created_at", "<", berlinMidnight(filter.to, 1));
  if (filter.state) query = query.where("state", "=", filter.state);
  if (filter.serviceSlug) query = query.where("service_slug", "=", filter.serviceSlug);
  return query;
}

const paid = (eb: ExpressionBuilder<Database, "payments">) => eb("state", "in", paidStates);

/** Queries of the treasury: bookings of a day, the staff's payment list with its sums, the API tokens. */
export function treasuryRepo(db: Db) {
  const scope = (tenantId: string) => tenantScope(db, tenantId);
  return {
    /** Payments whose money arrived on a Berlin calendar day, in that order. */
    paidOn: (tenantId: string, day: string): Promise<PaymentRow[]> =>
      scope(tenantId)
        .selectFrom("payments")
        .selectAll()
        .where("succeeded_at", ">=", berlinMidnight(day))
        .where("succeeded_at", "<", berlinMidnight(day, 1))
        .orderBy("succeeded_at")
        .orderBy("id")
        .execute(),

    /** Refunds made on a Berlin calendar day, with their payment. */
    refundedOn: (tenantId: string, day: string) =>
      db
        .selectFrom("payment_refunds as r")
        .innerJoin("payments as p", (join) =>
          join.onRef("p.tenant_id", "=", "r.tenant_id").onRef("p.id", "=", "r.payment_id"),
        )
        .selectAll("p")
        .select(["r.id as refund_id", "r.amount_cents as refund_cents", "r.created_at as refunded_at"])
        .where("r.tenant_id", "=", tenantId)
        .where("r.created_at", ">=", berlinMidnight(day))
        .where("r.created_at", "<", berlinMidnight(day, 1))
        .orderBy("r.created_at")
        .orderBy("r.id")
        .execute(),

    /** One page of the filtered payments, newest first; `before` is the last id of the previous page. */
    page: (tenantId: string, filter: PaymentFilter, page: { before?: string; limit: number }) => {
      let query = filtered(scope(tenantId), filter).selectAll();
      if (page.before) query = query.where("id", "<", page.before);
      return query.orderBy("id", "desc").limit(page.limit).execute();
    },

    /** Count and sums of all filtered payments (not only one page). */
    sums: (tenantId: string, filter: PaymentFilter) =>
      filtered(scope(tenantId), filter)
        .select((eb) => [
          eb.fn.countAll<number>().as("count"),
          sql<number>`coalesce(sum(amount_cents) filter (where ${paid(eb)}), 0)::bigint`.as("paid_cents"),
          sql<number>`coalesce(sum(refunded_cents), 0)::bigint`.as("refunded_cents"),
        ])
        .executeTakeFirstOrThrow(),

    /** The services that payments of this municipality were made for, for the filter. */
    serviceSlugs: async (tenantId: string): Promise<string[]> =>
      (
        await scope(tenantId)
          .selectFrom("payments")
          .select("service_slug")
          .distinct()
          .where("service_slug", "is not", null)
          .orderBy("service_slug")
          .execute()
      ).flatMap((row) => (row.service_slug ? [row.service_slug] : [])),

    insertToken: (
      tenantId: string,
      values: { id: string; label: string; tokenHash: string; staffId: string },
    ) =>
      scope(tenantId)
        .insertInto("treasury_tokens", {
          id: values.id,
          label: values.label,
          token_hash: values.tokenHash,
          created_by: values.staffId,
        })
        .execute(),

    tokens: (tenantId: string): Promise<TreasuryTokenRow[]> =>
      scope(tenantId).selectFrom("treasury_tokens").selectAll().orderBy("created_at", "desc").execute(),

    /** Revokes a live token; the revoked row, or undefined when there was none. */
    revokeToken: (tenantId: string, id: string) =>
      scope(tenantId)
        .updateTable("treasury_tokens")
        .set({ revoked_at: new Date() })
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .returning(["id", "label"])
        .executeTakeFirst(),

    /** Marks a live token of this municipality as used now; undefined when there is none with this hash. */
    useToken: (tenantId: string, tokenHash: string) =>
      scope(tenantId)
        .updateTable("treasury_tokens")
        .set({ last_used_at: new Date() })
        .where("token_hash", "=", tokenHash)
        .where("revoked_at", "is", null)
        .returning(["id", "label"])
        .executeTakeFirst(),
  };
}

export type TreasuryRepo = ReturnType<typeof treasuryRepo>;
