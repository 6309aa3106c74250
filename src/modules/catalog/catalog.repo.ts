import { sql } from "kysely";
import type { TenantScope } from "#core/db/tenant-scope.ts";
import type { Db } from "#core/db/transaction.ts";
import type { CatalogServiceRow, NewCatalogServiceRow } from "./catalog.schema.ts";

type ServiceValues = Omit<NewCatalogServiceRow, "tenant_id">;

/** Inserts the service or, when the municipality has one with this slug, updates it. Returns its id. */
export async function upsertService(scope: TenantScope, values: ServiceValues): Promise<string> {
  const { id, slug, ...data } = values;
  const saved = await scope
    .insertInto("catalog_services", values)
    .onConflict((oc) => oc.columns(["tenant_id", "slug"]).doUpdateSet({ ...data, updated_at: new Date() }))
    .returning("id")
    .executeTakeFirstOrThrow();
  return saved.id;
}

export function findBySlug(scope: TenantScope, slug: string): Promise<CatalogServiceRow | undefined> {
  return scope.selectFrom("catalog_services").selectAll().where("slug", "=", slug).executeTakeFirst();
}

/** All services of the municipality (a catalog has tens to a few hundred entries). */
export function listAll(scope: TenantScope): Promise<CatalogServiceRow[]> {
  return scope.selectFrom("catalog_services").selectAll().orderBy("name_de").execute();
}

export function listPopular(scope: TenantScope, limit: number): Promise<CatalogServiceRow[]> {
  return scope
    .selectFrom("catalog_services")
    .selectAll()
    .where("popularity", ">", 0)
    .orderBy("popularity", "desc")
    .orderBy("name_de")
    .limit(limit)
    .execute();
}

export function listByLifeSituation(scope: TenantScope, key: string): Promise<CatalogServiceRow[]> {
  return scope
    .selectFrom("catalog_services")
    .selectAll()
    .where(sql<boolean>`life_situations @> ${JSON.stringify([key])}::jsonb`)
    .orderBy("name_de")
    .execute();
}

/** Keyset page by slug, for the API. */
export function listPage(
  scope: TenantScope,
  page: { after?: string; limit: number },
): Promise<CatalogServiceRow[]> {
  let query = scope.selectFrom("catalog_services").selectAll().orderBy("slug").limit(page.limit);
  if (page.after !== undefined) query = query.where("slug", ">", page.after);
  return query.execute();
}

/** Full-text search; `tsquery` is built by the service from plain words (german stemming, prefix match). */
export function searchFullText(
  scope: TenantScope,
  tsquery: string,
  limit: number,
): Promise<CatalogServiceRow[]> {
  const query = sql`to_tsquery('german', ${tsquery})`;
  return scope
    .selectFrom("catalog_services")
    .selectAll()
    .where(sql<boolean>`search_vector @@ ${query}`)
    .orderBy(sql`ts_rank(search_vector, ${query})`, "desc")
    .orderBy("popularity", "desc")
    .orderBy("name_de")
    .limit(limit)
    .execute();
}

/** Typo-tolerant search over names and keywords (pg_trgm word similarity); only where pg_trgm is installed. */
export function searchSimilar(scope: TenantScope, text: string, limit: number): Promise<CatalogServiceRow[]> {
  const score = sql<number>`greatest(word_similarity(${text}, name_de), word_similarity(${text}, name_en), word_similarity(${text}, keywords))`;
  return scope
    .selectFrom("catalog_services")
    .selectAll()
    .where(score, ">=", 0.45)
    .orderBy(score, "desc")
    .orderBy("popularity", "desc")
    .limit(limit)
    .execute();
}

export async function hasTrigramSupport(db: Db): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    select exists (select 1 from pg_extension where extname = 'pg_trgm') as found`.execute(db);
  return rows[0]?.found === true;
}
