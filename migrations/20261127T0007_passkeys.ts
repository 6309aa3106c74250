import { type Kysely, sql } from "kysely";

// Passkeys (WebAuthn discoverable credentials) of citizens, installation-wide and keyed by citizen id like the
// other citizen tables (see 0003). The authenticator returns the citizen id as its user handle, so signing in
// finds the row by primary key. Only public keys are stored. Challenges are single-use: a row per challenge
// handed out (SHA-256 hash only), deleted when a response is checked against it, so a replayed response fails.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table citizen_passkeys (
      citizen_id uuid not null references citizens (id) on delete cascade,
      credential_id text not null check (credential_id ~ '^[A-Za-z0-9_-]+$' and length(credential_id) <= 1400),
      public_key bytea not null,
      counter bigint not null default 0 check (counter >= 0),
      transports text[] not null default '{}',
      device_type text not null check (device_type in ('singleDevice', 'multiDevice')),
      backed_up boolean not null default false,
      name text not null check (length(name) between 1 and 60),
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      primary key (citizen_id, credential_id)
    )`.execute(db);
  await sql`
    create table passkey_challenges (
      challenge_hash text primary key,
      purpose text not null,
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index passkey_challenges_expires_idx on passkey_challenges (expires_at)`.execute(db);
}
