import type { Generated, Selectable } from "kysely";

export type StoredFileState = "draft" | "final";

export interface StoredFilesTable {
  tenant_id: string;
  id: string;
  sha256: string;
  size: number;
  /** Detected from the content, never taken from the client. */
  media_type: string;
  original_name: string;
  /** What the upload field asked for, e.g. "Personalausweis"; travels with the file. */
  document_type: string | null;
  owner_kind: string;
  owner_id: string;
  state: Generated<StoredFileState>;
  created_at: Generated<Date>;
}

export interface FilesTables {
  stored_files: StoredFilesTable;
}

export type StoredFileRow = Selectable<StoredFilesTable>;
