import { isUuid } from "#core/db/ids.ts";
import { tenantScope } from "#core/db/tenant-scope.ts";
import type { Db } from "#core/db/transaction.ts";
import type { StoredFileRow, StoredFilesTable } from "./files.schema.ts";

/** Who a file belongs to: `{ kind: "application_draft", id }`, later `{ kind: "application", id }`. */
export interface FileOwner {
  kind: string;
  id: string;
}

export type NewStoredFile = Omit<StoredFilesTable, "tenant_id" | "state" | "created_at">;

/** Ids arrive in URLs: anything that is no UUID is simply not found (and never reaches a uuid column). */
export function isFileId(id: string): boolean {
  return isUuid(id);
}

export function filesRepo(db: Db) {
  return {
    insert: (tenantId: string, row: NewStoredFile) =>
      tenantScope(db, tenantId).insertInto("stored_files", row).returningAll().executeTakeFirstOrThrow(),

    find: (tenantId: string, id: string): Promise<StoredFileRow | undefined> =>
      tenantScope(db, tenantId)
        .selectFrom("stored_files")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst(),

    listByOwner: (tenantId: string, owner: FileOwner): Promise<StoredFileRow[]> =>
      tenantScope(db, tenantId)
        .selectFrom("stored_files")
        .selectAll()
        .where("owner_kind", "=", owner.kind)
        .where("owner_id", "=", owner.id)
        .orderBy("id")
        .execute(),

    deleteDraft: (tenantId: string, id: string, owner: FileOwner) =>
      tenantScope(db, tenantId)
        .deleteFrom("stored_files")
        .where("id", "=", id)
        .where("owner_kind", "=", owner.kind)
        .where("owner_id", "=", owner.id)
        .where("state", "=", "draft")
        .returning("id")
        .executeTakeFirst(),

    deleteDraftsOf: async (tenantId: string, owner: FileOwner): Promise<number> => {
      const result = await tenantScope(db, tenantId)
        .deleteFrom("stored_files")
        .where("owner_kind", "=", owner.kind)
        .where("owner_id", "=", owner.id)
        .where("state", "=", "draft")
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    finalize: async (tenantId: string, from: FileOwner, to: FileOwner, ids?: readonly string[]) => {
      let query = tenantScope(db, tenantId)
        .updateTable("stored_files")
        .set({ owner_kind: to.kind, owner_id: to.id, state: "final" })
        .where("owner_kind", "=", from.kind)
        .where("owner_id", "=", from.id)
        .where("state", "=", "draft");
      if (ids) {
        const valid = ids.filter(isFileId);
        if (valid.length === 0) return [];
        query = query.where("id", "in", valid);
      }
      const rows = await query.returningAll().execute();
      return rows.sort((a, b) => (a.id < b.id ? -1 : 1));
    },

    /** Which of these ids have a row: the others are blobs nobody references. */
    existing: async (tenantId: string, ids: readonly string[]): Promise<Set<string>> => {
      if (ids.length === 0) return new Set();
      const rows = await tenantScope(db, tenantId)
        .selectFrom("stored_files")
        .select("id")
        .where("id", "in", ids)
        .execute();
      return new Set(rows.map((row) => row.id));
    },
  };
}
