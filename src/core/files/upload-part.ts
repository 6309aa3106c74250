import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { fileTypeFromFile } from "file-type";
import { BadRequest } from "#core/http/errors.ts";
import type { VirusScanner } from "./clamd.ts";
import { claimedMediaType } from "./media-types.ts";

/** An upload received in full, checked and written to `tempPath`; `save` it or it is deleted after the reply. */
export interface ReceivedFile {
  /** The form field it came in. */
  field: string;
  originalName: string;
  /** Detected from the content. */
  mediaType: string;
  extension: string;
  size: number;
  sha256: string;
  tempPath: string;
}

/** Why a file was not accepted; the form reader words it for the citizen. */
export type UploadProblem =
  | { kind: "too-large"; maxBytes: number }
  | { kind: "total-too-large"; maxBytes: number }
  | { kind: "empty" }
  | { kind: "type-not-allowed"; accept: readonly string[] }
  | { kind: "content-mismatch"; claimed: string; accept: readonly string[] }
  | { kind: "infected" }
  | { kind: "scan-unavailable" };

export interface FileRule {
  /** Media types accepted, as detected from the content, e.g. ["application/pdf", "image/jpeg"]. */
  accept: readonly string[];
  maxFiles: number;
  maxFileBytes: number;
}

/** Bytes all files of one request may still use; shared by its parts. */
export interface ByteBudget {
  remaining: number;
  readonly total: number;
}

class WriteFailed extends Error {}

/**
 * Streams one file part to `tempPath`, hashing and counting as it goes. Past the field's limit (or the
 * request's budget) nothing more is written, but the part is read to its end so the next part can follow.
 */
async function writeCounted(
  source: AsyncIterable<Buffer>,
  tempPath: string,
  maxBytes: number,
  budget: ByteBudget,
) {
  const hash = createHash("sha256");
  const handle = await open(tempPath, "wx", 0o600);
  let size = 0;
  let overBudget = false;
  try {
    for await (const chunk of source) {
      size += chunk.length;
      budget.remaining -= chunk.length;
      overBudget ||= budget.remaining < 0;
      if (size > maxBytes || overBudget) continue;
      hash.update(chunk);
      await handle.write(chunk).catch((error: Error) => {
        throw new WriteFailed(error.message, { cause: error });
      });
    }
  } catch (error) {
    if (error instanceof WriteFailed) throw error.cause;
    throw BadRequest("The upload was interrupted or is malformed.");
  } finally {
    await handle.close();
  }
  return { size, sha256: hash.digest("hex"), overBudget };
}

/**
 * Receives one file: limits, then the type detected from the content (never the name or the client's
 * Content-Type) against the allow-list, then the virus scan when a scanner is configured. Returns the file
 * or the problem; on a problem the temporary file is left for the caller to delete.
 */
export async function receiveFile(
  part: { field: string; originalName: string; stream: AsyncIterable<Buffer> },
  rule: FileRule,
  context: { tempPath: string; budget: ByteBudget; scanner: VirusScanner | undefined },
): Promise<{ file: ReceivedFile } | { problem: UploadProblem; logDetail?: string }> {
  const { tempPath, budget, scanner } = context;
  const written = await writeCounted(part.stream, tempPath, rule.maxFileBytes, budget);
  if (written.overBudget) return { problem: { kind: "total-too-large", maxBytes: budget.total } };
  if (written.size > rule.maxFileBytes)
    return { problem: { kind: "too-large", maxBytes: rule.maxFileBytes } };
  if (written.size === 0) return { problem: { kind: "empty" } };
  const detected = await fileTypeFromFile(tempPath);
  if (!detected || !rule.accept.includes(detected.mime)) {
    const claimed = claimedMediaType(part.originalName);
    return claimed && claimed !== detected?.mime && rule.accept.includes(claimed)
      ? { problem: { kind: "content-mismatch", claimed, accept: rule.accept } }
      : { problem: { kind: "type-not-allowed", accept: rule.accept } };
  }
  if (scanner) {
    const scan = await scanner.scan(tempPath);
    if (scan.verdict === "infected") return { problem: { kind: "infected" }, logDetail: scan.signature };
    if (scan.verdict === "unavailable")
      return { problem: { kind: "scan-unavailable" }, logDetail: scan.reason };
  }
  return {
    file: {
      field: part.field,
      originalName: part.originalName,
      mediaType: detected.mime,
      extension: detected.ext,
      size: written.size,
      sha256: written.sha256,
      tempPath,
    },
  };
}
