import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#core/db/connect.ts";
import { inTransaction } from "#core/db/transaction.ts";
import { freshDatabase, testDrivers } from "#test/db.ts";
import { insertTenantRow } from "#test/tenant-rows.ts";
import { derivedReferencePrefix, formatReference, nextReference } from "./references.ts";

describe.each(testDrivers())("reference numbers on %s", (driver) => {
  let database: DatabaseHandle;
  let usingen: string;
  let other: string;
  beforeAll(async () => {
    database = await freshDatabase(driver);
    usingen = await insertTenantRow(database.db, "usingen");
    other = await insertTenantRow(database.db, "other");
  });
  afterAll(() => database?.close());

  const next = (tenantId: string, scope = "application", at = new Date("2026-06-01T12:00:00Z")) =>
    inTransaction(database.db, (tx) => nextReference(tx, { tenantId, scope, prefix: "USI", at }));

  it("counts per tenant, scope and Berlin calendar year", async () => {
    expect(await next(usingen)).toBe("USI-2026-000001");
    expect(await next(usingen)).toBe("USI-2026-000002");
    expect(await next(other)).toBe("USI-2026-000001");
    expect(await next(usingen, "payment")).toBe("USI-2026-000001");
    // 23:30 UTC on New Year's Eve is already 2027 in Berlin.
    expect(await next(usingen, "application", new Date("2026-12-31T23:30:00Z"))).toBe("USI-2027-000001");
    expect(await next(usingen)).toBe("USI-2026-000003");
  });

  it("hands a rolled-back number out again", async () => {
    const before = await next(usingen, "rollback");
    await expect(
      inTransaction(database.db, async (tx) => {
        await nextReference(tx, { tenantId: usingen, scope: "rollback", prefix: "USI" });
        throw new Error("submission failed later");
      }),
    ).rejects.toThrow("submission failed later");
    const after = await next(usingen, "rollback");
    expect([before, after]).toEqual(["USI-2026-000001", "USI-2026-000002"]);
  });

  it("gives parallel transactions distinct numbers without gaps, also when some roll back", async () => {
    const attempts = 40;
    const results = await Promise.allSettled(
      Array.from({ length: attempts }, (_, i) =>
        inTransaction(database.db, async (tx) => {
          const reference = await nextReference(tx, { tenantId: usingen, scope: "parallel", prefix: "USI" });
          // Hold the counter row while the rest of a submission would run, so others queue behind it.
          await sql`select pg_sleep(0.005)`.execute(tx);
          if (i % 5 === 0) throw new Error("rolled back");
          return reference;
        }),
      ),
    );
    const committed = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    expect(committed).toHaveLength(attempts - attempts / 5);
    const numbers = committed.map((r) => Number(r.slice(-6))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: committed.length }, (_, i) => i + 1));
  });

  it("refuses to run outside a transaction and refuses malformed scopes and prefixes", async () => {
    await expect(
      // biome-ignore lint/suspicious/noExplicitAny: the type forbids this; the runtime check is what is tested
      nextReference(database.db as any, { tenantId: usingen, scope: "application", prefix: "USI" }),
    ).rejects.toThrow(/inside a transaction/);
    await expect(
      inTransaction(database.db, (tx) =>
        nextReference(tx, { tenantId: usingen, scope: "A;", prefix: "USI" }),
      ),
    ).rejects.toThrow(/scope/);
    await expect(
      inTransaction(database.db, (tx) => nextReference(tx, { tenantId: usingen, scope: "a", prefix: "usi" })),
    ).rejects.toThrow(/prefix/);
  });
});

describe("reference formatting", () => {
  it("pads to six digits and derives prefixes from names", () => {
    expect(formatReference("USI", 2026, 123)).toBe("USI-2026-000123");
    expect(formatReference("USI", 2026, 1_234_567)).toBe("USI-2026-1234567");
    expect(derivedReferencePrefix("Usingen")).toBe("USI");
    expect(derivedReferencePrefix("Neu-Anspach")).toBe("NEU");
    expect(derivedReferencePrefix("Öhringen")).toBe("OEH");
    expect(derivedReferencePrefix("Ürzig")).toBe("UER");
    expect(derivedReferencePrefix("Å")).toBe("AX");
  });

  it("derives a valid prefix from any name", () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        expect(derivedReferencePrefix(name)).toMatch(/^[A-Z]{2,3}$/);
      }),
    );
  });
});
