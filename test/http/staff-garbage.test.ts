import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roles } from "#modules/staff/index.ts";
import { testDrivers } from "../db.ts";
import type { FormClient } from "../form-client.ts";
import { startTestApp, type TestApp } from "../server.ts";
import { signInStaff } from "../staff.ts";
import { emailPattern, h1, normalize, text, wire } from "./account-garbage.ts";

/**
 * Garbage against the staff administration and sign-in forms: generated invitations (any text, repeated or
 * unknown roles and departments, taken addresses) and sign-ins are answered below 500, a refusal says what is
 * wrong, and the database holds exactly the accounts whose invitation was valid. The oracle restates the
 * rules of src/modules/staff/README.md rather than importing them.
 */

const seed = Number(process.env.FUZZ_SEED ?? 20_261_128);
const taken = ["admin@usingen.example", "sachbearbeitung@usingen.example"];
const roleValue = fc.oneof(fc.constantFrom(...roles), fc.constantFrom("Admin", "root", "", "admin "), text);

const invitation = fc.record({
  displayName: fc.oneof(fc.constantFrom("Berta Beispiel", "Ömer Çelik", "  ", ""), text),
  email: fc.oneof(fc.emailAddress(), fc.constantFrom(...taken, " ADMIN@usingen.example "), text),
  roles: fc.array(roleValue, { maxLength: 4 }),
  departments: fc.array(fc.oneof(fc.constant("known"), fc.uuid(), text), { maxLength: 3 }),
});

describe.each(testDrivers())("staff forms under generated garbage on %s", (driver) => {
  const runs = (n: number) => (driver === "pglite" ? n : Math.ceil(n / 4));
  let t: TestApp;
  let admin: FormClient;
  let tenantId = "";
  let departmentId = "";
  const accepted = new Set<string>(taken);

  beforeAll(async () => {
    t = await startTestApp(driver, { env: { TRUST_PROXY: "true" } });
    admin = await signInStaff(t.url, "usingen", "admin@usingen.example");
    tenantId = (await t.services.tenants.bySlug("usingen"))?.id ?? "";
    departmentId = (await t.services.staff.departments.list(tenantId))[0]?.id ?? "";
    for (const m of await t.services.staff.staff.list(tenantId)) accepted.add(m.email);
  });
  afterAll(() => t?.close());

  it("invites exactly the valid submissions and refuses the rest clearly", async () => {
    await fc.assert(
      fc.asyncProperty(invitation, async (s) => {
        await admin.get("/usingen/verwaltung/mitarbeitende/einladen");
        const departments = s.departments.map((d) => (d === "known" ? departmentId : d));
        const answer = await admin.post("/usingen/verwaltung/mitarbeitende/einladen", {
          displayName: s.displayName,
          email: s.email,
          roles: s.roles,
          departments,
        });
        const name = wire(s.displayName).trim();
        const email = normalize(wire(s.email));
        const valid =
          name.length > 0 &&
          name.length <= 120 &&
          email.length <= 254 &&
          emailPattern.test(email) &&
          !accepted.has(email) &&
          s.roles.length > 0 &&
          s.roles.every((role) => (roles as readonly string[]).includes(wire(role))) &&
          departments.every((d) => d === departmentId);
        expect(answer.status, JSON.stringify(s)).toBeLessThan(500);
        // NUL cannot be stored by PostgreSQL: such requests are refused as a whole (400) before any handler.
        const nul = [s.displayName, s.email, ...s.roles, ...departments].some((v) => v.includes("\u0000"));
        if (nul) expect(answer.status).toBe(400);
        else if (valid) {
          expect(answer.status, JSON.stringify(s)).toBe(303);
          accepted.add(email);
        } else {
          expect(answer.status, JSON.stringify(s)).toBe(422);
          expect(h1(answer.html)).toBeTruthy();
          expect(answer.html).toContain("error-summary");
        }
      }),
      { seed, numRuns: runs(300), endOnFailure: true },
    );
    const stored = (await t.services.staff.staff.list(tenantId)).map((m) => m.email).sort();
    expect(stored).toEqual([...accepted].sort());
  }, 240_000);

  it("invites an address once when the same invitation is sent several times at once", async () => {
    await admin.get("/usingen/verwaltung/mitarbeitende/einladen");
    const fields = { displayName: "Doppelt", email: "doppelt@usingen.example", roles: "clerk" };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => admin.post("/usingen/verwaltung/mitarbeitende/einladen", fields)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([303, 422, 422, 422, 422, 422]);
    const stored = await t.services.staff.staff.list(tenantId);
    expect(stored.filter((m) => m.email === "doppelt@usingen.example")).toHaveLength(1);
  });

  it("answers generated sign-ins below 500 and never signs anyone in", async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ email: text, password: text, n: fc.nat() }), async (s) => {
        const response = await fetch(`${t.url}/usingen/verwaltung/anmelden`, {
          method: "POST",
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            cookie: `__csrf=${admin.cookie("__csrf")}`,
            "x-forwarded-for": `10.9.${(s.n >> 8) & 255}.${s.n & 255}`,
          },
          body: new URLSearchParams({ _csrf: "forged", email: s.email, password: s.password }).toString(),
          redirect: "manual",
        });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(response.headers.getSetCookie().join()).not.toContain("rathaus_staff_sid=");
      }),
      { seed: seed + 1, numRuns: runs(200), endOnFailure: true },
    );
  }, 120_000);
});
