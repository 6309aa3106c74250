/**
 * Reading an HTML form body (application/x-www-form-urlencoded, parsed by @fastify/formbody) without trusting
 * its shape: a field may be missing, repeated (then it arrives as an array) or the body may be no object at
 * all. These readers never throw, so nothing a user sends turns into a 500; validation happens afterwards.
 */

export type FormBody = Readonly<Record<string, unknown>>;

/** The parsed body as a record, or an empty one for anything else (no body, JSON array, text). */
export function formBody(body: unknown): FormBody {
  return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as FormBody) : {};
}

/** One text field as sent (not trimmed, so it can be shown again as typed); "" when missing. */
export function readString(body: FormBody, name: string): string {
  const value = Object.hasOwn(body, name) ? body[name] : undefined;
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.find((item): item is string => typeof item === "string") ?? "";
  return "";
}

/** Every value sent under one name, e.g. the ticked boxes of a CheckboxGroup. */
export function readStrings(body: FormBody, name: string): string[] {
  const value = Object.hasOwn(body, name) ? body[name] : undefined;
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return [];
}

/** Whether a single Checkbox was ticked (its value, "yes" unless the view says otherwise, was sent). */
export function readChecked(body: FormBody, name: string, value = "yes"): boolean {
  return readStrings(body, name).includes(value);
}

/** The three inputs of a DateField (`${name}-day`, `-month`, `-year`) as typed. */
export function readDateParts(body: FormBody, name: string): { day: string; month: string; year: string } {
  return {
    day: readString(body, `${name}-day`),
    month: readString(body, `${name}-month`),
    year: readString(body, `${name}-year`),
  };
}

/**
 * The calendar date the parts name, as "YYYY-MM-DD", or undefined when it is incomplete, not a number or no
 * real day (31.02.). Surrounding spaces are ignored; the year must have four digits.
 */
export function isoDate(parts: { day: string; month: string; year: string }): string | undefined {
  const [day, month, year] = [parts.day.trim(), parts.month.trim(), parts.year.trim()];
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return undefined;
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * Whether a parsed body carries a NUL character anywhere. PostgreSQL cannot store one in text or jsonb, and
 * no browser sends one from a form field, so such requests are refused as a whole (400) before any handler.
 */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  // Raw bytes (a route that reads its body as a Buffer checks them itself) are no text fields; walking them
  // entry by entry would cost ~25 ms per 64 KB.
  if (depth > 20 || typeof value !== "object" || value === null || ArrayBuffer.isView(value)) return false;
  return Object.entries(value).some(([key, item]) => key.includes("\u0000") || containsNul(item, depth + 1));
}
