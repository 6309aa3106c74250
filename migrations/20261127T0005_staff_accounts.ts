import { type Kysely, sql } from "kysely";

// Staff accounts belong to one municipality: every table is keyed tenant_id first (ready for Citus
// distribution by tenant), and a person working for two municipalities has two accounts. Sessions, recovery
// codes and invitation links store only SHA-256 hashes of their secrets; TOTP seeds are encrypted.
// Operators run the installation (create municipalities and their first administrator); they belong to no
// municipality, so their tables are installation-wide like the citizens'.
const totpColumns = sql`
  totp_secret_enc text,
  totp_pending_enc text,
  totp_enabled_at timestamptz,
  totp_last_step bigint`;

const sessionColumns = sql`
  id_hash text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  auth_method text not null,
  ip text not null default '',
  user_agent text not null default ''`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table departments (
      tenant_id uuid not null references tenants (id) on delete cascade,
      id uuid not null,
      name text not null check (length(name) between 1 and 120),
      email text not null default '',
      phone text not null default '',
      created_at timestamptz not null default now(),
      primary key (tenant_id, id)
    )`.execute(db);
  await sql`create unique index departments_name_idx on departments (tenant_id, lower(name))`.execute(db);
  await sql`
    create table staff_members (
      tenant_id uuid not null references tenants (id) on delete cascade,
      id uuid not null,
      email text not null check (email = lower(email) and length(email) <= 254),
      display_name text not null check (length(display_name) between 1 and 120),
      password_hash text,
      status text not null default 'invited' check (status in ('invited', 'active', 'disabled')),
      ${totpColumns},
      last_login_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id)
    )`.execute(db);
  await sql`create unique index staff_members_email_idx on staff_members (tenant_id, email)`.execute(db);
  await sql`
    create table staff_roles (
      tenant_id uuid not null,
      staff_id uuid not null,
      role text not null
        check (role in ('admin', 'clerk', 'department_lead', 'council_office', 'council_member')),
      primary key (tenant_id, staff_id, role),
      foreign key (tenant_id, staff_id) references staff_members (tenant_id, id) on delete cascade
    )`.execute(db);
  await sql`
    create table staff_departments (
      tenant_id uuid not null,
      staff_id uuid not null,
      department_id uuid not null,
      primary key (tenant_id, staff_id, department_id),
      foreign key (tenant_id, staff_id) references staff_members (tenant_id, id) on delete cascade,
      foreign key (tenant_id, department_id) references departments (tenant_id, id) on delete cascade
    )`.execute(db);
  await sql`
    create table staff_sessions (
      tenant_id uuid not null,
      staff_id uuid not null,
      ${sessionColumns},
      primary key (tenant_id, staff_id, id_hash),
      foreign key (tenant_id, staff_id) references staff_members (tenant_id, id) on delete cascade
    )`.execute(db);
  await sql`
    create table staff_recovery_codes (
      tenant_id uuid not null,
      staff_id uuid not null,
      code_hash text not null,
      used_at timestamptz,
      primary key (tenant_id, staff_id, code_hash),
      foreign key (tenant_id, staff_id) references staff_members (tenant_id, id) on delete cascade
    )`.execute(db);
  // An invitation (or an administrator's access reset) lets the person set a password and a second factor.
  await sql`
    create table staff_invitations (
      tenant_id uuid not null,
      staff_id uuid not null,
      token_hash text not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (tenant_id, staff_id, token_hash),
      foreign key (tenant_id, staff_id) references staff_members (tenant_id, id) on delete cascade
    )`.execute(db);

  await sql`
    create table operators (
      id uuid primary key,
      email text not null unique check (email = lower(email) and length(email) <= 254),
      password_hash text,
      ${totpColumns},
      setup_token_hash text,
      setup_expires_at timestamptz,
      last_login_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table operator_sessions (
      operator_id uuid not null references operators (id) on delete cascade,
      ${sessionColumns},
      primary key (operator_id, id_hash)
    )`.execute(db);
  await sql`
    create table operator_recovery_codes (
      operator_id uuid not null references operators (id) on delete cascade,
      code_hash text not null,
      used_at timestamptz,
      primary key (operator_id, code_hash)
    )`.execute(db);
}
