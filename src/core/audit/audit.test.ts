import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#core/db/connect.ts";
import { uuidv7 } from "#core/db/ids.ts";
import { freshDatabase, testDrivers } from "#test/db.ts";
import { createAuditLog } from "./audit.ts";

describe.each(testDrivers())("audit log on %s", (driver) => {
  let database: DatabaseHandle;
  const tenants = [uuidv7(), uuidv7()];
  beforeAll(async () => {
    database = await freshDatabase(driver);
    for (const [i, id] of tenants.entries()) {
      await database.db
        .insertInto("tenants")
        .values({
          id,
          slug: `t${i}`,
          name: `T${i}`,
          official_name: `Gemeinde T${i}`,
          opening_hours: "[]",
          logo_svg: null,
        })
        .execute();
    }
  });
  afterAll(() => database?.close());

  it("lists a tenant's events newest first, page by page, and nobody else's", async () => {
    const audit = createAuditLog(database.db);
    for (let i = 0; i < 5; i++) {
      await audit.record({
        tenantId: tenants[0] ?? "",
        actor: { type: "system" },
        action: "test.step",
        target: `e${i}`,
      });
    }
    await audit.record({
      tenantId: tenants[1] ?? "",
      actor: { type: "system" },
      action: "test.step",
      target: "other",
    });
    const firstPage = await audit.list(tenants[0] ?? "", { limit: 3 });
    expect(firstPage.map((e) => e.target)).toEqual(["e4", "e3", "e2"]);
    const secondPage = await audit.list(tenants[0] ?? "", { limit: 3, before: firstPage.at(-1)?.id });
    expect(secondPage.map((e) => e.target)).toEqual(["e1", "e0"]);
  });

  it("refuses malformed action names", async () => {
    const audit = createAuditLog(database.db);
    await expect(
      audit.record({ tenantId: tenants[0] ?? "", actor: { type: "system" }, action: "Bad Action" }),
    ).rejects.toThrow(/Invalid audit action/);
  });
});
