import { type Kysely, sql } from "kysely";

// Payments of fees. A payment is what the treasury books: one Kassenzeichen (unique per municipality), an
// amount in cents, EUR, a purpose text (Verwendungszweck), usually linked to an application. Citizens may need
// several tries at the payment platform for one Kassenzeichen: each try is an attempt with the platform's own
// payment id. The payment's state follows the state machine in payments/payments.states.ts; every change is a row
// in payment_transitions (who, when, the platform's reference), which is never updated or deleted. Refunds
// are rows of their own; refunded_cents on the payment is their sum, kept in the same transaction. A guest
// reaches the payment's pages with a secret (only its SHA-256 is stored), a signed-in owner by account.
// payment_settings holds what a municipality configures: the Kassenzeichen pattern and the platform in use.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table payment_settings (
      tenant_id uuid not null references tenants (id) on delete cascade,
      kassenzeichen_pattern text not null default '{prefix}-{year}-K{number}'
        check (kassenzeichen_pattern like '%{number}%' and length(kassenzeichen_pattern) <= 60),
      provider text not null default 'epay-sim' check (provider in ('epay-sim', 'stripe')),
      primary key (tenant_id)
    )`.execute(db);
  await sql`
    create table payments (
      tenant_id uuid not null references tenants (id) on delete cascade,
      id uuid not null,
      kassenzeichen text not null check (kassenzeichen ~ '^[A-Za-z0-9/._-]{3,40}$'),
      application_id uuid,
      service_slug text,
      purpose text not null check (length(purpose) between 1 and 140),
      amount_cents integer not null check (amount_cents > 0),
      currency text not null default 'EUR' check (currency = 'EUR'),
      state text not null default 'created' check (state in
        ('created', 'started', 'succeeded', 'failed', 'cancelled', 'expired', 'refunded', 'partially_refunded')),
      provider text not null check (provider in ('epay-sim', 'stripe')),
      provider_payment_id text,
      method text check (length(method) <= 40),
      refunded_cents integer not null default 0 check (refunded_cents >= 0 and refunded_cents <= amount_cents),
      citizen_id uuid references citizens (id) on delete set null,
      email text check (length(email) <= 254),
      lang text not null default 'de' check (lang in ('de', 'en')),
      secret_hash text not null check (secret_hash ~ '^[0-9a-f]{64}$'),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      succeeded_at timestamptz,
      receipt_file_id uuid,
      primary key (tenant_id, id),
      unique (tenant_id, kassenzeichen)
    )`.execute(db);
  await sql`create index payments_application_idx on payments (tenant_id, application_id)`.execute(db);
  await sql`create index payments_state_idx on payments (tenant_id, state, updated_at)`.execute(db);
  await sql`create index payments_created_idx on payments (tenant_id, created_at)`.execute(db);
  await sql`
    create table payment_attempts (
      tenant_id uuid not null references tenants (id) on delete cascade,
      id uuid not null,
      payment_id uuid not null,
      attempt_no integer not null check (attempt_no >= 1),
      provider text not null check (provider in ('epay-sim', 'stripe')),
      provider_payment_id text check (length(provider_payment_id) between 1 and 200),
      state text not null default 'started'
        check (state in ('started', 'succeeded', 'failed', 'cancelled', 'expired')),
      method text check (length(method) <= 40),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      finished_at timestamptz,
      primary key (tenant_id, id),
      unique (tenant_id, payment_id, attempt_no),
      foreign key (tenant_id, payment_id) references payments (tenant_id, id) on delete cascade
    )`.execute(db);
  await sql`create unique index payment_attempts_provider_idx
    on payment_attempts (tenant_id, provider, provider_payment_id)`.execute(db);
  await sql`create index payment_attempts_expiry_idx on payment_attempts (tenant_id, state, expires_at)`.execute(
    db,
  );
  await sql`
    create table payment_transitions (
      tenant_id uuid not null references tenants (id) on delete cascade,
      id bigint generated always as identity,
      payment_id uuid not null,
      attempt_id uuid,
      from_state text not null,
      to_state text not null,
      actor text not null check (length(actor) between 1 and 100),
      provider_reference text check (length(provider_reference) <= 200),
      amount_cents integer,
      reason text check (length(reason) <= 500),
      at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, payment_id) references payments (tenant_id, id) on delete cascade
    )`.execute(db);
  await sql`create index payment_transitions_payment_idx on payment_transitions (tenant_id, payment_id, id)`.execute(
    db,
  );
  await sql`
    create table payment_refunds (
      tenant_id uuid not null references tenants (id) on delete cascade,
      id uuid not null,
      payment_id uuid not null,
      amount_cents integer not null check (amount_cents > 0),
      reason text not null check (length(reason) between 1 and 500),
      staff_id uuid not null,
      provider_refund_id text check (length(provider_refund_id) <= 200),
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, payment_id) references payments (tenant_id, id) on delete cascade
    )`.execute(db);
  await sql`create index payment_refunds_payment_idx on payment_refunds (tenant_id, payment_id, created_at)`.execute(
    db,
  );
}
