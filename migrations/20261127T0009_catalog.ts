import { type Kysely, sql } from "kysely";

// The service catalog of each municipality (Leistungskatalog). Lists (life situations, categories, documents,
// legal bases, opening hours) are jsonb, so both drivers read and write them as plain JSON.
//
// Search: a stored tsvector with the `german` configuration. A GIN index cannot lead with a uuid column
// unless btree_gin provides the uuid operator class, so the index (tenant_id, search_vector) is created where
// btree_gin can be loaded (PGlite ships it as contrib; the PostgreSQL server has it in postgresql-contrib).
// Typo-tolerant search uses pg_trgm the same way. Both extensions are trusted since PostgreSQL 13, so the
// database owner may create them; where they are missing the migration still succeeds: the search then
// narrows by the (tenant_id, slug) index and checks each of the municipality's few hundred services, and the
// catalog service skips the trigram fallback.
async function tryCreateExtension(db: Kysely<unknown>, name: "pg_trgm" | "btree_gin"): Promise<void> {
  await sql`
    do $$
    begin
      if exists (select 1 from pg_available_extensions where name = ${sql.lit(name)}) then
        execute format('create extension if not exists %I', ${sql.lit(name)});
      end if;
    exception when others then
      raise notice 'extension % not created: %', ${sql.lit(name)}, sqlerrm;
    end $$`.execute(db);
}

async function hasExtension(db: Kysely<unknown>, name: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    select exists (select 1 from pg_extension where extname = ${name}) as found`.execute(db);
  return rows[0]?.found === true;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await tryCreateExtension(db, "pg_trgm");
  await tryCreateExtension(db, "btree_gin");
  await sql`
    create table catalog_services (
      tenant_id uuid not null references tenants (id) on delete cascade,
      id uuid not null,
      slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
      leika_key text check (leika_key ~ '^[0-9]{14}$'),
      name_de text not null check (length(name_de) between 1 and 200),
      name_en text not null default '',
      summary_de text not null default '',
      summary_en text not null default '',
      description_de text not null default '',
      description_en text not null default '',
      plain_language_de text not null default '',
      keywords text not null default '',
      life_situations jsonb not null default '[]',
      categories jsonb not null default '[]',
      department_id uuid,
      office jsonb not null default '{}',
      opening_hours jsonb not null default '[]',
      fees text not null default '',
      documents jsonb not null default '[]',
      legal_bases jsonb not null default '[]',
      processing_time text not null default '',
      fully_online boolean not null default false,
      form_key text check (form_key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      popularity integer not null default 0 check (popularity >= 0),
      search_vector tsvector generated always as (
        setweight(to_tsvector('german'::regconfig, name_de || ' ' || keywords), 'A') ||
        setweight(to_tsvector('simple'::regconfig, name_en), 'A') ||
        setweight(to_tsvector('german'::regconfig, summary_de || ' ' || plain_language_de), 'B') ||
        setweight(to_tsvector('simple'::regconfig, summary_en), 'B') ||
        setweight(to_tsvector('german'::regconfig, description_de), 'C')
      ) stored,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, department_id) references departments (tenant_id, id)
        on delete set null (department_id)
    )`.execute(db);
  await sql`create unique index catalog_services_slug_idx on catalog_services (tenant_id, slug)`.execute(db);
  await sql`create index catalog_services_popular_idx on catalog_services (tenant_id, popularity desc)`.execute(
    db,
  );
  if (await hasExtension(db, "btree_gin")) {
    await sql`create index catalog_services_search_idx on catalog_services using gin (tenant_id, search_vector)`.execute(
      db,
    );
    if (await hasExtension(db, "pg_trgm")) {
      await sql`
        create index catalog_services_trgm_idx
          on catalog_services using gin (tenant_id, name_de gin_trgm_ops, keywords gin_trgm_ops)`.execute(db);
    }
  }
}
