import { type Kysely, sql } from "kysely";

// Sign-in through an OpenID Connect identity provider (BundID, or the demo provider in development). Like the
// other citizen tables these are installation-wide and keyed by citizen first (see 0003). A citizen found
// through (issuer, subject) is the same person on every sign-in, whatever e-mail address the provider sends.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table citizens add column birthdate date`.execute(db);
  await sql`
    create table citizen_identity_links (
      issuer text not null,
      subject text not null,
      citizen_id uuid not null references citizens (id) on delete cascade,
      created_at timestamptz not null default now(),
      last_login_at timestamptz not null default now(),
      primary key (issuer, subject)
    )`.execute(db);
  // "When did a provider last send this citizen's data" (profile page), and deleting a citizen.
  await sql`
    create index citizen_identity_links_citizen_idx on citizen_identity_links (citizen_id, last_login_at)
  `.execute(db);
  // One row per OIDC sign-in, belonging to the session it started: "the trust level of this sign-in". It goes
  // when the session row is purged; the audit log keeps the history.
  await sql`
    create table citizen_oidc_logins (
      citizen_id uuid not null,
      session_id_hash text not null,
      issuer text not null,
      acr text not null default '',
      trust_level text not null check (trust_level in ('basisregistrierung', 'substantiell', 'hoch')),
      logged_in_at timestamptz not null default now(),
      primary key (citizen_id, session_id_hash),
      foreign key (citizen_id, session_id_hash)
        references citizen_sessions (citizen_id, id_hash) on delete cascade
    )`.execute(db);
}
