import { type Static, Type } from "@sinclair/typebox";
import { isoDate, readDateParts } from "#core/http/form-page.ts";
import { format } from "#core/i18n/messages.ts";
import { DateField, type DateParts } from "#core/views/form/index.ts";
import { answerableProps, type DateBound, DateBoundSchema } from "../definition/parts.ts";
import { formsMessages } from "../forms.messages.ts";
import { controlProps, defineKind, fail, messageFor, type ParseContext } from "./field-kind.ts";
import { missingEnter } from "./text-like.tsx";

export const dateFieldSchema = Type.Object(
  {
    type: Type.Literal("date"),
    ...answerableProps,
    /** The earliest allowed day (inclusive). */
    notBefore: Type.Optional(DateBoundSchema),
    /** The latest allowed day (inclusive). */
    notAfter: Type.Optional(DateBoundSchema),
  },
  { additionalProperties: false },
);
export type DateFieldDef = Static<typeof dateFieldSchema>;

const isoPattern = /^\d{4}-\d{2}-\d{2}$/;

/** `yyyy-mm-dd` plus whole days, in the calendar (no time zone involved). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** Days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "2026-03-27" → "27.03.2026" */
export function germanDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

/** The bound as an ISO date, or undefined when it names a date field that has no valid answer. */
export function resolveBound(
  bound: DateBound,
  ctx: Pick<ParseContext, "today" | "valueOf">,
): string | undefined {
  if ("date" in bound) return bound.date;
  if ("today" in bound) return addDays(ctx.today, bound.today);
  const other = ctx.valueOf(bound.field);
  return typeof other === "string" && isoPattern.test(other) ? addDays(other, bound.days ?? 0) : undefined;
}

/** A calendar date as three inputs (Tag, Monat, Jahr), stored as `yyyy-mm-dd`. */
export const dateKind = defineKind<DateFieldDef, DateParts, string>({
  type: "date",
  schema: dateFieldSchema,
  fromBody: true,
  read: readDateParts,
  toInput(value) {
    if (typeof value !== "string" || !isoPattern.test(value)) return { day: "", month: "", year: "" };
    const [year = "", month = "", day = ""] = value.split("-");
    return { day, month, year };
  },
  isEmpty: (input) => !input.day.trim() && !input.month.trim() && !input.year.trim(),
  parse(input, field, ctx) {
    const t = formsMessages[ctx.lang];
    const value = isoDate(input);
    if (!value || value < "1800-01-01")
      return fail(ctx.name, messageFor(field, "invalid", ctx.lang, format(t.date, { label: ctx.label })));
    const earliest = field.notBefore && resolveBound(field.notBefore, ctx);
    if (earliest && value < earliest)
      return fail(ctx.name, format(t.dateFrom, { label: ctx.label, date: germanDate(earliest) }));
    const latest = field.notAfter && resolveBound(field.notAfter, ctx);
    if (latest && value > latest)
      return fail(ctx.name, format(t.dateUntil, { label: ctx.label, date: germanDate(latest) }));
    return { value };
  },
  missing: missingEnter,
  render: (props) => (
    <DateField
      {...controlProps(props)}
      autocomplete={props.field.prefill === "birthdate" ? "bday" : undefined}
      value={props.input}
    />
  ),
  display: (value) => [germanDate(value)],
});
