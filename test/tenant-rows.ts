import { uuidv7 } from "#core/db/ids.ts";
import type { Db } from "#core/db/transaction.ts";

/** A bare tenant row for tests of tenant-owned tables that need no more of a municipality than its id. */
export async function insertTenantRow(db: Db, slug: string, name = slug): Promise<string> {
  const id = uuidv7();
  await db
    .insertInto("tenants")
    .values({ id, slug, name, official_name: name, opening_hours: "[]", logo_svg: null })
    .execute();
  return id;
}
