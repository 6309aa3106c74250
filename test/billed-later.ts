import { expect } from "vitest";
import type { FormDefinition } from "#modules/forms/index.ts";
import { type FormClient, textOf } from "./form-client.ts";
import type { TestApp } from "./server.ts";

/**
 * A service of Usingen whose fee the Ordnungsamt sets after the decision ("billed later"), with a form of one
 * step that calculates a provisional fee of 40,00 €, and its applications sent over HTTP.
 */
export const billedLaterSlug = "aufbruch-genehmigung";

const form: FormDefinition = {
  formatVersion: 1,
  key: billedLaterSlug,
  title: { de: "Aufbruchgenehmigung" },
  steps: [
    {
      id: "ort",
      title: { de: "Ort" },
      fields: [{ type: "text", id: "street", label: { de: "Straße" }, maxLength: 80 }],
    },
  ],
  computed: [{ id: "fee", label: { de: "Gebühr (vorläufig)" }, format: "cents", expr: { const: 4000 } }],
  fee: "fee",
};

export const billedLaterBasis = "Verwaltungskostensatzung der Stadt Usingen, Nr. 12";

export async function offerBilledLaterService(t: TestApp): Promise<void> {
  const usingenId = (await t.services.tenants.bySlug("usingen"))?.id ?? "";
  const departments = await t.services.staff.departments.list(usingenId);
  await t.services.forms.publish(usingenId, form);
  await t.services.catalog.save(usingenId, {
    slug: billedLaterSlug,
    name: "Aufbruchgenehmigung",
    formKey: billedLaterSlug,
    fullyOnline: true,
    paymentPolicy: "billed_later",
    feeLegalBasis: billedLaterBasis,
    departmentId: departments.find((department) => department.name === "Ordnungsamt")?.id ?? null,
  });
}

/** Sends the application (a guest gives `email`); returns its id, reference and fee decision. */
export async function applyBilledLater(t: TestApp, client: FormClient, street: string, email?: string) {
  await client.get(`/usingen/leistungen/${billedLaterSlug}/antrag`);
  const step = (await client.post(`/usingen/leistungen/${billedLaterSlug}/antrag`, {})).location ?? "";
  await client.get(step);
  const review = (await client.post(step, { street })).location ?? "";
  const reviewText = textOf((await client.get(review)).html);
  expect(reviewText).toContain("Die endgültige Gebühr setzt die Verwaltung bei der Entscheidung fest");
  expect(reviewText).toContain(`Rechtsgrundlage: ${billedLaterBasis}`);
  expect(reviewText).toContain("Voraussichtliche Gebühr 40,00 €");
  expect(reviewText).not.toContain("Zu zahlen");
  const sent = await client.post(review, email ? { email } : {});
  expect(sent.location).toMatch(/\/bestaetigung$/);
  return t.database.db
    .selectFrom("applications")
    .select(["id", "reference", "fee_decision"])
    .where("answers", "@>", JSON.stringify({ street }))
    .executeTakeFirstOrThrow();
}
