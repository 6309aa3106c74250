import { type Static, Type } from "@sinclair/typebox";

/**
 * The building blocks every part of a form definition uses: ids, texts in German (English optional),
 * conditions on answers, date bounds and the properties all answerable fields share.
 */

/** A field id: camelCase letters and digits, so it is safe in form-body names, HTML ids and JSON. */
export const FieldIdSchema = Type.String({ pattern: "^[a-z][A-Za-z0-9]{0,39}$" });

/** A text shown to the citizen; German is required, English shown where given. */
export const TextSchema = Type.Object(
  {
    de: Type.String({ minLength: 1, maxLength: 4000 }),
    en: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
  },
  { additionalProperties: false },
);
export type LocalText = Static<typeof TextSchema>;

const ScalarSchema = Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean()]);
export type Scalar = Static<typeof ScalarSchema>;

export const comparisonOps = [
  "eq",
  "ne",
  "in",
  "includes",
  "answered",
  "empty",
  "gt",
  "gte",
  "lt",
  "lte",
] as const;

/**
 * One test of an answer: `eq`/`ne` a value, `in` a list, `includes` (a ticked checkbox), `answered`/`empty`,
 * `gt`/`gte`/`lt`/`lte` a number or ISO date, either `value` or the answer of `otherField`.
 */
export const ComparisonSchema = Type.Object(
  {
    field: FieldIdSchema,
    op: Type.Union(comparisonOps.map((op) => Type.Literal(op))),
    value: Type.Optional(Type.Union([ScalarSchema, Type.Array(ScalarSchema, { maxItems: 100 })])),
    otherField: Type.Optional(FieldIdSchema),
  },
  { additionalProperties: false },
);
export type Comparison = Static<typeof ComparisonSchema>;

export const ConditionSchema = Type.Recursive(
  (Self) =>
    Type.Union([
      ComparisonSchema,
      Type.Object({ all: Type.Array(Self, { minItems: 1, maxItems: 20 }) }, { additionalProperties: false }),
      Type.Object({ any: Type.Array(Self, { minItems: 1, maxItems: 20 }) }, { additionalProperties: false }),
      Type.Object({ not: Self }, { additionalProperties: false }),
    ]),
  { $id: "Condition" },
);
export type Condition = Static<typeof ConditionSchema>;

/** A limit for a date: a fixed day, today (Europe/Berlin) plus days, or another date answer plus days. */
export const DateBoundSchema = Type.Union([
  Type.Object({ date: Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" }) }, { additionalProperties: false }),
  Type.Object(
    { today: Type.Integer({ minimum: -100_000, maximum: 100_000 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { field: FieldIdSchema, days: Type.Optional(Type.Integer({ minimum: -100_000, maximum: 100_000 })) },
    { additionalProperties: false },
  ),
]);
export type DateBound = Static<typeof DateBoundSchema>;

/** Profile values the application flow can fill in; `address` fills an address block's three parts. */
export const prefillKeys = [
  "givenName",
  "familyName",
  "street",
  "postalCode",
  "town",
  "email",
  "phone",
  "birthdate",
  "address",
] as const;
export type PrefillKey = (typeof prefillKeys)[number];

/** What every answerable field has. `optional` marks the label "(optional)"; all others are required. */
export const answerableProps = {
  id: FieldIdSchema,
  label: TextSchema,
  hint: Type.Optional(TextSchema),
  optional: Type.Optional(Type.Boolean()),
  visibleWhen: Type.Optional(ConditionSchema),
  /** Required even though `optional`, while this matches. */
  requiredWhen: Type.Optional(ConditionSchema),
  /** Own wording for "missing" and "not valid" instead of the generic messages. */
  messages: Type.Optional(
    Type.Object(
      { required: Type.Optional(TextSchema), invalid: Type.Optional(TextSchema) },
      { additionalProperties: false },
    ),
  ),
  prefill: Type.Optional(Type.Union(prefillKeys.map((key) => Type.Literal(key)))),
};

export const OptionSchema = Type.Object(
  {
    value: Type.String({ pattern: "^[A-Za-z0-9_-]{1,60}$" }),
    label: TextSchema,
    hint: Type.Optional(TextSchema),
  },
  { additionalProperties: false },
);
export type ChoiceOptionDef = Static<typeof OptionSchema>;
export const OptionsSchema = Type.Array(OptionSchema, { minItems: 1, maxItems: 200 });
