import { type Static, Type } from "@sinclair/typebox";
import { addressFieldSchema } from "../fields/address.tsx";
import { checkboxesFieldSchema } from "../fields/checkboxes.tsx";
import { dateFieldSchema } from "../fields/date.tsx";
import { declarationFieldSchema } from "../fields/declaration.tsx";
import { emailFieldSchema } from "../fields/email.tsx";
import { fileFieldSchema } from "../fields/file-upload.tsx";
import { ibanFieldSchema } from "../fields/iban.tsx";
import { infoFieldSchema } from "../fields/info.tsx";
import { numberFieldSchema } from "../fields/number.tsx";
import { phoneFieldSchema } from "../fields/phone.tsx";
import { postalTownFieldSchema } from "../fields/postal-town.tsx";
import { radiosFieldSchema } from "../fields/radios.tsx";
import { selectFieldSchema } from "../fields/select.tsx";
import { textFieldSchema } from "../fields/text.tsx";
import { textareaFieldSchema } from "../fields/textarea.tsx";
import { yesNoFieldSchema } from "../fields/yes-no.tsx";
import { ExprSchema } from "./expressions.ts";
import { ConditionSchema, FieldIdSchema, TextSchema } from "./parts.ts";

/**
 * The form definition format, version 1: steps of fields; a field is a leaf (one question), a group
 * (a fieldset of leaves, answers stay top-level) or a repeatable group (a list of items of leaves). Computed
 * values and cross-field checks refer to fields by id. See README.md for the whole format with an example.
 */
export const LeafFieldSchema = Type.Union([
  textFieldSchema,
  textareaFieldSchema,
  numberFieldSchema,
  dateFieldSchema,
  emailFieldSchema,
  phoneFieldSchema,
  ibanFieldSchema,
  postalTownFieldSchema,
  addressFieldSchema,
  selectFieldSchema,
  radiosFieldSchema,
  checkboxesFieldSchema,
  yesNoFieldSchema,
  fileFieldSchema,
  infoFieldSchema,
  declarationFieldSchema,
]);
export type LeafField = Static<typeof LeafFieldSchema>;
export type LeafType = LeafField["type"];

const containerProps = {
  id: FieldIdSchema,
  label: TextSchema,
  hint: Type.Optional(TextSchema),
  visibleWhen: Type.Optional(ConditionSchema),
  fields: Type.Array(LeafFieldSchema, { minItems: 1, maxItems: 50 }),
};

/** A fieldset around related questions; its fields' answers are top-level like any other. */
export const GroupFieldSchema = Type.Object(
  { type: Type.Literal("group"), ...containerProps },
  { additionalProperties: false },
);
export type GroupField = Static<typeof GroupFieldSchema>;

/**
 * A list of items with the same questions (e.g. the pieces of bulky waste); the answer is an array of
 * objects keyed by the item fields' ids. Form-body names: `${id}[${index}].${fieldId}`.
 */
export const RepeatFieldSchema = Type.Object(
  {
    type: Type.Literal("repeat"),
    ...containerProps,
    min: Type.Integer({ minimum: 0, maximum: 50 }),
    max: Type.Integer({ minimum: 1, maximum: 50 }),
    /** Heading of each item, `{n}` is its number: "Gegenstand {n}". */
    itemLabel: TextSchema,
    addLabel: Type.Optional(TextSchema),
  },
  { additionalProperties: false },
);
export type RepeatField = Static<typeof RepeatFieldSchema>;

export const StepFieldSchema = Type.Union([LeafFieldSchema, GroupFieldSchema, RepeatFieldSchema]);
export type StepField = Static<typeof StepFieldSchema>;

export const StepSchema = Type.Object(
  {
    /** Part of the step's URL. */
    id: Type.String({ pattern: "^[a-z][a-z0-9-]{0,39}$" }),
    title: TextSchema,
    intro: Type.Optional(TextSchema),
    fields: Type.Array(StepFieldSchema, { minItems: 1, maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type Step = Static<typeof StepSchema>;

/** A value computed from the answers, e.g. the fee; `cents` values are rounded to whole cents. */
export const ComputedSchema = Type.Object(
  {
    id: FieldIdSchema,
    label: TextSchema,
    format: Type.Union([Type.Literal("cents"), Type.Literal("number")]),
    expr: ExprSchema,
  },
  { additionalProperties: false },
);
export type Computed = Static<typeof ComputedSchema>;

/**
 * A rule across fields: while `when` matches (or always), `assert` must hold, else `message` is shown at
 * `field`. It is only checked when every field `assert` names has an answer.
 */
export const CheckSchema = Type.Object(
  {
    field: FieldIdSchema,
    when: Type.Optional(ConditionSchema),
    assert: ConditionSchema,
    message: TextSchema,
  },
  { additionalProperties: false },
);
export type Check = Static<typeof CheckSchema>;

/**
 * The service needs verified data: only a citizen signed in through an identity provider at `trustLevel` or
 * higher in the current session may start it, and the fields prefilled from name, date of birth and address
 * take the provider's values and cannot be changed (see `verified-prefill.ts`).
 */
export const VerifiedIdentitySchema = Type.Object(
  { trustLevel: Type.Union([Type.Literal("substantiell"), Type.Literal("hoch")]) },
  { additionalProperties: false },
);
export type VerifiedIdentity = Static<typeof VerifiedIdentitySchema>;

export const FormDefinitionSchema = Type.Object(
  {
    formatVersion: Type.Literal(1),
    /** The catalog service's `form_key`, e.g. "hundesteuer-anmeldung". */
    key: Type.String({ pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", maxLength: 80 }),
    title: TextSchema,
    intro: Type.Optional(TextSchema),
    steps: Type.Array(StepSchema, { minItems: 1, maxItems: 30 }),
    computed: Type.Optional(Type.Array(ComputedSchema, { maxItems: 20 })),
    checks: Type.Optional(Type.Array(CheckSchema, { maxItems: 50 })),
    /** Id of the computed value (format `cents`) that is the fee to pay. */
    fee: Type.Optional(FieldIdSchema),
    verifiedIdentity: Type.Optional(VerifiedIdentitySchema),
  },
  { additionalProperties: false },
);
export type FormDefinition = Static<typeof FormDefinitionSchema>;
