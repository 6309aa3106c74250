import { type TSchema, Type } from "@sinclair/typebox";
import type { FieldError } from "#core/http/errors.ts";
import { type FormBody, readString } from "#core/http/form-page.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { Hint, Legend } from "#core/views/form/field-parts.tsx";
import { errorFor, fieldId, hintId, TextField } from "#core/views/form/index.ts";
import { type LocalText, TextSchema } from "../definition/parts.ts";
import { formsMessages } from "../forms.messages.ts";
import {
  type AnyFieldKind,
  defineKind,
  hasControlChars,
  localize,
  type ParseContext,
  type RenderProps,
} from "./field-kind.ts";

/**
 * Shared by the address block and "Postleitzahl und Ort": parts named `${name}.street`, `${name}.postalCode`,
 * `${name}.town`, each its own input with its own error, as GOV.UK asks for addresses.
 */
export type AddressPart = "street" | "postalCode" | "town";
export type PartsInput<P extends AddressPart> = Record<P, string>;

/** Limit the postcodes, e.g. to the municipality's own ("Anwohnerparken nur im Stadtgebiet"). */
export const postalCodesSchema = Type.Optional(
  Type.Object(
    {
      allowed: Type.Array(Type.String({ pattern: "^\\d{5}$" }), { minItems: 1, maxItems: 100 }),
      message: Type.Optional(TextSchema),
    },
    { additionalProperties: false },
  ),
);
interface PartsField {
  postalCodes?: { allowed: string[]; message?: LocalText };
}

const maxLength: Record<AddressPart, number> = { street: 150, postalCode: 5, town: 100 };
const autocomplete: Record<AddressPart, string> = {
  street: "address-line1",
  postalCode: "postal-code",
  town: "address-level2",
};
const labelKey = { street: "streetLabel", postalCode: "postalCodeLabel", town: "townLabel" } as const;

export const partName = (name: string, part: AddressPart): string => `${name}.${part}`;

function readParts<P extends AddressPart>(parts: readonly P[], body: FormBody, name: string): PartsInput<P> {
  return Object.fromEntries(
    parts.map((part) => [part, readString(body, partName(name, part))]),
  ) as PartsInput<P>;
}

function partsFromValue<P extends AddressPart>(parts: readonly P[], value: unknown): PartsInput<P> {
  const record = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  return Object.fromEntries(
    parts.map((part) => [part, typeof record[part] === "string" ? record[part] : ""]),
  ) as PartsInput<P>;
}

const partsEmpty = (input: Record<string, string>): boolean =>
  Object.values(input).every((value) => value.trim() === "");

function partError(part: AddressPart, text: string, field: PartsField, lang: Lang): string | undefined {
  const t = formsMessages[lang];
  const message = { street: t.street, postalCode: t.postalCode, town: t.town }[part];
  if (!text || text.length > maxLength[part] || hasControlChars(text)) return message;
  if (part !== "postalCode") return undefined;
  if (!/^\d{5}$/.test(text)) return message;
  const allowed = field.postalCodes?.allowed;
  if (allowed && !allowed.includes(text))
    return localize(field.postalCodes?.message, lang) ?? t.postalCodeOutside;
  return undefined;
}

/** Every part must be given; each wrong part gets its own error. */
function parseParts<P extends AddressPart>(
  parts: readonly P[],
  input: PartsInput<P>,
  field: PartsField,
  ctx: ParseContext,
): { value?: PartsInput<P>; errors?: FieldError[] } {
  const value = Object.fromEntries(
    parts.map((part) => [part, input[part].trim().replace(/\s+/g, " ")]),
  ) as PartsInput<P>;
  const errors = parts.flatMap((part) => {
    const message = partError(part, value[part], field, ctx.lang);
    return message ? [{ field: partName(ctx.name, part), message }] : [];
  });
  return errors.length > 0 ? { errors } : { value };
}

function missingParts(parts: readonly AddressPart[], field: PartsField, ctx: ParseContext): FieldError[] {
  return parts.map((part) => ({
    field: partName(ctx.name, part),
    message: partError(part, "", field, ctx.lang) ?? "",
  }));
}

/** The parts as one fieldset; the legend is the field's label. */
function PartsFieldset<P extends AddressPart>(props: {
  parts: readonly P[];
  render: RenderProps<unknown, PartsInput<P>>;
}): JSX.Element {
  const { render } = props;
  const t = formsMessages[render.lang];
  const id = fieldId(render.name);
  return (
    <fieldset class="kern-fieldset" aria-describedby={render.hint ? hintId(id) : undefined}>
      <Legend text={render.label} lang={render.lang} optional={render.optional} />
      <Hint for={id} text={render.hint} />
      <div class="kern-fieldset__body">
        {props.parts.map((part) => (
          <TextField
            lang={render.lang}
            name={partName(render.name, part)}
            label={t[labelKey[part]]}
            autocomplete={autocomplete[part]}
            inputmode={part === "postalCode" ? "numeric" : undefined}
            width={part === "postalCode" ? 4 : undefined}
            value={render.input[part]}
            error={errorFor(render.errors, partName(render.name, part))}
          />
        ))}
      </div>
    </fieldset>
  );
}

const partsLines = (value: Record<string, string>): string[] =>
  [value.street, [value.postalCode, value.town].filter(Boolean).join(" ")].filter((line): line is string =>
    Boolean(line),
  );

/** A field made of these parts (the address block, "Postleitzahl und Ort"). */
export function partsKind<F extends PartsField, P extends AddressPart>(
  type: string,
  schema: TSchema,
  parts: readonly P[],
): AnyFieldKind {
  return defineKind<F, PartsInput<P>, PartsInput<P>>({
    type,
    schema,
    fromBody: true,
    read: (body, name) => readParts(parts, body, name),
    toInput: (value) => partsFromValue(parts, value),
    isEmpty: partsEmpty,
    parse: (input, field, ctx) => parseParts(parts, input, field, ctx),
    missing: (field, ctx) => missingParts(parts, field, ctx),
    render: (props) => <PartsFieldset parts={parts} render={props} />,
    display: partsLines,
  });
}
