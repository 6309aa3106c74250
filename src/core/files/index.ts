import type { Db } from "#core/db/transaction.ts";
import { type ClamdOptions, clamdScanner } from "./clamd.ts";
import { createFileStore } from "./file-store.ts";
import { uploadFormReader } from "./upload-form.ts";

export { type ClamdOptions, clamdScanner, type ScanResult, type VirusScanner } from "./clamd.ts";
export type { FileStore, StoredFile } from "./file-store.ts";
export type { FileOwner } from "./files.repo.ts";
export type { FilesTables, StoredFileState } from "./files.schema.ts";
export { formatBytes, mediaTypeLabel } from "./media-types.ts";
export type { ReadUploadForm, UploadForm, UploadFormSpec } from "./upload-form.ts";
export type { FileRule, ReceivedFile } from "./upload-part.ts";

export interface FileServicesOptions {
  /** The folder of the store, `DATA_DIR/files` by default. */
  root: string;
  /** clamd to scan every upload; none: uploads are not scanned. */
  clamd?: ClamdOptions;
  orphanHours?: number;
}

/** The file store and the upload reader that feeds it, built once in the composition root. */
export function createFileServices(db: Db, options: FileServicesOptions) {
  const store = createFileStore(db, options);
  return {
    store,
    readUploadForm: uploadFormReader({
      incomingPath: store.incomingPath,
      removeIncoming: store.removeIncoming,
      scanner: options.clamd ? clamdScanner(options.clamd) : undefined,
    }),
  };
}

export type FileServices = ReturnType<typeof createFileServices>;
