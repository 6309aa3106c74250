import type { Updateable } from "kysely";
import { type TenantInsert, tenantScope } from "#core/db/tenant-scope.ts";
import type { Db } from "#core/db/transaction.ts";
import type { AttemptRow, PaymentRow, PaymentsTable, ProviderName } from "./payments.schema.ts";

/** Queries of payments, their attempts, transitions and refunds; all bound to one municipality but expiry's. */
export function paymentsRepo(db: Db) {
  const scope = (tenantId: string) => tenantScope(db, tenantId);
  return {
    settings: (tenantId: string) =>
      scope(tenantId)
        .selectFrom("payment_settings")
        .select(["kassenzeichen_pattern", "provider"])
        .executeTakeFirst(),

    /** The settings row locked until the transaction ends (undefined while the defaults apply). */
    lockSettings: (tenantId: string) =>
      scope(tenantId)
        .selectFrom("payment_settings")
        .select(["kassenzeichen_pattern", "provider"])
        .forUpdate()
        .executeTakeFirst(),

    /** Inserts or replaces the municipality's settings in one statement. */
    upsertSettings: async (
      tenantId: string,
      values: { kassenzeichen_pattern: string; provider: ProviderName },
    ) => {
      await scope(tenantId)
        .insertInto("payment_settings", values)
        .onConflict((conflict) => conflict.column("tenant_id").doUpdateSet(values))
        .execute();
    },

    /** The last number core/references drew for `scope` in `year`, or 0. */
    lastReferenceNumber: async (tenantId: string, referenceScope: string, year: number): Promise<number> => {
      const row = await scope(tenantId)
        .selectFrom("reference_counters")
        .select("last_value")
        .where("scope", "=", referenceScope)
        .where("year", "=", year)
        .executeTakeFirst();
      return row?.last_value ?? 0;
    },

    insertPayment: (tenantId: string, values: TenantInsert<"payments">): Promise<PaymentRow> =>
      scope(tenantId).insertInto("payments", values).returningAll().executeTakeFirstOrThrow(),

    findPayment: (tenantId: string, id: string): Promise<PaymentRow | undefined> =>
      scope(tenantId).selectFrom("payments").selectAll().where("id", "=", id).executeTakeFirst(),

    /** Locks the payment until the transaction ends: every change of a payment happens under this lock. */
    lockPayment: (tenantId: string, id: string): Promise<PaymentRow | undefined> =>
      scope(tenantId).selectFrom("payments").selectAll().where("id", "=", id).forUpdate().executeTakeFirst(),

    paymentsOfApplications: (tenantId: string, applicationIds: readonly string[]): Promise<PaymentRow[]> =>
      applicationIds.length === 0
        ? Promise.resolve([])
        : scope(tenantId)
            .selectFrom("payments")
            .selectAll()
            .where("application_id", "in", applicationIds)
            .orderBy("created_at")
            .orderBy("id")
            .execute(),

    updatePayment: (
      tenantId: string,
      id: string,
      values: Omit<Updateable<PaymentsTable>, "tenant_id" | "id">,
    ): Promise<PaymentRow> =>
      scope(tenantId)
        .updateTable("payments")
        .set({ ...values, updated_at: new Date() })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    insertTransition: async (tenantId: string, values: TenantInsert<"payment_transitions">) => {
      await scope(tenantId).insertInto("payment_transitions", values).execute();
    },

    transitions: (tenantId: string, paymentId: string) =>
      scope(tenantId)
        .selectFrom("payment_transitions")
        .selectAll()
        .where("payment_id", "=", paymentId)
        .orderBy("id")
        .execute(),

    insertAttempt: (tenantId: string, values: TenantInsert<"payment_attempts">): Promise<AttemptRow> =>
      scope(tenantId).insertInto("payment_attempts", values).returningAll().executeTakeFirstOrThrow(),

    findAttempt: (tenantId: string, id: string): Promise<AttemptRow | undefined> =>
      scope(tenantId).selectFrom("payment_attempts").selectAll().where("id", "=", id).executeTakeFirst(),

    findAttemptByProviderId: (
      tenantId: string,
      provider: ProviderName,
      providerPaymentId: string,
    ): Promise<AttemptRow | undefined> =>
      scope(tenantId)
        .selectFrom("payment_attempts")
        .selectAll()
        .where("provider", "=", provider)
        .where("provider_payment_id", "=", providerPaymentId)
        .executeTakeFirst(),

    latestAttempt: (tenantId: string, paymentId: string): Promise<AttemptRow | undefined> =>
      scope(tenantId)
        .selectFrom("payment_attempts")
        .selectAll()
        .where("payment_id", "=", paymentId)
        .orderBy("attempt_no", "desc")
        .limit(1)
        .executeTakeFirst(),

    attempts: (tenantId: string, paymentId: string): Promise<AttemptRow[]> =>
      scope(tenantId)
        .selectFrom("payment_attempts")
        .selectAll()
        .where("payment_id", "=", paymentId)
        .orderBy("attempt_no")
        .execute(),

    updateAttempt: async (
      tenantId: string,
      id: string,
      values: Pick<Updateable<AttemptRow>, "state" | "provider_payment_id" | "method" | "finished_at">,
    ) => {
      await scope(tenantId).updateTable("payment_attempts").set(values).where("id", "=", id).execute();
    },

    /** Started attempts whose time ran out, at every municipality (for the expiry run). */
    staleAttempts: (now: Date, limit: number) =>
      db
        .selectFrom("payment_attempts")
        .select(["tenant_id", "id", "payment_id"])
        .where("state", "=", "started")
        .where("expires_at", "<=", now)
        .orderBy("expires_at")
        .limit(limit)
        .execute(),

    insertRefund: async (tenantId: string, values: TenantInsert<"payment_refunds">) => {
      await scope(tenantId).insertInto("payment_refunds", values).execute();
    },

    refunds: (tenantId: string, paymentId: string) =>
      scope(tenantId)
        .selectFrom("payment_refunds")
        .selectAll()
        .where("payment_id", "=", paymentId)
        .orderBy("created_at")
        .orderBy("id")
        .execute(),
  };
}

export type PaymentsRepo = ReturnType<typeof paymentsRepo>;
