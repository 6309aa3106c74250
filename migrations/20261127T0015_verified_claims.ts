import { type Kysely, sql } from "kysely";

// Services that need verified data (a form's `verifiedIdentity`): the claims an identity provider vouched for
// are kept with the sign-in they came with — name, date of birth and address as the profile takes them, null
// for sign-ins before this migration — so an application takes them from the current session's sign-in, not
// from the profile, which the citizen may edit. A draft keeps the answers locked from those claims.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table citizen_oidc_logins add column claims jsonb`.execute(db);
  await sql`alter table application_drafts add column locked_answers jsonb not null default '{}'`.execute(db);
}
