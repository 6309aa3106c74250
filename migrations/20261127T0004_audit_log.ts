import { type Kysely, sql } from "kysely";

// Who did what, when, from where: sign-ins, failures, security settings now; every staff action later.
// Rows are written once and never changed. Events happen on a municipality's pages, so the log is
// tenant-owned and keyed by tenant_id first; listing is by tenant, newest first.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_log (
      tenant_id uuid not null references tenants (id) on delete cascade,
      id uuid not null,
      occurred_at timestamptz not null default now(),
      actor_type text not null check (actor_type in ('anonymous', 'citizen', 'staff', 'operator', 'system')),
      actor_id text,
      action text not null check (action ~ '^[a-z_]+\\.[a-z_]+$'),
      target text,
      ip text,
      request_id text,
      details jsonb not null default '{}'::jsonb,
      primary key (tenant_id, id)
    )`.execute(db);
  // The primary key serves "newest first" (ids are UUIDv7, time-ordered); this one serves "by whom".
  await sql`create index audit_log_tenant_actor_idx on audit_log (tenant_id, actor_id, id)`.execute(db);
}
