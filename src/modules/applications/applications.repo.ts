import { type TenantInsert, tenantScope } from "#core/db/tenant-scope.ts";
import type { Db } from "#core/db/transaction.ts";
import type { ApplicationRow, DraftRow } from "./applications.schema.ts";

/** Queries of drafts and applications; every one is bound to its municipality except the citizen's overview. */
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

    /** Open drafts of a citizen, newest first; `tenantId` undefined: at every municipality. */
    openDraftsOf: (citizenId: string, tenantId?: string): Promise<DraftRow[]> => {
      let query = db
        .selectFrom("application_drafts")
        .selectAll()
        .where("citizen_id", "=", citizenId)
        .where("application_id", "is", null)
        .where("expires_at", ">", new Date());
      if (tenantId) query = query.where("tenant_id", "=", tenantId);
      return query.orderBy("updated_at", "desc").limit(100).execute();
    },

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

    /** A citizen's applications, newest first; `tenantId` undefined: at every municipality. */
    applicationsOf: (citizenId: string, tenantId?: string): Promise<ApplicationRow[]> => {
      let query = db.selectFrom("applications").selectAll().where("citizen_id", "=", citizenId);
      if (tenantId) query = query.where("tenant_id", "=", tenantId);
      return query.orderBy("submitted_at", "desc").orderBy("id", "desc").limit(200).execute();
    },

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
