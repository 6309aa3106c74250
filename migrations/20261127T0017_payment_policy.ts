import { type Kysely, sql } from "kysely";

// When and how a service's fee is paid (issue 6). payment_policy on the catalog service, as German portals
// configure it: 'none'; 'before_submission' (the application waits in 'awaiting_payment' until the fee is paid,
// then it is submitted); 'with_submission' (submitted at once, marked unpaid until paid); 'optional' (the
// citizen may pay online now or later by other means); 'billed_later' (the clerk sets the fee at decision
// time). The fee is the form's computed fee plus fixed_fee_cents; fee_legal_basis is the line of the fee
// by-law (Gebührensatzung) shown next to it. applications.fee_paid_at marks an application whose fee is paid.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table catalog_services
      add column payment_policy text not null default 'none' check (payment_policy in
        ('none', 'before_submission', 'with_submission', 'optional', 'billed_later')),
      add column fixed_fee_cents integer not null default 0 check (fixed_fee_cents between 0 and 100000000),
      add column fee_legal_basis text not null default '' check (length(fee_legal_basis) <= 300)`.execute(db);
  await sql`alter table applications drop constraint applications_status_check`.execute(db);
  await sql`
    alter table applications
      add constraint applications_status_check check (status in ('awaiting_payment', 'submitted',
        'in_progress', 'information_requested', 'decided', 'withdrawn')),
      add column fee_paid_at timestamptz`.execute(db);
}
