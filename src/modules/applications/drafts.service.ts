import { isUuid, uuidv7 } from "#core/db/ids.ts";
import { type Db, inTransaction } from "#core/db/transaction.ts";
import type { FileOwner, FileStore } from "#core/files/index.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { hashSecret, newSecret } from "#core/secrets.ts";
import type { Answers } from "#modules/forms/index.ts";
import { applicationsRepo } from "./applications.repo.ts";
import type { DraftRow } from "./applications.schema.ts";

/** Who is asking for a draft: the signed-in citizen and/or the secret from a cookie or resume link. */
export interface DraftAccess {
  citizenId?: string;
  secret?: string;
}

export interface Draft {
  tenantId: string;
  id: string;
  serviceSlug: string;
  formKey: string;
  formVersion: number;
  citizenId: string | undefined;
  answers: Answers;
  /** Answers from a verified identity that stay as they are (pass as `locked` to the form engine). */
  lockedAnswers: Answers;
  lang: Lang;
  updatedAt: Date;
  expiresAt: Date;
  applicationId: string | undefined;
}

const day = 86_400_000;

const jsonRecord = (value: unknown): Answers =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Answers) : {};

const toDraft = (row: DraftRow): Draft => ({
  tenantId: row.tenant_id,
  id: row.id,
  serviceSlug: row.service_slug,
  formKey: row.form_key,
  formVersion: row.form_version,
  citizenId: row.citizen_id ?? undefined,
  answers: jsonRecord(row.answers),
  lockedAnswers: jsonRecord(row.locked_answers),
  lang: row.lang,
  updatedAt: row.updated_at,
  expiresAt: row.expires_at,
  applicationId: row.application_id ?? undefined,
});

/** The owner name under which a draft's uploads are kept in the file store until it is submitted. */
export const draftFiles = (draftId: string): FileOwner => ({ kind: "application_draft", id: draftId });

/**
 * Drafts of applications: answers kept between the steps of a form, for a signed-in citizen (listed in "Mein
 * Rathaus") or for a guest who holds the draft's secret. A draft expires `lifetimeDays` after its last change.
 */
export function createDraftsService(db: Db, files: FileStore, options: { lifetimeDays: number }) {
  const repo = applicationsRepo(db);
  const expiry = () => new Date(Date.now() + options.lifetimeDays * day);

  /** Whether `access` may see the draft: its citizen, or the holder of its secret (guest drafts only). */
  const allowed = (row: DraftRow, access: DraftAccess) =>
    row.citizen_id
      ? row.citizen_id === access.citizenId
      : access.secret !== undefined && hashSecret(access.secret) === row.secret_hash;

  return {
    lifetimeDays: options.lifetimeDays,

    /** A new draft of a published form version; the secret goes to the guest's cookie (and resume link). */
    async start(
      tenantId: string,
      input: {
        serviceSlug: string;
        formKey: string;
        formVersion: number;
        citizenId?: string;
        answers: Answers;
        lockedAnswers?: Answers;
        lang: Lang;
      },
    ): Promise<{ draft: Draft; secret: string }> {
      const id = uuidv7();
      const secret = newSecret();
      await repo.insertDraft(tenantId, {
        id,
        service_slug: input.serviceSlug,
        form_key: input.formKey,
        form_version: input.formVersion,
        citizen_id: input.citizenId ?? null,
        secret_hash: hashSecret(secret),
        answers: JSON.stringify(input.answers),
        locked_answers: JSON.stringify(input.lockedAnswers ?? {}),
        lang: input.lang,
        expires_at: expiry(),
      });
      const draft = await this.open(tenantId, id, { citizenId: input.citizenId, secret });
      if (!draft) throw new Error("draft vanished after insert");
      return { draft, secret };
    },

    /** The draft, if it exists, has not expired and `access` may see it; undefined otherwise (a 404). */
    async open(tenantId: string, id: string, access: DraftAccess): Promise<Draft | undefined> {
      if (!isUuid(id)) return undefined;
      const row = await repo.findDraft(tenantId, id);
      return row && allowed(row, access) ? toDraft(row) : undefined;
    },

    /** Stores the answers after a step; the draft lives on for another `lifetimeDays`. */
    saveAnswers: (draft: Draft, answers: Answers) =>
      repo.saveAnswers(draft.tenantId, draft.id, answers, expiry()),

    /** The citizen's open drafts at these municipalities (one, or all for the overview), newest first. */
    openDraftsOf: async (citizenId: string, tenantIds: readonly string[]) =>
      (await repo.openDraftsOf(citizenId, tenantIds)).map(toDraft),

    /** The uploads kept for the draft. */
    uploads: (draft: Draft) => files.list(draft.tenantId, draftFiles(draft.id)),

    /** Deletes drafts that expired unsubmitted, with their uploads; says how many. */
    async purgeExpired(): Promise<{ drafts: number }> {
      let purged = 0;
      for (const { tenant_id, id } of await repo.expiredDrafts(500)) {
        await inTransaction(db, async (tx) => {
          await files.discardDrafts(tx, tenant_id, draftFiles(id));
          await applicationsRepo(tx).deleteDraft(tenant_id, id);
        });
        purged++;
      }
      return { drafts: purged };
    },
  };
}

export type DraftsService = ReturnType<typeof createDraftsService>;
