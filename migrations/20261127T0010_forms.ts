import { type Kysely, sql } from "kysely";

// Form definitions of the online services, versioned per municipality and form key. A published version is
// frozen: applications reference it, so a trigger refuses every change to it (and its deletion while the
// municipality exists); new wording means a new version. At most one draft per form key.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table form_definitions (
      tenant_id uuid not null references tenants (id) on delete cascade,
      form_key text not null check (form_key ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(form_key) <= 80),
      version integer not null check (version >= 1),
      status text not null check (status in ('draft', 'published')),
      definition jsonb not null,
      created_at timestamptz not null default now(),
      published_at timestamptz,
      primary key (tenant_id, form_key, version),
      check ((status = 'published') = (published_at is not null))
    )`.execute(db);
  await sql`
    create unique index form_definitions_draft_idx on form_definitions (tenant_id, form_key)
    where status = 'draft'`.execute(db);
  await sql`
    create function form_definitions_frozen() returns trigger language plpgsql as $$
    begin
      if old.status = 'published'
        and (tg_op = 'UPDATE' or exists (select 1 from tenants where id = old.tenant_id)) then
        raise exception 'form definition %/% is published and cannot be changed', old.form_key, old.version
          using errcode = 'restrict_violation';
      end if;
      return case when tg_op = 'DELETE' then old else new end;
    end $$`.execute(db);
  await sql`
    create trigger form_definitions_frozen before update or delete on form_definitions
    for each row execute function form_definitions_frozen()`.execute(db);
}
