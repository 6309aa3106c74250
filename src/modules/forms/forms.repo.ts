import type { TenantScope } from "#core/db/tenant-scope.ts";
import type { FormDefinitionRow } from "./forms.schema.ts";

export async function findVersion(
  scope: TenantScope,
  formKey: string,
  version: number,
): Promise<FormDefinitionRow | undefined> {
  return scope
    .selectFrom("form_definitions")
    .selectAll()
    .where("form_key", "=", formKey)
    .where("version", "=", version)
    .executeTakeFirst();
}

export async function findLatest(
  scope: TenantScope,
  formKey: string,
  status?: "draft" | "published",
): Promise<FormDefinitionRow | undefined> {
  let query = scope.selectFrom("form_definitions").selectAll().where("form_key", "=", formKey);
  if (status) query = query.where("status", "=", status);
  return query.orderBy("version", "desc").limit(1).executeTakeFirst();
}

export async function insertVersion(
  scope: TenantScope,
  row: {
    form_key: string;
    version: number;
    status: "draft" | "published";
    definition: string;
    published_at: Date | null;
  },
): Promise<FormDefinitionRow> {
  return scope
    .insertInto("form_definitions", row)
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<FormDefinitionRow>;
}

/** Replaces a draft's definition; a published row is never matched (and the trigger would refuse it). */
export async function updateDraft(scope: TenantScope, formKey: string, version: number, definition: string) {
  return scope
    .updateTable("form_definitions")
    .set({ definition })
    .where("form_key", "=", formKey)
    .where("version", "=", version)
    .where("status", "=", "draft")
    .returningAll()
    .executeTakeFirst();
}

export async function markPublished(scope: TenantScope, formKey: string, version: number) {
  return scope
    .updateTable("form_definitions")
    .set({ status: "published", published_at: new Date() })
    .where("form_key", "=", formKey)
    .where("version", "=", version)
    .where("status", "=", "draft")
    .returningAll()
    .executeTakeFirst();
}

/** The newest published version of every form of the municipality. */
export async function listLatestPublished(scope: TenantScope): Promise<FormDefinitionRow[]> {
  return scope
    .selectFrom("form_definitions")
    .selectAll()
    .where("status", "=", "published")
    .distinctOn("form_key")
    .orderBy("form_key")
    .orderBy("version", "desc")
    .execute();
}
