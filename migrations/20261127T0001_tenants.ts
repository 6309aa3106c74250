import { type Kysely, sql } from "kysely";

// Tenants and their hostnames are installation-wide reference tables (Citus: reference tables);
// tenant_pages is tenant-owned and keyed by tenant_id first.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table tenants (
      id uuid primary key,
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 63),
      name text not null check (length(name) between 1 and 200),
      official_name text not null check (length(official_name) between 1 and 200),
      street text not null default '',
      postal_code text not null default '',
      city text not null default '',
      phone text not null default '',
      email text not null default '',
      website text not null default '',
      opening_hours jsonb not null default '[]'::jsonb,
      primary_colour text not null default '#0b5394' check (primary_colour ~ '^#[0-9a-fA-F]{6}$'),
      logo_svg text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table tenant_hostnames (
      hostname text primary key check (hostname = lower(hostname) and length(hostname) <= 253),
      tenant_id uuid not null references tenants (id) on delete cascade
    )`.execute(db);
  await sql`create index tenant_hostnames_tenant_idx on tenant_hostnames (tenant_id)`.execute(db);
  await sql`
    create table tenant_pages (
      tenant_id uuid not null references tenants (id) on delete cascade,
      page_key text not null check (page_key in ('impressum', 'datenschutz', 'barrierefreiheit')),
      lang text not null check (lang in ('de', 'en')),
      title text not null,
      body text not null,
      updated_at timestamptz not null default now(),
      primary key (tenant_id, page_key, lang)
    )`.execute(db);
}
