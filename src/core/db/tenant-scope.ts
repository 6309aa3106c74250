import type {
  DeleteQueryBuilder,
  DeleteResult,
  Insertable,
  InsertQueryBuilder,
  InsertResult,
  SelectQueryBuilder,
  UpdateQueryBuilder,
  UpdateResult,
} from "kysely";
import type { Database } from "./database.ts";
import type { Db } from "./transaction.ts";

/** Tables that belong to one tenant: every such table has a `tenant_id` column leading its primary key. */
export type TenantTable = {
  [T in keyof Database]: Database[T] extends { tenant_id: string } ? T : never;
}[keyof Database];

export type TenantInsert<T extends TenantTable> = Omit<Insertable<Database[T]>, "tenant_id">;

/**
 * Query builders bound to one tenant. Repository code for tenant-owned tables receives a scope instead of
 * the raw database, so every select, update and delete is filtered by `tenant_id` and every insert gets it
 * set: forgetting the tenant is not possible by construction.
 */
export interface TenantScope {
  readonly tenantId: string;
  readonly db: Db;
  selectFrom<T extends TenantTable>(table: T): SelectQueryBuilder<Database, T, object>;
  insertInto<T extends TenantTable>(
    table: T,
    values: TenantInsert<T> | readonly TenantInsert<T>[],
  ): InsertQueryBuilder<Database, T, InsertResult>;
  updateTable<T extends TenantTable>(table: T): UpdateQueryBuilder<Database, T, T, UpdateResult>;
  deleteFrom<T extends TenantTable>(table: T): DeleteQueryBuilder<Database, T, DeleteResult>;
}

export function tenantScope(db: Db, tenantId: string): TenantScope {
  // Kysely cannot type a column reference built from a generic table name; the public signatures above can.
  // biome-ignore lint/suspicious/noExplicitAny: see above
  const anyDb = db as any;
  const column = (table: string) => `${table}.tenant_id`;
  return {
    tenantId,
    db,
    selectFrom: (table) => anyDb.selectFrom(table).where(column(table), "=", tenantId),
    insertInto: (table, values) => {
      const rows = (Array.isArray(values) ? values : [values]).map((row) => ({
        ...row,
        tenant_id: tenantId,
      }));
      return anyDb.insertInto(table).values(rows);
    },
    updateTable: (table) => anyDb.updateTable(table).where(column(table), "=", tenantId),
    deleteFrom: (table) => anyDb.deleteFrom(table).where(column(table), "=", tenantId),
  };
}
