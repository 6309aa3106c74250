import { createHash } from "node:crypto";
import type { ReadStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import { uuidv7 } from "#core/db/ids.ts";
import type { Db } from "#core/db/transaction.ts";
import { type BlobDir, blobDir } from "./blob-dir.ts";
import { type FileOwner, filesRepo, isFileId } from "./files.repo.ts";
import type { StoredFileRow, StoredFileState } from "./files.schema.ts";
import type { ReceivedFile } from "./upload-part.ts";

export interface StoredFile {
  id: string;
  tenantId: string;
  sha256: string;
  size: number;
  mediaType: string;
  originalName: string;
  documentType: string | null;
  owner: FileOwner;
  state: StoredFileState;
  createdAt: Date;
}

function toStoredFile(row: StoredFileRow): StoredFile {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    sha256: row.sha256,
    size: row.size,
    mediaType: row.media_type,
    originalName: row.original_name,
    documentType: row.document_type,
    owner: { kind: row.owner_kind, id: row.owner_id },
    state: row.state,
    createdAt: row.created_at,
  };
}

const hour = 3_600_000;

/**
 * Stored files: metadata in stored_files, bytes in a local folder (see blob-dir.ts). A row is what keeps a
 * blob: blobs without a row (their row was deleted with a draft, or a crash came between moving the blob and
 * inserting the row) are deleted by `purge` once they are `orphanHours` old.
 */
export function createFileStore(db: Db, options: { root: string; orphanHours?: number }) {
  const blobs: BlobDir = blobDir(options.root);
  const orphanHours = options.orphanHours ?? 24;
  const repo = (executor: Db = db) => filesRepo(executor);

  async function get(tenantId: string, id: string): Promise<StoredFile | undefined> {
    if (!isFileId(id)) return undefined;
    const row = await repo().find(tenantId, id);
    return row ? toStoredFile(row) : undefined;
  }

  return {
    /** Where uploads are received before they are saved (same disk, so saving is a rename). */
    incomingPath: blobs.incomingPath,
    removeIncoming: blobs.removeIncoming,

    /**
     * Keeps a received upload for its owner, in state `draft` (removable). Pass the caller's transaction as
     * `executor` to insert the row with other writes; if that transaction rolls back, `purge` removes the blob.
     */
    async save(
      tenantId: string,
      file: ReceivedFile,
      meta: { owner: FileOwner; documentType?: string },
      executor?: Db,
    ): Promise<StoredFile> {
      const id = uuidv7();
      await blobs.keep(file.tempPath, tenantId, id);
      try {
        const row = await repo(executor).insert(tenantId, {
          id,
          sha256: file.sha256,
          size: file.size,
          media_type: file.mediaType,
          original_name: file.originalName,
          document_type: meta.documentType ?? null,
          owner_kind: meta.owner.kind,
          owner_id: meta.owner.id,
        });
        return toStoredFile(row);
      } catch (error) {
        await blobs.remove(tenantId, id);
        throw error;
      }
    },

    /**
     * Keeps a document the platform made (a receipt PDF) for its owner, like an upload; the caller vouches for
     * the media type. Stored in state `draft`, like an upload.
     */
    async saveGenerated(
      tenantId: string,
      bytes: Buffer,
      meta: { name: string; mediaType: string; owner: FileOwner; documentType?: string },
    ): Promise<StoredFile> {
      const tempPath = await blobs.incomingPath();
      await writeFile(tempPath, bytes, { mode: 0o600 });
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const extension = meta.name.split(".").at(-1) ?? "";
      const file = {
        field: "",
        originalName: meta.name,
        mediaType: meta.mediaType,
        extension,
        size: bytes.length,
        sha256,
        tempPath,
      };
      return this.save(tenantId, file, meta);
    },

    get,

    /**
     * The file and its bytes, only within the tenant and, when `owner` is given, only for that owner:
     * anything else is undefined, so a route answers 404 without revealing that the file exists.
     */
    async open(
      tenantId: string,
      id: string,
      owner?: FileOwner,
    ): Promise<{ file: StoredFile; stream: ReadStream } | undefined> {
      const file = await get(tenantId, id);
      if (!file || (owner && (file.owner.kind !== owner.kind || file.owner.id !== owner.id)))
        return undefined;
      const stream = await blobs.read(tenantId, id);
      return stream ? { file, stream } : undefined;
    },

    async list(tenantId: string, owner: FileOwner): Promise<StoredFile[]> {
      return (await repo().listByOwner(tenantId, owner)).map(toStoredFile);
    },

    /** Removes a draft upload of this owner (row and bytes); false when there is no such draft file. */
    async remove(tenantId: string, id: string, owner: FileOwner): Promise<boolean> {
      if (!isFileId(id)) return false;
      const deleted = await repo().deleteDraft(tenantId, id, owner);
      if (deleted) await blobs.remove(tenantId, id);
      return deleted !== undefined;
    },

    /**
     * At submission, inside its transaction: the owner's draft files (or only `ids` of them) move to the new
     * owner and become `final` (no longer removable). Returns the files moved, for the list of attachments.
     */
    async finalize(
      tx: Db,
      tenantId: string,
      from: FileOwner,
      to: FileOwner,
      ids?: readonly string[],
    ): Promise<StoredFile[]> {
      return (await repo(tx).finalize(tenantId, from, to, ids)).map(toStoredFile);
    },

    /**
     * Forgets an owner's draft files, e.g. with the draft itself in the same transaction; the bytes go with
     * the next `purge` after `orphanHours`.
     */
    discardDrafts: (executor: Db, tenantId: string, owner: FileOwner) =>
      repo(executor).deleteDraftsOf(tenantId, owner),

    /** Hourly: deletes interrupted uploads and blobs without a row, both older than `orphanHours`. */
    async purge(now = new Date()): Promise<Record<string, number>> {
      const before = new Date(now.getTime() - orphanHours * hour);
      const incoming = await blobs.sweepIncoming(before);
      let unreferenced = 0;
      for await (const { tenantId, ids } of blobs.storedBefore(before)) {
        for (let start = 0; start < ids.length; start += 500) {
          const batch = ids.slice(start, start + 500);
          const kept = await repo().existing(tenantId, batch);
          for (const id of batch.filter((candidate) => !kept.has(candidate))) {
            await blobs.remove(tenantId, id);
            unreferenced += 1;
          }
        }
      }
      return { incoming, unreferenced };
    },
  };
}

export type FileStore = ReturnType<typeof createFileStore>;
