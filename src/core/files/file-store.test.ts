import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#core/db/connect.ts";
import { uuidv7 } from "#core/db/ids.ts";
import { inTransaction } from "#core/db/transaction.ts";
import { freshDatabase, testDrivers } from "#test/db.ts";
import { insertTenantRow } from "#test/tenant-rows.ts";
import { createFileStore, type FileStore } from "./file-store.ts";
import type { ReceivedFile } from "./upload-part.ts";

const hours = (n: number) => n * 3_600_000;

describe.each(testDrivers())("file store on %s", (driver) => {
  let database: DatabaseHandle;
  let root: string;
  let store: FileStore;
  let tenant: string;
  let otherTenant: string;
  const draft = { kind: "application_draft", id: uuidv7() };

  beforeAll(async () => {
    database = await freshDatabase(driver);
    root = await mkdtemp(join(tmpdir(), "rathaus-files-"));
    store = createFileStore(database.db, { root });
    tenant = await insertTenantRow(database.db, "t0");
    otherTenant = await insertTenantRow(database.db, "t1");
  });
  afterAll(async () => {
    await database?.close();
    await rm(root, { recursive: true, force: true });
  });

  async function received(content: string, originalName = "Ausweis äöü.pdf"): Promise<ReceivedFile> {
    const tempPath = await store.incomingPath();
    await writeFile(tempPath, content);
    return {
      field: "ausweis",
      originalName,
      mediaType: "application/pdf",
      extension: "pdf",
      size: Buffer.byteLength(content),
      sha256: createHash("sha256").update(content).digest("hex"),
      tempPath,
    };
  }

  it("keeps an upload with its metadata and reads it back only within the tenant and for its owner", async () => {
    const saved = await store.save(tenant, await received("%PDF-1 one"), {
      owner: draft,
      documentType: "Personalausweis",
    });
    expect(saved).toMatchObject({
      tenantId: tenant,
      originalName: "Ausweis äöü.pdf",
      documentType: "Personalausweis",
      mediaType: "application/pdf",
      size: 10,
      state: "draft",
      owner: draft,
    });
    expect(saved.sha256).toMatch(/^[0-9a-f]{64}$/);
    const opened = await store.open(tenant, saved.id, draft);
    expect(opened && (await text(opened.stream))).toBe("%PDF-1 one");
    expect(await store.list(tenant, draft)).toEqual([saved]);
    expect(await store.get(otherTenant, saved.id)).toBeUndefined();
    expect(await store.open(otherTenant, saved.id)).toBeUndefined();
    expect(await store.open(tenant, saved.id, { kind: "application_draft", id: uuidv7() })).toBeUndefined();
    expect(await store.get(tenant, "../../etc/passwd")).toBeUndefined();
  });

  it("removes a draft upload of its owner only, with its bytes", async () => {
    const saved = await store.save(tenant, await received("%PDF-1 two"), { owner: draft });
    expect(await store.remove(otherTenant, saved.id, draft)).toBe(false);
    expect(await store.remove(tenant, saved.id, { kind: "application_draft", id: uuidv7() })).toBe(false);
    expect(await store.remove(tenant, "not-an-id", draft)).toBe(false);
    expect(await store.remove(tenant, saved.id, draft)).toBe(true);
    expect(await store.get(tenant, saved.id)).toBeUndefined();
    expect(await readdir(join(root, "blobs", tenant))).not.toContain(saved.id);
  });

  it("hands chosen draft files to the submitted owner, final from then on, and discards the rest", async () => {
    const owner = { kind: "application_draft", id: uuidv7() };
    const application = { kind: "application", id: uuidv7() };
    const keep = await store.save(tenant, await received("%PDF keep"), { owner });
    const drop = await store.save(tenant, await received("%PDF drop"), { owner });
    const moved = await inTransaction(database.db, async (tx) => {
      const files = await store.finalize(tx, tenant, owner, application, [keep.id, "garbage"]);
      expect(await store.discardDrafts(tx, tenant, owner)).toBe(1);
      return files;
    });
    expect(moved.map((f) => [f.id, f.state, f.owner])).toEqual([[keep.id, "final", application]]);
    expect(await store.remove(tenant, keep.id, application)).toBe(false);
    expect(await store.get(tenant, drop.id)).toBeUndefined();
    expect(await store.finalize(database.db, tenant, owner, application, [])).toEqual([]);
  });

  it("purges blobs nobody references and interrupted uploads once they are old enough", async () => {
    const kept = await store.save(tenant, await received("%PDF kept"), { owner: draft });
    // A save whose transaction rolls back leaves a blob without a row.
    let lostId = "";
    await expect(
      inTransaction(database.db, async (tx) => {
        lostId = (await store.save(tenant, await received("%PDF lost"), { owner: draft }, tx)).id;
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    const discarded = await store.save(tenant, await received("%PDF discarded"), {
      owner: { kind: "x", id: "1" },
    });
    await store.discardDrafts(database.db, tenant, { kind: "x", id: "1" });
    const stale = await store.incomingPath();
    await writeFile(stale, "half an upload");
    const old = new Date(Date.now() - hours(30));
    await utimes(stale, old, old);
    const fresh = await store.incomingPath();
    await writeFile(fresh, "an upload in progress");

    expect(await store.purge()).toEqual({ incoming: 1, unreferenced: 0 });
    // Three blobs lost their row: the rolled-back one, the discarded one, and the one discarded above.
    expect(await store.purge(new Date(Date.now() + hours(25)))).toEqual({ incoming: 1, unreferenced: 3 });
    const blobs = await readdir(join(root, "blobs", tenant));
    expect(blobs).toContain(kept.id);
    expect(blobs).not.toContain(lostId);
    expect(blobs).not.toContain(discarded.id);
    const opened = await store.open(tenant, kept.id);
    expect(opened && (await text(opened.stream))).toBe("%PDF kept");
  });
});

describe("file store without any file yet", () => {
  it("purges nothing and creates no folder", async () => {
    const root = join(tmpdir(), `rathaus-none-${uuidv7()}`);
    // The database is never asked: no blob folder exists.
    const store = createFileStore({} as never, { root });
    expect(await store.purge()).toEqual({ incoming: 0, unreferenced: 0 });
    await expect(readdir(root)).rejects.toThrow(/ENOENT/);
  });
});
