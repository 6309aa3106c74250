import { type Kysely, sql } from "kysely";

// Citizen accounts are installation-wide (one account for every municipality of the installation), so these
// tables have no tenant_id; under Citus they are distributed by citizen_id, which is why session cookies and
// mailed links carry the citizen id next to the secret. Secrets are stored only as SHA-256 hashes: a copy of
// the database does not let anyone sign in or reset a password.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table citizens (
      id uuid primary key,
      email text not null check (email = lower(email) and length(email) <= 254),
      password_hash text,
      email_verified_at timestamptz,
      given_name text not null default '',
      family_name text not null default '',
      street text not null default '',
      postal_code text not null default '',
      city text not null default '',
      phone text not null default '',
      totp_secret_enc text,
      totp_pending_enc text,
      totp_enabled_at timestamptz,
      totp_last_step bigint,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index citizens_email_idx on citizens (email)`.execute(db);
  await sql`
    create table citizen_sessions (
      citizen_id uuid not null references citizens (id) on delete cascade,
      id_hash text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz,
      auth_method text not null,
      ip text not null default '',
      user_agent text not null default '',
      primary key (citizen_id, id_hash)
    )`.execute(db);
  await sql`
    create table citizen_tokens (
      citizen_id uuid not null references citizens (id) on delete cascade,
      token_hash text not null,
      purpose text not null check (purpose in ('verify_email', 'reset_password', 'change_email')),
      email text not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (citizen_id, token_hash)
    )`.execute(db);
  await sql`
    create table citizen_recovery_codes (
      citizen_id uuid not null references citizens (id) on delete cascade,
      code_hash text not null,
      used_at timestamptz,
      primary key (citizen_id, code_hash)
    )`.execute(db);
  // Failed sign-ins per e-mail address and per client address, for increasing waiting times. Keys are
  // hashed so the table holds no addresses. Shared by all instances, unlike an in-memory limiter.
  await sql`
    create table auth_throttle (
      key_hash text primary key,
      failures integer not null default 0,
      first_failure_at timestamptz not null default now(),
      blocked_until timestamptz
    )`.execute(db);
}
