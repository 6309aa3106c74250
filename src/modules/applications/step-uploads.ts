import type { FileStore, ReceivedFile, UploadFormSpec } from "#core/files/index.ts";
import {
  type Answers,
  type FileFieldDef,
  type FileRef,
  type Step,
  uploadLimits,
} from "#modules/forms/index.ts";
import { type Draft, draftFiles } from "./drafts.service.ts";

/** The upload fields of a step (also inside groups); uploads in repeatable groups are not supported. */
export function uploadFieldsOf(step: Step): FileFieldDef[] {
  return step.fields
    .flatMap((field) => (field.type === "group" ? field.fields : [field]))
    .filter((field): field is FileFieldDef => field.type === "file");
}

/** What the multipart reader must enforce on this step: each field's types, count and size, and a total. */
export function uploadSpec(step: Step): UploadFormSpec {
  const fields = uploadFieldsOf(step);
  const rules = fields.map((field) => {
    const limits = uploadLimits(field);
    return [
      field.id,
      { accept: limits.mediaTypes, maxFiles: limits.maxFiles, maxFileBytes: limits.maxSizeBytes },
    ] as const;
  });
  const maxFiles = rules.reduce((sum, [, rule]) => sum + rule.maxFiles, 0);
  const maxTotalBytes = rules.reduce((sum, [, rule]) => sum + rule.maxFiles * rule.maxFileBytes, 0);
  return {
    files: Object.fromEntries(rules),
    maxFiles: Math.max(1, maxFiles),
    maxTotalBytes: Math.max(1, maxTotalBytes),
  };
}

const refsOf = (answers: Answers, fieldId: string): FileRef[] =>
  Array.isArray(answers[fieldId]) ? (answers[fieldId] as FileRef[]) : [];

/**
 * Keeps the files received on a step for the draft (state "draft", removable until submission) and adds
 * them to the answers of their fields; the engine then checks count, size and type like any answer.
 */
export async function keepUploads(
  store: FileStore,
  draft: Draft,
  step: Step,
  received: ReceivedFile[],
): Promise<Answers> {
  const answers: Answers = { ...draft.answers };
  const fields = new Map(uploadFieldsOf(step).map((field) => [field.id, field]));
  for (const file of received) {
    const field = fields.get(file.field);
    if (!field) continue;
    const documentType = uploadLimits(field).documentType;
    const stored = await store.save(draft.tenantId, file, { owner: draftFiles(draft.id), documentType });
    const ref: FileRef = {
      fileId: stored.id,
      name: stored.originalName,
      size: stored.size,
      mediaType: stored.mediaType,
      documentType,
    };
    answers[field.id] = [...refsOf(answers, field.id), ref];
  }
  return answers;
}

/** Deletes the draft's uploads that the answers no longer name (removed by the citizen). */
export async function dropRemovedUploads(store: FileStore, draft: Draft, step: Step, kept: Answers) {
  for (const field of uploadFieldsOf(step)) {
    const still = new Set(refsOf(kept, field.id).map((ref) => ref.fileId));
    for (const ref of refsOf(draft.answers, field.id))
      if (!still.has(ref.fileId)) await store.remove(draft.tenantId, ref.fileId, draftFiles(draft.id));
  }
}
