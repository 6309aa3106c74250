import { sql } from "kysely";
import { tenantScope } from "#core/db/tenant-scope.ts";
import type { Tx } from "#core/db/transaction.ts";
import { format } from "#core/i18n/messages.ts";

export interface ReferenceRequest {
  tenantId: string;
  /** What is numbered: `application`, later `payment`; each scope counts on its own. */
  scope: string;
  /** Two to six capital letters, e.g. `USI`; see `derivedReferencePrefix`. */
  prefix: string;
  /** The year counted in is the calendar year of this moment in Berlin. Default: now. */
  at?: Date;
  /** How the reference is written, see `formatReference`. Default `{prefix}-{year}-{number}`. */
  pattern?: string;
}

const scopePattern = /^[a-z_]{1,40}$/;
const prefixPattern = /^[A-Z]{2,6}$/;
const berlinYear = new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", year: "numeric" });

/**
 * The next human reference of a tenant, scope and year, e.g. `USI-2026-000123`. The counter row stays locked
 * until `tx` ends, so concurrent callers queue behind each other; if `tx` rolls back, its number is handed out
 * again. That makes the sequence gap-free, and it is why this only runs inside the caller's transaction: call
 * it as late as possible in a short transaction, after the checks that may still fail.
 */
export async function nextReference(tx: Tx, request: ReferenceRequest): Promise<string> {
  if (!tx.isTransaction) throw new Error("nextReference must run inside a transaction");
  if (!scopePattern.test(request.scope)) throw new Error(`Invalid reference scope "${request.scope}"`);
  if (!prefixPattern.test(request.prefix)) throw new Error(`Invalid reference prefix "${request.prefix}"`);
  const year = Number(berlinYear.format(request.at ?? new Date()));
  const row = await tenantScope(tx, request.tenantId)
    .insertInto("reference_counters", { scope: request.scope, year, last_value: 1 })
    .onConflict((conflict) =>
      conflict
        .columns(["tenant_id", "scope", "year"])
        .doUpdateSet({ last_value: sql<number>`reference_counters.last_value + 1` }),
    )
    .returning("last_value")
    .executeTakeFirstOrThrow();
  return formatReference(request.prefix, year, row.last_value, request.pattern);
}

/**
 * `USI-2026-000123`: `pattern` with `{prefix}`, `{year}` and `{number}` filled in, the number six digits at
 * least, more once a year passes 999,999 (a municipality's Kassenzeichen pattern, e.g. `{prefix}-{year}-K{number}`).
 */
export function formatReference(
  prefix: string,
  year: number,
  value: number,
  pattern = "{prefix}-{year}-{number}",
): string {
  return format(pattern, { prefix, year, number: String(value).padStart(6, "0") });
}

/**
 * A prefix from a municipality's name when none is configured: its first three letters, umlauts and ß spelled
 * out, in capitals ("Usingen" → "USI", "Öhringen" → "OEH"), padded with X to the two letters a prefix needs.
 */
export function derivedReferencePrefix(name: string): string {
  const letters = name
    .replace(/ä/gi, "ae")
    .replace(/ö/gi, "oe")
    .replace(/ü/gi, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[^A-Za-z]/g, "")
    .toUpperCase();
  return letters.slice(0, 3).padEnd(2, "X");
}
