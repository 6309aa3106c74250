import { randomBytes } from "node:crypto";
import type { ReadStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";

const uuidName = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === "ENOENT";
}

async function ignoreMissing(work: Promise<unknown>): Promise<void> {
  try {
    await work;
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}

/** The creation time a UUIDv7 carries in its first 48 bits. */
function uuidv7Millis(id: string): number {
  return Number.parseInt(id.replace("-", "").slice(0, 12), 16);
}

/**
 * The bytes of stored files in a local folder: `blobs/{tenant id}/{file id}`, one file per row of
 * stored_files, plus `incoming/` for uploads still being received. Folders are made on first use, so an
 * installation that never stores a file never touches the disk.
 */
export function blobDir(root: string) {
  const incomingDir = join(root, "incoming");
  const blobsDir = join(root, "blobs");
  const blobPath = (tenantId: string, id: string) => join(blobsDir, tenantId, id);

  return {
    incomingDir,

    /** A fresh path in `incoming/` for an upload to be written to (the folder exists afterwards). */
    async incomingPath(): Promise<string> {
      await mkdir(incomingDir, { recursive: true, mode: 0o700 });
      return join(incomingDir, randomBytes(16).toString("hex"));
    },

    /** Moves a received file into place; both folders are on the same disk, so this is one rename. */
    async keep(incoming: string, tenantId: string, id: string): Promise<void> {
      await mkdir(join(blobsDir, tenantId), { recursive: true, mode: 0o700 });
      await rename(incoming, blobPath(tenantId, id));
    },

    /** A stream of the bytes, or undefined when the blob is gone. */
    async read(tenantId: string, id: string): Promise<ReadStream | undefined> {
      try {
        const handle = await open(blobPath(tenantId, id), "r");
        return handle.createReadStream();
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },

    remove: (tenantId: string, id: string) => ignoreMissing(rm(blobPath(tenantId, id))),

    removeIncoming: (path: string) => ignoreMissing(rm(path)),

    /** Deletes uploads left in `incoming/` (a crash mid-upload) that are older than `before`. */
    async sweepIncoming(before: Date): Promise<number> {
      let removed = 0;
      for (const name of await namesIn(incomingDir)) {
        const path = join(incomingDir, name);
        try {
          if ((await stat(path)).mtime < before) {
            await rm(path, { force: true });
            removed += 1;
          }
        } catch (error) {
          if (!isMissing(error)) throw error;
        }
      }
      return removed;
    },

    /** Per tenant folder, the blob ids created before `before` (their UUIDv7 carries the time). */
    async *storedBefore(before: Date): AsyncGenerator<{ tenantId: string; ids: string[] }> {
      for (const tenantId of (await namesIn(blobsDir)).filter((name) => uuidName.test(name))) {
        const ids = (await namesIn(join(blobsDir, tenantId))).filter(
          (name) => uuidName.test(name) && uuidv7Millis(name) < before.getTime(),
        );
        if (ids.length > 0) yield { tenantId, ids };
      }
    },
  };
}

async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

export type BlobDir = ReturnType<typeof blobDir>;
