import type { MultipartFile, MultipartValue } from "@fastify/multipart";
import type { FastifyReply, FastifyRequest } from "fastify";
import { verifyCsrfToken } from "#core/http/deferred-csrf.ts";
import { AppError, BadRequest, type FieldError } from "#core/http/errors.ts";
import { containsNul, formBody } from "#core/http/form-page.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { format } from "#core/i18n/messages.ts";
import type { VirusScanner } from "./clamd.ts";
import { uploadMessages } from "./files.messages.ts";
import { cleanFileName, formatBytes, mediaTypeLabel } from "./media-types.ts";
import {
  type ByteBudget,
  type FileRule,
  type ReceivedFile,
  receiveFile,
  type UploadProblem,
} from "./upload-part.ts";

export interface UploadFormSpec {
  /** The form's file fields and their rules; a file sent in any other field is refused (400). */
  files: Readonly<Record<string, FileRule>>;
  /** Most file parts in all, empty file inputs included (browsers send those too); more: 413. */
  maxFiles: number;
  /** Most bytes of all files together; a file past it is refused at its field. */
  maxTotalBytes: number;
  /** Most text fields (default 300); more: 413. */
  maxFields?: number;
  /** Most bytes of one text value (default 100,000); more: 413. */
  maxFieldBytes?: number;
}

export interface UploadForm {
  /** Text fields as @fastify/formbody gives them: a repeated name becomes a list. Without `_csrf`. */
  fields: Record<string, string | string[]>;
  /** Accepted files, waiting in the incoming folder: `save` them, the rest is deleted after the reply. */
  files: ReceivedFile[];
  /** Files not accepted, worded for the citizen at their field (answer with 422 and keep the other input). */
  errors: FieldError[];
}

const tooMuch = (detail: string) => new AppError(413, "payload-too-large", detail);

const limitDetails: Record<string, string> = {
  FST_FILES_LIMIT: "The form sends more files than allowed.",
  FST_FIELDS_LIMIT: "The form sends more fields than allowed.",
  FST_PARTS_LIMIT: "The form sends more parts than allowed.",
};

/** Parser failures are the client's: limits become 413, malformed bodies 400, never a 500. */
function asClientError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const { code, statusCode } = error as { code?: string; statusCode?: number };
  if (code && limitDetails[code]) return tooMuch(limitDetails[code]);
  if (statusCode && statusCode >= 400 && statusCode < 500) return error;
  return BadRequest("The multipart form data is malformed.");
}

async function* guarded<T>(parts: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = parts[Symbol.asyncIterator]();
  while (true) {
    let step: IteratorResult<T>;
    try {
      step = await iterator.next();
    } catch (error) {
      throw asClientError(error);
    }
    if (step.done) return;
    yield step.value;
  }
}

async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  try {
    for await (const _ of stream);
  } catch {
    throw BadRequest("The upload was interrupted or is malformed.");
  }
}

function addField(fields: UploadForm["fields"], name: string, value: string): void {
  const existing = Object.hasOwn(fields, name) ? fields[name] : undefined;
  if (existing === undefined) fields[name] = value;
  else fields[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
}

/** Why a file was not accepted, as an instruction to the citizen in their language. */
function describeProblem(problem: UploadProblem, name: string, lang: Lang): string {
  const t = uploadMessages[lang];
  const allowed = (accept: readonly string[]) =>
    new Intl.ListFormat(lang, { type: "disjunction" }).format(accept.map(mediaTypeLabel));
  switch (problem.kind) {
    case "too-large":
      return format(t.tooLarge, { name, max: formatBytes(problem.maxBytes, lang) });
    case "total-too-large":
      return format(t.totalTooLarge, { name, max: formatBytes(problem.maxBytes, lang) });
    case "empty":
      return format(t.empty, { name });
    case "type-not-allowed":
      return format(t.typeNotAllowed, { name, allowed: allowed(problem.accept) });
    case "content-mismatch":
      return format(t.contentMismatch, {
        name,
        claimed: mediaTypeLabel(problem.claimed),
        allowed: allowed(problem.accept),
      });
    case "infected":
      return format(t.infected, { name });
    case "scan-unavailable":
      return format(t.scanUnavailable, { name });
  }
}

export interface UploadReaderDeps {
  incomingPath: () => Promise<string>;
  removeIncoming: (path: string) => Promise<void>;
  scanner: VirusScanner | undefined;
}

/**
 * Reads a `multipart/form-data` request into `{ fields, files, errors }` for a route with
 * `config: { multipartForm: true }`. Such a route's CSRF token is checked here, before any file is read: it
 * must be the form's first field (`<Form>` renders it first, and browsers send fields in document order, so
 * this works without JavaScript) or an `x-csrf-token` header. A url-encoded post to the same route (a form
 * without files) has been checked already and gives its parsed body.
 */
export function uploadFormReader(deps: UploadReaderDeps) {
  return async function readUploadForm(
    request: FastifyRequest,
    reply: FastifyReply,
    spec: UploadFormSpec,
  ): Promise<UploadForm> {
    if (request.routeOptions.config.multipartForm !== true) {
      throw new Error("readUploadForm needs config: { multipartForm: true } on the route");
    }
    if (!request.isMultipart()) {
      const { _csrf, ...fields } = formBody(request.body) as UploadForm["fields"];
      return { fields, files: [], errors: [] };
    }
    const t = uploadMessages[request.lang];
    const temporary: string[] = [];
    reply.raw.once("close", () => {
      for (const path of temporary)
        deps.removeIncoming(path).catch((error) => request.log.error({ err: error }));
    });
    let csrfChecked = false;
    if (request.headers["x-csrf-token"] !== undefined) {
      await verifyCsrfToken(request, reply, undefined);
      csrfChecked = true;
    }
    const rules = Object.values(spec.files);
    const parts = request.parts({
      limits: {
        fileSize: Math.max(0, ...rules.map((rule) => rule.maxFileBytes)) + 1,
        files: spec.maxFiles,
        fields: spec.maxFields ?? 300,
        fieldSize: spec.maxFieldBytes ?? 100_000,
        fieldNameSize: 200,
      },
    });
    const budget: ByteBudget = { remaining: spec.maxTotalBytes, total: spec.maxTotalBytes };
    const counts = new Map<string, number>();
    const form: UploadForm = { fields: {}, files: [], errors: [] };
    const fail = (field: string, message: string) => {
      if (!form.errors.some((e) => e.field === field && e.message === message))
        form.errors.push({ field, message });
    };
    for await (const part of guarded<MultipartFile | MultipartValue>(parts)) {
      if (!csrfChecked) {
        const first = part.type === "field" && part.fieldname === "_csrf" ? String(part.value) : undefined;
        await verifyCsrfToken(request, reply, first ?? "");
        csrfChecked = true;
        if (first !== undefined) continue;
      }
      if (containsNul(part.fieldname)) throw BadRequest("The request contains a NUL character.");
      if (part.type === "field") {
        if (part.valueTruncated) throw tooMuch("A form field is longer than allowed.");
        const value = String(part.value);
        if (containsNul(value)) throw BadRequest("The request contains a NUL character.");
        // An empty file input arrives as a text field of its name (no file name): it is no answer.
        if (part.fieldname !== "_csrf" && !Object.hasOwn(spec.files, part.fieldname)) {
          addField(form.fields, part.fieldname, value);
        }
        continue;
      }
      const rule = Object.hasOwn(spec.files, part.fieldname) ? spec.files[part.fieldname] : undefined;
      if (!rule) throw BadRequest(`The form has no file field "${part.fieldname.slice(0, 100)}".`);
      // A browser sends a file input left empty as a file part without a name or content: no answer.
      if (!part.filename) {
        await drain(part.file);
        continue;
      }
      const count = (counts.get(part.fieldname) ?? 0) + 1;
      counts.set(part.fieldname, count);
      if (count > rule.maxFiles) {
        await drain(part.file);
        fail(part.fieldname, rule.maxFiles === 1 ? t.tooManyOne : format(t.tooMany, { max: rule.maxFiles }));
        continue;
      }
      const tempPath = await deps.incomingPath();
      temporary.push(tempPath);
      const originalName = cleanFileName(part.filename, "upload");
      const outcome = await receiveFile({ field: part.fieldname, originalName, stream: part.file }, rule, {
        tempPath,
        budget,
        scanner: deps.scanner,
      });
      if ("file" in outcome) {
        form.files.push(outcome.file);
      } else {
        if (outcome.logDetail)
          request.log.warn(
            { scan: outcome.logDetail, file: originalName },
            "upload refused by the virus scan",
          );
        fail(part.fieldname, describeProblem(outcome.problem, originalName, request.lang));
      }
    }
    if (!csrfChecked) await verifyCsrfToken(request, reply, ""); // an empty form has no token either
    return form;
  };
}

export type ReadUploadForm = ReturnType<typeof uploadFormReader>;
