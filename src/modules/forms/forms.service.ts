import { tenantScope } from "#core/db/tenant-scope.ts";
import { type Db, inTransaction } from "#core/db/transaction.ts";
import { insertOrTaken } from "#core/db/unique-violation.ts";
import { Conflict, NotFound, ValidationFailed } from "#core/http/errors.ts";
import { checkDefinition } from "./definition/check-definition.ts";
import type { FormDefinition } from "./definition/form-definition.ts";
import * as repo from "./forms.repo.ts";
import type { FormDefinitionRow, FormStatus } from "./forms.schema.ts";

export interface FormVersion {
  formKey: string;
  version: number;
  status: FormStatus;
  definition: FormDefinition;
  createdAt: Date;
  publishedAt: Date | undefined;
}

/** JSON with object keys sorted, so two definitions compare equal whatever order jsonb keeps keys in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item) =>
    typeof item === "object" && item !== null && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

const toVersion = (row: FormDefinitionRow): FormVersion => ({
  formKey: row.form_key,
  version: row.version,
  status: row.status,
  definition: row.definition as FormDefinition,
  createdAt: row.created_at,
  publishedAt: row.published_at ?? undefined,
});

/** The definition, checked; a 422 listing the problems (for the administrator, in English) otherwise. */
function checked(definition: unknown): FormDefinition {
  const result = checkDefinition(definition);
  if (!result.ok)
    throw ValidationFailed(
      result.problems.map((message) => ({ field: "definition", message })),
      "The form definition is invalid.",
    );
  return result.definition;
}

const taken = (): never => {
  throw Conflict("Another version of this form was saved at the same time. Please try again.");
};

/**
 * Form definitions per municipality and form key, versioned. Published versions never change (the service
 * updates drafts only, and a database trigger refuses any change to a published row), so they are cached.
 */
export function createFormsService(db: Db) {
  const cache = new Map<string, FormVersion>();
  const cacheKey = (tenantId: string, formKey: string, version: number) =>
    `${tenantId}/${formKey}/${version}`;
  const remember = (tenantId: string, version: FormVersion) => {
    if (version.status !== "published") return version;
    if (cache.size >= 1000) cache.delete(cache.keys().next().value ?? "");
    cache.set(cacheKey(tenantId, version.formKey, version.version), version);
    return version;
  };

  async function nextVersion(scope: ReturnType<typeof tenantScope>, formKey: string): Promise<number> {
    return ((await repo.findLatest(scope, formKey))?.version ?? 0) + 1;
  }

  return {
    /** Saves the form's draft (creating one after the newest version when there is none). */
    async saveDraft(tenantId: string, input: unknown): Promise<FormVersion> {
      const definition = checked(input);
      const json = JSON.stringify(definition);
      return inTransaction(db, async (tx) => {
        const scope = tenantScope(tx, tenantId);
        const draft = await repo.findLatest(scope, definition.key, "draft");
        if (draft) {
          const updated = await repo.updateDraft(scope, definition.key, draft.version, json);
          if (updated) return toVersion(updated);
        }
        const version = await nextVersion(scope, definition.key);
        const row = {
          form_key: definition.key,
          version,
          status: "draft" as const,
          definition: json,
          published_at: null,
        };
        return toVersion(await insertOrTaken(() => repo.insertVersion(scope, row), taken));
      });
    },

    /** Publishes the form's draft; from then on it is frozen. */
    async publishDraft(tenantId: string, formKey: string): Promise<FormVersion> {
      const scope = tenantScope(db, tenantId);
      const draft = await repo.findLatest(scope, formKey, "draft");
      const published = draft && (await repo.markPublished(scope, formKey, draft.version));
      if (!published) throw NotFound("This form has no draft to publish.");
      return remember(tenantId, toVersion(published));
    },

    /**
     * Publishes a definition as a new version, or returns the newest published one when it is the same
     * (so seeding twice changes nothing).
     */
    async publish(tenantId: string, input: unknown): Promise<FormVersion> {
      const definition = checked(input);
      return inTransaction(db, async (tx) => {
        const scope = tenantScope(tx, tenantId);
        const latest = await repo.findLatest(scope, definition.key, "published");
        if (latest && canonicalJson(latest.definition) === canonicalJson(definition))
          return toVersion(latest);
        const version = await nextVersion(scope, definition.key);
        const row = {
          form_key: definition.key,
          version,
          status: "published" as const,
          definition: JSON.stringify(definition),
          published_at: new Date(),
        };
        return toVersion(await insertOrTaken(() => repo.insertVersion(scope, row), taken));
      });
    },

    /** The version new applications use. */
    async latestPublished(tenantId: string, formKey: string): Promise<FormVersion | undefined> {
      const row = await repo.findLatest(tenantScope(db, tenantId), formKey, "published");
      return row && remember(tenantId, toVersion(row));
    },

    /** A version by number (e.g. the one a draft application or a submission references). */
    async getVersion(tenantId: string, formKey: string, version: number): Promise<FormVersion | undefined> {
      if (!Number.isSafeInteger(version) || version < 1 || version > 2_147_483_647) return undefined;
      const known = cache.get(cacheKey(tenantId, formKey, version));
      if (known) return known;
      const row = await repo.findVersion(tenantScope(db, tenantId), formKey, version);
      return row && remember(tenantId, toVersion(row));
    },

    /** The newest published version of every form of the municipality. */
    async listPublished(tenantId: string): Promise<FormVersion[]> {
      return (await repo.listLatestPublished(tenantScope(db, tenantId))).map(toVersion);
    },
  };
}

export type FormsService = ReturnType<typeof createFormsService>;
