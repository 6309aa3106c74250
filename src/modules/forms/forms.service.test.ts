import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#core/db/connect.ts";
import { AppError } from "#core/http/errors.ts";
import { demoForms, seedDemoForms } from "#seed/forms.ts";
import { freshDatabase, testDrivers } from "#test/db.ts";
import { everyFieldForm } from "#test/forms.ts";
import { insertTenantRow } from "#test/tenant-rows.ts";
import type { FormDefinition } from "./definition/form-definition.ts";
import { createFormsService, type FormsService } from "./forms.service.ts";

const renamed = (title: string): FormDefinition => ({ ...everyFieldForm, title: { de: title } });

describe.each(testDrivers())("form definitions on %s", (driver) => {
  let database: DatabaseHandle;
  let forms: FormsService;
  let usingen: string;
  let anspach: string;

  beforeAll(async () => {
    database = await freshDatabase(driver);
    forms = createFormsService(database.db);
    usingen = await insertTenantRow(database.db, "usingen", "Usingen");
    anspach = await insertTenantRow(database.db, "neu-anspach", "Neu-Anspach");
  });
  afterAll(() => database?.close());

  it("publishes versions; the same definition again keeps its version", async () => {
    const first = await forms.publish(usingen, everyFieldForm);
    expect(first).toMatchObject({ formKey: "alle-felder", version: 1, status: "published" });
    expect(first.publishedAt).toBeInstanceOf(Date);
    expect((await forms.publish(usingen, structuredClone(everyFieldForm))).version).toBe(1);
    const second = await forms.publish(usingen, renamed("Zweite Fassung"));
    expect(second.version).toBe(2);
    expect((await forms.latestPublished(usingen, "alle-felder"))?.definition.title).toEqual({
      de: "Zweite Fassung",
    });
    expect((await forms.getVersion(usingen, "alle-felder", 1))?.definition).toEqual(everyFieldForm);
    expect(await forms.getVersion(usingen, "alle-felder", 0)).toBeUndefined();
    expect(await forms.getVersion(usingen, "alle-felder", 99)).toBeUndefined();
  });

  it("keeps municipalities apart", async () => {
    expect(await forms.latestPublished(anspach, "alle-felder")).toBeUndefined();
    expect(await forms.getVersion(anspach, "alle-felder", 1)).toBeUndefined();
    expect((await forms.listPublished(usingen)).map((v) => [v.formKey, v.version])).toEqual([
      ["alle-felder", 2],
    ]);
  });

  it("saves a draft (again and again) and publishes it as the next version", async () => {
    const draft = await forms.saveDraft(usingen, renamed("Entwurf"));
    expect(draft).toMatchObject({ version: 3, status: "draft", publishedAt: undefined });
    expect((await forms.saveDraft(usingen, renamed("Entwurf 2"))).version).toBe(3);
    expect((await forms.latestPublished(usingen, "alle-felder"))?.version).toBe(2);
    const published = await forms.publishDraft(usingen, "alle-felder");
    expect(published).toMatchObject({ version: 3, status: "published" });
    expect(published.definition.title).toEqual({ de: "Entwurf 2" });
    await expect(forms.publishDraft(usingen, "alle-felder")).rejects.toMatchObject({ status: 404 });
  });

  it("refuses an invalid definition with a 422 listing the problems", async () => {
    const broken = structuredClone(everyFieldForm);
    Object.assign(broken.steps[0]?.fields[1] ?? {}, { visibleWhen: { field: "nope", op: "answered" } });
    const error = await forms.publish(usingen, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    expect((error as AppError).fields).toEqual([
      { field: "definition", message: 'name: refers to unknown field "nope"' },
    ]);
    await expect(forms.saveDraft(usingen, "kein JSON-Objekt")).rejects.toMatchObject({ status: 422 });
  });

  it("refuses in the database to change or delete a published version", async () => {
    const change = sql`update form_definitions set definition = '{}'::jsonb where tenant_id = ${usingen} and version = 1`;
    await expect(change.execute(database.db)).rejects.toThrow(/published and cannot be changed/);
    const unpublish = sql`update form_definitions set status = 'draft', published_at = null where tenant_id = ${usingen} and version = 2`;
    await expect(unpublish.execute(database.db)).rejects.toThrow(/published and cannot be changed/);
    const remove = sql`delete from form_definitions where tenant_id = ${usingen} and version = 1`;
    await expect(remove.execute(database.db)).rejects.toThrow(/published and cannot be changed/);
    expect((await forms.getVersion(usingen, "alle-felder", 1))?.definition).toEqual(everyFieldForm);
  });

  it("lets a municipality be deleted with its form definitions", async () => {
    const gone = await insertTenantRow(database.db, "weg", "Weg");
    await forms.publish(gone, everyFieldForm);
    await database.db.deleteFrom("tenants").where("id", "=", gone).execute();
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from form_definitions where tenant_id = ${gone}`.execute(database.db);
    expect(rows[0]?.n).toBe(0);
  });

  it("seeds the seven demo forms idempotently", async () => {
    const tenant = { id: anspach, name: "Neu-Anspach", address: { postalCode: "61267" } } as Parameters<
      typeof seedDemoForms
    >[1];
    await seedDemoForms(forms, tenant);
    await seedDemoForms(forms, tenant);
    const published = await forms.listPublished(anspach);
    expect(published.map((v) => [v.formKey, v.version])).toEqual(
      demoForms
        .map((form) => [form({ name: "", postalCode: "" }).key, 1])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  });
});
