import { type Kysely, sql } from "kysely";

// Both tables are installation-wide (Citus: local or reference tables), not tenant-owned.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The durable job queue (docs/decisions/007-job-queue.md). A job is pending while done_at and dead_at are
  // null; locked_until marks a claim by a worker, which expires if that worker dies mid-job.
  await sql`
    create table jobs (
      id uuid primary key,
      queue text not null check (queue ~ '^[a-z][a-z0-9._-]*$' and length(queue) <= 100),
      payload jsonb not null,
      run_at timestamptz not null default now(),
      attempts integer not null default 0 check (attempts >= 0),
      max_attempts integer not null check (max_attempts between 1 and 100),
      last_error text,
      locked_until timestamptz,
      done_at timestamptz,
      dead_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index jobs_due_idx on jobs (queue, run_at) where done_at is null and dead_at is null`.execute(
    db,
  );
  await sql`create index jobs_done_idx on jobs (done_at) where done_at is not null`.execute(db);

  // Mails "sent" without an SMTP server (embedded mode, development), shown at /_dev/mail.
  await sql`
    create table dev_mailbox (
      id uuid primary key,
      message_id text not null unique,
      tenant_id uuid,
      sender text not null,
      recipient text not null,
      subject text not null,
      lang text not null check (lang in ('de', 'en')),
      text_body text not null,
      html_body text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
}
