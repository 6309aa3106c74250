import { type Kysely, sql } from "kysely";

// Passkeys of staff, per municipality like every staff table (tenant_id first in the key and the foreign key).
// The authenticator returns the staff id as its user handle; the municipality comes from the address the
// sign-in happens at, so a passkey only ever signs in at its own municipality. Columns as citizen_passkeys (0007).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table staff_passkeys (
      tenant_id uuid not null,
      staff_id uuid not null,
      credential_id text not null check (credential_id ~ '^[A-Za-z0-9_-]+$' and length(credential_id) <= 1400),
      public_key bytea not null,
      counter bigint not null default 0 check (counter >= 0),
      transports text[] not null default '{}',
      device_type text not null check (device_type in ('singleDevice', 'multiDevice')),
      backed_up boolean not null default false,
      name text not null check (length(name) between 1 and 60),
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      primary key (tenant_id, staff_id, credential_id),
      foreign key (tenant_id, staff_id) references staff_members (tenant_id, id) on delete cascade
    )`.execute(db);
}
