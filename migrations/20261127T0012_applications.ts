import { type Kysely, sql } from "kysely";

// Online applications. A draft holds the answers while a citizen fills in a form, step by step; it belongs to a
// signed-in citizen or to whoever holds its secret (a guest's cookie or resume link; only its hash is stored)
// and expires unless submitted. Submitting turns a draft into an application exactly once: the unique
// (tenant_id, draft_id) makes a double submit find the first one. An application freezes what was submitted:
// the answers, the form version, the summary as the citizen confirmed it and the fee; its reference
// (Aktenzeichen) comes from reference_counters (0011), gap-free per municipality and year. Guests check the
// status with the reference and a secret from their confirmation mail (hash stored).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table application_drafts (
      tenant_id uuid not null references tenants (id) on delete cascade,
      id uuid not null,
      service_slug text not null,
      form_key text not null,
      form_version integer not null,
      citizen_id uuid references citizens (id) on delete cascade,
      secret_hash text not null,
      answers jsonb not null default '{}',
      lang text not null default 'de' check (lang in ('de', 'en')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      expires_at timestamptz not null,
      application_id uuid,
      primary key (tenant_id, id)
    )`.execute(db);
  await sql`create index application_drafts_citizen_idx
    on application_drafts (tenant_id, citizen_id, updated_at desc)`.execute(db);
  await sql`create index application_drafts_expiry_idx on application_drafts (tenant_id, expires_at)`.execute(
    db,
  );
  await sql`
    create table applications (
      tenant_id uuid not null references tenants (id) on delete cascade,
      id uuid not null,
      reference text not null,
      draft_id uuid not null,
      service_slug text not null,
      service_name text not null,
      form_key text not null,
      form_version integer not null,
      citizen_id uuid references citizens (id) on delete set null,
      email text not null check (length(email) <= 254),
      answers jsonb not null,
      summary jsonb not null,
      fee_cents integer check (fee_cents >= 0),
      status text not null default 'submitted'
        check (status in ('submitted', 'in_progress', 'information_requested', 'decided', 'withdrawn')),
      status_secret_hash text not null,
      lang text not null check (lang in ('de', 'en')),
      receipt_file_id uuid,
      submitted_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, reference),
      unique (tenant_id, draft_id)
    )`.execute(db);
  await sql`create index applications_citizen_idx on applications (tenant_id, citizen_id, submitted_at desc)`.execute(
    db,
  );
}
