import { type Kysely, sql } from "kysely";

// The treasury (Stadtkasse) of a municipality fetches its daily bookings from the JSON endpoint with an API
// token that an administrator creates in the back office: shown once, stored only as its SHA-256, revocable.
// Tokens are looked up per municipality, so one municipality's token opens nothing at another. The treasury's
// staff get a role of their own ("Kasse") to see and refund payments.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table treasury_tokens (
      tenant_id uuid not null references tenants (id) on delete cascade,
      id uuid not null,
      label text not null check (length(label) between 1 and 80),
      token_hash text not null check (token_hash ~ '^[0-9a-f]{64}$'),
      created_by uuid not null,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz,
      primary key (tenant_id, id),
      unique (tenant_id, token_hash)
    )`.execute(db);
  await sql`alter table staff_roles drop constraint staff_roles_role_check`.execute(db);
  await sql`
    alter table staff_roles add constraint staff_roles_role_check
      check (role in ('admin', 'clerk', 'department_lead', 'council_office', 'council_member', 'treasury'))`.execute(
    db,
  );
}
