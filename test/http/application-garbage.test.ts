import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAnswers, type FormDefinition } from "#modules/forms/index.ts";
import { testDrivers } from "../db.ts";
import { FormClient } from "../form-client.ts";
import { startTestApp, type TestApp } from "../server.ts";

/**
 * Generated garbage against the application flow (issue 5, "Bad input"): 10,000 submissions (1,000 on
 * PostgreSQL) to the step pages and the review of guest drafts of three demo forms — real and invented field
 * names, repeat and upload buttons with any index, unknown and hidden steps, any Unicode, long values, missing
 * and forged CSRF tokens. Every answer is below 500, and every application in the database passes the final
 * check of its form version: nothing is created from invalid data. Seed: FUZZ_SEED or the fixed one; FUZZ_SCALE
 * scales the number of runs.
 */

const seed = Number(process.env.FUZZ_SEED ?? 20_261_127);
const services = ["sperrmuell-anmeldung", "gewerbeanmeldung", "maengelmelder"];

interface Target {
  draft: string;
  steps: string[];
  fieldNames: string[];
  cookie: string;
  csrf: string;
}

/** Every name a step's form may carry, with a repeat's items and the engine's buttons. */
function namesOf(definition: FormDefinition): string[] {
  const names = ["_action", "_flow", "email", "declaration"];
  for (const step of definition.steps)
    for (const field of step.fields) {
      names.push(field.id);
      if (field.type === "group")
        for (const child of field.fields) names.push(child.id, `${field.id}.${child.id}`);
      if (field.type === "repeat")
        for (const child of field.fields)
          names.push(`${field.id}[0].${child.id}`, `${field.id}[7].${child.id}`, `${field.id}.count`);
    }
  return names;
}

describe.each(testDrivers())("the application flow under generated garbage on %s", (driver) => {
  // FUZZ_SCALE shrinks or grows the run, e.g. 0.05 while working on the flow.
  const runs = Math.max(
    1,
    Math.round((driver === "pglite" ? 1_000 : 100) * Number(process.env.FUZZ_SCALE ?? 1)),
  );
  const perRun = 10;
  let t: TestApp;
  const targets: Target[] = [];
  let client = 0;

  beforeAll(async () => {
    t = await startTestApp(driver, { env: { TRUST_PROXY: "true" } });
    const usingen = await t.services.tenants.bySlug("usingen");
    for (const slug of services) {
      const browser = new FormClient(t.url);
      await browser.get(`/usingen/leistungen/${slug}/antrag`);
      const first = (await browser.post(`/usingen/leistungen/${slug}/antrag`, {})).location ?? "";
      const page = await browser.get(first);
      const form = await t.services.forms.latestPublished(usingen?.id ?? "", slug);
      if (!form) throw new Error(`no form ${slug}`);
      targets.push({
        draft: first.split("/").slice(0, 4).join("/"),
        steps: [
          ...form.definition.steps.map((s) => s.id),
          "pruefen",
          "speichern",
          "unbekannt",
          "..%2F..%2Fkonto",
        ],
        fieldNames: namesOf(form.definition),
        cookie: `rathaus_antrag=${browser.cookie("rathaus_antrag")}; __csrf=${browser.cookie("__csrf")}`,
        csrf: (/name="_csrf" value="([^"]+)"/.exec(page.html)?.[1] ?? "").replaceAll("&amp;", "&"),
      });
    }
  }, 120_000);
  afterAll(() => t?.close());

  const value = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: "grapheme", maxLength: 300 }),
    fc.constantFrom(
      "",
      " ",
      "yes",
      "no",
      "1",
      "-1",
      "99999999999",
      "2026-02-30",
      "add:items",
      "remove:items:0",
      "remove:items:999",
      "remove-file:photo:../../etc/passwd",
      "continue",
      "save",
      "<script>alert(1)</script>",
    ),
  );

  const submission = fc.record({
    target: fc.nat({ max: services.length - 1 }),
    step: fc.nat({ max: 20 }),
    fields: fc.array(fc.tuple(fc.oneof(fc.nat({ max: 60 }), fc.string({ maxLength: 20 })), value), {
      maxLength: 25,
    }),
    csrf: fc.constantFrom("valid", "valid", "valid", "valid", "missing", "forged"),
  });

  it(`answers ${runs * perRun} generated submissions below 500 and creates no application from invalid data`, async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(submission, { minLength: perRun, maxLength: perRun }), async (batch) => {
        const answers = await Promise.all(
          batch.map(async (s) => {
            const target = targets[s.target] as Target;
            const step = target.steps[s.step % target.steps.length] ?? "";
            const body = new URLSearchParams();
            if (s.csrf !== "missing") body.append("_csrf", s.csrf === "valid" ? target.csrf : "gefälscht");
            for (const [name, v] of s.fields)
              body.append(
                typeof name === "number" ? (target.fieldNames[name % target.fieldNames.length] ?? "") : name,
                v,
              );
            const response = await fetch(`${t.url}${target.draft}/${step}`, {
              method: "POST",
              headers: {
                cookie: target.cookie,
                "content-type": "application/x-www-form-urlencoded",
                "x-forwarded-for": `10.${Math.floor(++client / 65_000) % 250}.${Math.floor(client / 250) % 250}.${client % 250}`,
              },
              body: body.toString(),
              redirect: "manual",
            });
            await response.arrayBuffer();
            return response.status;
          }),
        );
        for (const status of answers) {
          expect(status).toBeLessThan(500);
          seen.set(status, (seen.get(status) ?? 0) + 1);
        }
      }),
      { seed, numRuns: runs, endOnFailure: true },
    );

    // The garbage reached the engine (refused as invalid, 422, or taken, 303), not only the gates (403, 404).
    for (const status of [303, 403, 404, 422])
      expect(seen.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);

    const applications = await t.database.db.selectFrom("applications").selectAll().execute();
    for (const application of applications) {
      const form = await t.services.forms.getVersion(
        application.tenant_id,
        application.form_key,
        application.form_version,
      );
      const check = checkAnswers(form?.definition as FormDefinition, application.answers, {
        lang: application.lang,
      });
      expect(check.errors, application.reference).toEqual([]);
    }
    // The drafts are still there and usable: the garbage broke nothing for the next real request.
    for (const target of targets) {
      const page = await fetch(`${t.url}${target.draft}/pruefen`, {
        headers: { cookie: target.cookie },
        redirect: "manual",
      });
      expect([200, 303]).toContain(page.status);
    }
  }, 900_000);
});
