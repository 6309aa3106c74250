import { expect } from "vitest";
import type { FormDefinition } from "#modules/forms/index.ts";
import { FormClient, textOf } from "./form-client.ts";
import { waitForMail } from "./mailbox.ts";
import type { TestApp } from "./server.ts";

/**
 * A citizen's applications made over HTTP, for the tests of what a citizen sees of them ("Mein Rathaus"):
 * a one-step Mängelmelder published at the municipalities, signing in, starting and sending.
 */

const oneStepForm: FormDefinition = {
  formatVersion: 1,
  key: "maengelmelder",
  title: { de: "Mängelmelder" },
  steps: [
    {
      id: "mangel",
      title: { de: "Was ist kaputt?" },
      fields: [{ type: "text", id: "what", label: { de: "Beschreibung" }, maxLength: 200 }],
    },
  ],
};

/** The demo service "maengelmelder" of these municipalities gets a form of one step with one text field. */
export async function publishOneStepForm(app: TestApp, slugs: string[]): Promise<void> {
  for (const slug of slugs) {
    const tenant = await app.services.tenants.bySlug(slug);
    await app.services.forms.publish(tenant?.id ?? "", oneStepForm);
  }
}

/** A browser-like client signed in at Usingen (the account and its session serve every municipality). */
export async function signedInClient(app: TestApp, email: string, password: string): Promise<FormClient> {
  const client = new FormClient(app.url);
  await client.get("/usingen/konto/anmelden");
  expect((await client.post("/usingen/konto/anmelden", { email, password })).status).toBe(303);
  return client;
}

/** Starts a Mängelmelder at the municipality; returns the draft's id. */
export async function startDraft(citizen: FormClient, slug: string): Promise<string> {
  await citizen.get(`/${slug}/leistungen/maengelmelder/antrag`);
  const first = (await citizen.post(`/${slug}/leistungen/maengelmelder/antrag`, {})).location ?? "";
  expect(first).toMatch(/\/antraege\/[0-9a-f-]{36}\/mangel$/);
  return first.split("/")[3] ?? "";
}

/** Sends a Mängelmelder at the municipality; returns its reference once the receipt has been mailed. */
export async function sendApplication(
  app: TestApp,
  citizen: FormClient,
  slug: string,
  email: string,
): Promise<string> {
  const first = `/${slug}/antraege/${await startDraft(citizen, slug)}/mangel`;
  await citizen.get(first);
  const review = (await citizen.post(first, { what: "Laterne aus" })).location ?? "";
  await citizen.get(review);
  const sent = await citizen.post(review, {});
  expect(sent.location).toMatch(/\/bestaetigung$/);
  const confirmation = textOf((await citizen.get(sent.location ?? "")).html);
  const reference = /[A-Z]+-\d{4}-\d{6}/.exec(confirmation)?.[0] ?? "";
  expect(reference).not.toBe("");
  await waitForMail(app.database.db, email, reference);
  return reference;
}
