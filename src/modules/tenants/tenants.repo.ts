import type { TenantScope } from "#core/db/tenant-scope.ts";
import type { Db } from "#core/db/transaction.ts";
import type { NewTenantRow, PageKey, TenantPageRow, TenantRow } from "./tenants.schema.ts";

export async function listTenants(db: Db): Promise<TenantRow[]> {
  return db.selectFrom("tenants").selectAll().orderBy("name").execute();
}

export async function listHostnames(db: Db): Promise<{ hostname: string; slug: string }[]> {
  return db
    .selectFrom("tenant_hostnames")
    .innerJoin("tenants", "tenants.id", "tenant_hostnames.tenant_id")
    .select(["tenant_hostnames.hostname", "tenants.slug"])
    .execute();
}

export async function findTenantBySlug(db: Db, slug: string): Promise<TenantRow | undefined> {
  return db.selectFrom("tenants").selectAll().where("slug", "=", slug).executeTakeFirst();
}

/** Inserts or, when the slug exists, updates the municipality's public data. Returns its id. */
export async function upsertTenant(db: Db, row: NewTenantRow): Promise<string> {
  const { id, slug, ...data } = row;
  const saved = await db
    .insertInto("tenants")
    .values(row)
    .onConflict((oc) => oc.column("slug").doUpdateSet({ ...data, updated_at: new Date() }))
    .returning("id")
    .executeTakeFirstOrThrow();
  return saved.id;
}

export async function replaceHostnames(db: Db, tenantId: string, hostnames: string[]): Promise<void> {
  await db.deleteFrom("tenant_hostnames").where("tenant_id", "=", tenantId).execute();
  if (hostnames.length === 0) return;
  await db
    .insertInto("tenant_hostnames")
    .values(hostnames.map((hostname) => ({ hostname, tenant_id: tenantId })))
    .execute();
}

export async function findPage(
  scope: TenantScope,
  key: PageKey,
  lang: "de" | "en",
): Promise<TenantPageRow[]> {
  return scope
    .selectFrom("tenant_pages")
    .selectAll()
    .where("page_key", "=", key)
    .where("lang", "in", [lang, "de"])
    .execute();
}

export async function upsertPage(
  scope: TenantScope,
  page: { page_key: PageKey; lang: "de" | "en"; title: string; body: string },
): Promise<void> {
  await scope
    .insertInto("tenant_pages", page)
    .onConflict((oc) =>
      oc
        .columns(["tenant_id", "page_key", "lang"])
        .doUpdateSet({ title: page.title, body: page.body, updated_at: new Date() }),
    )
    .execute();
}
