import { type RawBuilder, sql } from "kysely";

/** `a = $1 and b = $2` for a row key given as column → value, in SQL built for tables named at runtime. */
export function columnsEqual(key: Record<string, string>): RawBuilder<unknown> {
  return sql.join(
    Object.entries(key).map(([column, value]) => sql`${sql.ref(column)} = ${value}`),
    sql` and `,
  );
}
