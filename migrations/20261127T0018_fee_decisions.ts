import { type Kysely, sql } from "kysely";

// Fees billed later (issue 6): an application of a service with payment policy 'billed_later' is submitted
// with fee_decision 'pending'; a clerk of the responsible department then sets the fee ('billed': a payment
// with its Kassenzeichen is opened and the citizen pays it from Mein Rathaus or the status check) or waives it
// ('waived'). fee_decided_at says when. The partial index serves the department's list of pending decisions.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table applications
      add column fee_decision text check (fee_decision in ('pending', 'billed', 'waived')),
      add column fee_decided_at timestamptz`.execute(db);
  await sql`
    create index applications_fee_pending_idx on applications (tenant_id, submitted_at)
      where fee_decision = 'pending'`.execute(db);
}
