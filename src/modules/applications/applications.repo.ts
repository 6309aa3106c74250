import { type TenantInsert, tenantScope } from "#core/db/tenant-scope.ts";
import type { Db } from "#core/db/transaction.ts";
import type { ApplicationRow, DraftRow } from "./applications.schema.ts";

/**
 * Queries of drafts and applications; every one is bound to its municipality. A citizen's lists name the
 * municipalities (`tenant_id = any(…)`), so the tenant-first indexes serve them at one or at all.
 */
export function applicationsRepo(db: Db) {
  const scope = (tenantId: string) => tenantScope(db, tenantId);
  return {
    insertDraft: (tenantId: string, values: TenantInsert<"application_drafts">) =>
      scope(tenantId).insertInto("application_drafts", values).execute(),

    /** A draft that has not expired (submitted ones too: their confirmation is shown from them). */
    findDraft: (tenantId: string, id: string): Promise<DraftRow | undefined> =>
      scope(tenantId)
        .selectFrom("application_drafts")
        .selectAll()
        .where("id", "=", id)
        .where("expires_at", ">", new Date())
        .executeTakeFirst(),

    /** Locks the draft until the transaction ends: a second submit waits and then finds the application. */
    lockDraft: (tenantId: string, id: string): Promise<DraftRow | undefined> =>
      scope(tenantId)
        .selectFrom("application_drafts")
        .selectAll()
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst(),

    async saveAnswers(tenantId: string, id: string, answers: unknown, expiresAt: Date): Promise<void> {
      await scope(tenantId)
        .updateTable("application_drafts")
        .set({ answers: JSON.stringify(answers), updated_at: new Date(), expires_at: expiresAt })
        .where("id", "=", id)
        .where("application_id", "is", null)
        .execute();
    },

    async markSubmitted(tenantId: string, id: string, applicationId: string): Promise<void> {
      await scope(tenantId)
        .updateTable("application_drafts")
        .set({ application_id: applicationId, updated_at: new Date() })
        .where("id", "=", id)
        .execute();
    },

    /** Open drafts of a citizen at these municipalities, newest first. */
    openDraftsOf: (citizenId: string, tenantIds: readonly string[]): Promise<DraftRow[]> =>
      db
        .selectFrom("application_drafts")
        .selectAll()
        .where("tenant_id", "=", (eb) => eb.fn.any(eb.val(tenantIds)))
        .where("citizen_id", "=", citizenId)
        .where("application_id", "is", null)
        .where("expires_at", ">", new Date())
        .orderBy("updated_at", "desc")
        .limit(100)
        .execute(),

    /** Expired, never submitted drafts: deleted with their uploads by the hourly clean-up. */
    expiredDrafts: (limit: number) =>
      db
        .selectFrom("application_drafts")
        .select(["tenant_id", "id"])
        .where("expires_at", "<=", new Date())
        .where("application_id", "is", null)
        .limit(limit)
        .execute(),

    deleteDraft: (tenantId: string, id: string) =>
      scope(tenantId).deleteFrom("application_drafts").where("id", "=", id).execute(),

    insertApplication: (tenantId: string, values: TenantInsert<"applications">) =>
      scope(tenantId).insertInto("applications", values).returningAll().executeTakeFirstOrThrow(),

    findApplication: (tenantId: string, id: string): Promise<ApplicationRow | undefined> =>
      scope(tenantId).selectFrom("applications").selectAll().where("id", "=", id).executeTakeFirst(),

    findByReference: (tenantId: string, reference: string): Promise<ApplicationRow | undefined> =>
      scope(tenantId)
        .selectFrom("applications")
        .selectAll()
        .where("reference", "=", reference)
        .executeTakeFirst(),

    /** A citizen's applications at these municipalities, newest first. */
    applicationsOf: (citizenId: string, tenantIds: readonly string[]): Promise<ApplicationRow[]> =>
      db
        .selectFrom("applications")
        .selectAll()
        .where("tenant_id", "=", (eb) => eb.fn.any(eb.val(tenantIds)))
        .where("citizen_id", "=", citizenId)
        .orderBy("submitted_at", "desc")
        .orderBy("id", "desc")
        .limit(200)
        .execute(),

    /** Marks the fee paid; an application waiting for it is submitted now. Undefined when already marked. */
    async markFeePaid(tenantId: string, id: string, statusSecretHash: string, at: Date) {
      const before = await scope(tenantId)
        .selectFrom("applications")
        .select(["status", "fee_paid_at"])
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
      if (!before || before.fee_paid_at) return undefined;
      const waiting = before.status === "awaiting_payment";
      return scope(tenantId)
        .updateTable("applications")
        .set(
          waiting
            ? { fee_paid_at: at, status: "submitted", submitted_at: at, status_secret_hash: statusSecretHash }
            : { fee_paid_at: at },
        )
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow()
        .then((row) => ({ row, submittedNow: waiting }));
    },

    /** Applications whose fee a clerk still has to set, oldest first; only these services when given. */
    pendingFeeDecisions: (tenantId: string, serviceSlugs: readonly string[] | undefined) => {
      let query = scope(tenantId)
        .selectFrom("applications")
        .selectAll()
        .where("fee_decision", "=", "pending");
      if (serviceSlugs) query = query.where("service_slug", "=", (eb) => eb.fn.any(eb.val(serviceSlugs)));
      return query.orderBy("submitted_at").orderBy("id").limit(200).execute();
    },

    lockApplication: (tenantId: string, id: string): Promise<ApplicationRow | undefined> =>
      scope(tenantId)
        .selectFrom("applications")
        .selectAll()
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst(),

    recordFeeDecision: (tenantId: string, id: string, decision: "billed" | "waived", feeCents: number) =>
      scope(tenantId)
        .updateTable("applications")
        .set({ fee_decision: decision, fee_decided_at: new Date(), fee_cents: feeCents })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    async setReceipt(tenantId: string, id: string, fileId: string): Promise<void> {
      await scope(tenantId)
        .updateTable("applications")
        .set({ receipt_file_id: fileId })
        .where("id", "=", id)
        .execute();
    },
  };
}

export type ApplicationsRepo = ReturnType<typeof applicationsRepo>;
