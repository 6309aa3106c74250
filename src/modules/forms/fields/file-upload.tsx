import { type Static, Type } from "@sinclair/typebox";
import { formatBytes, mediaTypeLabel } from "#core/files/index.ts";
import { format } from "#core/i18n/messages.ts";
import { ErrorMessage, FieldLabel, Hint } from "#core/views/form/field-parts.tsx";
import { describedBy, errorFor, errorId, fieldId, hintId } from "#core/views/form/index.ts";
import { answerableProps, TextSchema } from "../definition/parts.ts";
import { formsMessages } from "../forms.messages.ts";
import { ActionButton } from "./action-button.tsx";
import { defineKind, fail, localize, messageFor } from "./field-kind.ts";

const mediaTypePattern = "^[a-z]+/[a-z0-9.+-]+$";

export const fileFieldSchema = Type.Object(
  {
    type: Type.Literal("file"),
    ...answerableProps,
    /** What the citizen is asked for, e.g. "Personalausweis", "Lageplan", "Foto des Mangels". */
    documentType: TextSchema,
    /** 1 unless told. */
    maxFiles: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
    /** Per file; 10 MiB unless told. */
    maxSizeBytes: Type.Optional(Type.Integer({ minimum: 1024, maximum: 50 * 1024 * 1024 })),
    /** PDF, JPEG and PNG unless told; the file store checks the content, not the name. */
    mediaTypes: Type.Optional(
      Type.Array(Type.String({ pattern: mediaTypePattern }), { minItems: 1, maxItems: 20 }),
    ),
  },
  { additionalProperties: false },
);
export type FileFieldDef = Static<typeof fileFieldSchema>;

/** An uploaded file as the answer holds it; `documentType` is the field's German document type. */
export interface FileRef {
  fileId: string;
  name: string;
  size: number;
  mediaType: string;
  documentType: string;
}

/** The limits the upload handler must enforce for this field (the engine checks the answers against them). */
export function uploadLimits(field: FileFieldDef) {
  return {
    documentType: field.documentType.de,
    maxFiles: field.maxFiles ?? 1,
    maxSizeBytes: field.maxSizeBytes ?? 10 * 1024 * 1024,
    mediaTypes: field.mediaTypes ?? ["application/pdf", "image/jpeg", "image/png"],
  };
}

const formatList = (types: string[]) => types.map(mediaTypeLabel).join(", ");

function isFileRef(value: unknown): value is FileRef {
  const ref = value as Partial<FileRef> | null;
  return (
    typeof ref === "object" &&
    ref !== null &&
    typeof ref.fileId === "string" &&
    /^[A-Za-z0-9-]{1,64}$/.test(ref.fileId) &&
    typeof ref.name === "string" &&
    ref.name.length <= 255 &&
    Number.isSafeInteger(ref.size) &&
    (ref.size ?? -1) >= 0 &&
    typeof ref.mediaType === "string" &&
    typeof ref.documentType === "string"
  );
}

/**
 * An upload field. Its answer is set by the application flow from the file store (the body of a step never
 * carries it): a list of `FileRef`. Each file has a remove button, `_action=remove-file:<name>:<fileId>`.
 */
export const fileKind = defineKind<FileFieldDef, FileRef[], FileRef[]>({
  type: "file",
  schema: fileFieldSchema,
  fromBody: false,
  read: () => [],
  toInput: (value) => (Array.isArray(value) ? value.filter(isFileRef).slice(0, 50) : []),
  isEmpty: (input) => input.length === 0,
  parse(input, field, ctx) {
    const t = formsMessages[ctx.lang];
    const limits = uploadLimits(field);
    const document = localize(field.documentType, ctx.lang);
    if (input.length > limits.maxFiles)
      return fail(ctx.name, format(t.uploadTooMany, { document, max: limits.maxFiles }));
    for (const file of input) {
      if (file.documentType !== limits.documentType)
        return fail(ctx.name, format(t.uploadInvalid, { document }));
      if (file.size > limits.maxSizeBytes)
        return fail(
          ctx.name,
          format(t.uploadTooLarge, { name: file.name, size: formatBytes(limits.maxSizeBytes, ctx.lang) }),
        );
      if (!limits.mediaTypes.includes(file.mediaType))
        return fail(
          ctx.name,
          format(t.uploadType, { name: file.name, formats: formatList(limits.mediaTypes) }),
        );
    }
    return { value: input };
  },
  missing: (field, ctx) => [
    {
      field: ctx.name,
      message: messageFor(
        field,
        "required",
        ctx.lang,
        format(formsMessages[ctx.lang].upload, { document: localize(field.documentType, ctx.lang) }),
      ),
    },
  ],
  render(props) {
    const t = formsMessages[props.lang];
    const limits = uploadLimits(props.field);
    const id = fieldId(props.name);
    const error = errorFor(props.errors, props.name);
    const rules = format(t.uploadHint, {
      formats: formatList(limits.mediaTypes),
      size: formatBytes(limits.maxSizeBytes, props.lang),
      max: limits.maxFiles,
    });
    const full = props.input.length >= limits.maxFiles;
    return (
      <div class={["kern-form-input", "form-upload", error && "kern-form-input--error"]}>
        <FieldLabel for={id} text={props.label} lang={props.lang} optional={props.optional} />
        <Hint for={id} text={[props.hint, rules].filter(Boolean).join(" ")} />
        {props.input.length > 0 ? (
          <ul class="kern-list form-upload__files" aria-label={t.uploadedFiles}>
            {props.input.map((file, index) => (
              <li>
                <span safe>{`${file.name} (${formatBytes(file.size, props.lang)})`}</span>{" "}
                <ActionButton
                  label={t.remove}
                  context={file.name}
                  value={`remove-file:${props.name}:${file.fileId}`}
                  id={full && index === 0 ? id : undefined}
                />
              </li>
            ))}
          </ul>
        ) : (
          ""
        )}
        {full ? (
          ""
        ) : (
          <input
            class={["kern-form-input__input", error && "kern-form-input__input--error"]}
            type="file"
            id={id}
            name={props.name}
            accept={limits.mediaTypes.join(",")}
            multiple={limits.maxFiles - props.input.length > 1}
            aria-describedby={describedBy(hintId(id), error && errorId(id))}
            aria-invalid={error ? "true" : undefined}
          />
        )}
        <ErrorMessage for={id} text={error} lang={props.lang} />
      </div>
    );
  },
  display: (value, _field, lang) => value.map((file) => `${file.name} (${formatBytes(file.size, lang)})`),
});
