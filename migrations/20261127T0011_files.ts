import { type Kysely, sql } from "kysely";

// Files citizens upload (and, later, documents the town produces), tenant-owned and keyed by tenant_id first.
// The bytes live in the file store (a folder under DATA_DIR, one blob per row, named by the id); this table
// is what makes a blob "referenced". An upload belongs to its owner (e.g. a draft) in state 'draft' and can be
// removed until the owner is submitted, which turns it 'final'.
//
// Human references (Aktenzeichen, Kassenzeichen) come from reference_counters: one row per tenant, scope and
// year, incremented inside the transaction that uses the number, so a rolled-back transaction gives its number
// back and the sequence has no gaps. tenants.reference_prefix optionally overrides the prefix derived from the
// municipality's name ("USI" for Usingen).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table stored_files (
      tenant_id uuid not null references tenants (id) on delete cascade,
      id uuid not null,
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      size integer not null check (size >= 0),
      media_type text not null check (media_type ~ '^[a-z0-9.+-]+/[a-z0-9.+-]+$' and length(media_type) <= 100),
      original_name text not null check (length(original_name) between 1 and 255),
      document_type text check (length(document_type) between 1 and 100),
      owner_kind text not null check (owner_kind ~ '^[a-z_]{1,40}$'),
      owner_id text not null check (length(owner_id) between 1 and 100),
      state text not null default 'draft' check (state in ('draft', 'final')),
      created_at timestamptz not null default now(),
      primary key (tenant_id, id)
    )`.execute(db);
  await sql`create index stored_files_owner_idx on stored_files (tenant_id, owner_kind, owner_id, id)`.execute(
    db,
  );
  await sql`
    create table reference_counters (
      tenant_id uuid not null references tenants (id) on delete cascade,
      scope text not null check (scope ~ '^[a-z_]{1,40}$'),
      year integer not null check (year between 2000 and 9999),
      last_value integer not null check (last_value > 0),
      primary key (tenant_id, scope, year)
    )`.execute(db);
  await sql`alter table tenants add column reference_prefix text check (reference_prefix ~ '^[A-Z]{2,6}$')`.execute(
    db,
  );
}
