import type { Locator } from "playwright-core";
import { expect } from "vitest";
import { type Tab, texts } from "./account-journey.ts";

/**
 * The answers of the online application journeys and the hands that give them: each answer through the
 * field's label or question, as a citizen finds it (so a missing or wrong label fails the journey), and the
 * check of an error summary.
 */

// Browser globals for the functions passed to evaluate() (the project compiles without the DOM library).
declare const document: { activeElement: { id: string; className: string } | null };

/** The applicant of every journey, living in Usingen. */
export const erika = {
  givenName: "Erika",
  familyName: "Mustermann",
  address: { street: "Obergasse 7", postalCode: "61250", town: "Usingen" },
  phone: "06081 1025-0",
};

/** The smallest real PNG (1 × 1 pixel), and a text file that only claims to be one. */
export const png = (name: string) => ({
  name,
  mimeType: "image/png",
  buffer: Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
    "base64",
  ),
});
export const notAPicture = (name: string) => ({
  name,
  mimeType: "image/png",
  buffer: Buffer.from("MZ this is a program, not a picture"),
});
type UploadFile = ReturnType<typeof png>;

/** Today plus `days` in Europe/Berlin, as `yyyy-mm-dd` (the forms' "today"). */
export function dayFromToday(days: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
  const [y, m, d] = today.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** `2026-03-27` → `27.03.2026`, as pages and the receipt show dates. */
export const germanDate = (iso: string) => iso.split("-").reverse().join(".");

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A label or legend as the browser names it: the text, and "(optional)" where the field may stay empty. */
const named = (label: string) => new RegExp(`^${literal(label)}\\s?(\\(optional\\))?$`);

/** The citizen's hands on a step. */
export interface Fill {
  /** The address the journey's mails go to (the account's, or the guest's). */
  email: string;
  /** The field labelled `label`, optionally inside the group (fieldset) named `within`. */
  field(label: string, within?: string): Locator;
  text(label: string, value: string, within?: string): Promise<void>;
  select(label: string, option: string, within?: string): Promise<void>;
  choose(question: string, option: string): Promise<void>;
  date(question: string, iso: string): Promise<void>;
  address(question: string, address: typeof erika.address): Promise<void>;
  upload(label: string, file: UploadFile): Promise<void>;
  tick(label: string): Promise<void>;
  /** A button that changes the step (e.g. "Weiteren Gegenstand hinzufügen"): the same step comes back. */
  press(button: string): Promise<void>;
}

/** The hands on the step shown in `me`; `checkStep` checks the step again after a button changed it. */
export function fillStep(me: Tab, email: string, checkStep: () => Promise<void>): Fill {
  const scope = (within?: string) =>
    within ? me.main.getByRole("group", { name: within, exact: true }) : me.main;
  const group = (question: string) => me.main.getByRole("group", { name: named(question) });
  const field = (label: string, within?: string) => scope(within).getByLabel(named(label));
  return {
    email,
    field,
    text: (label, value, within) => field(label, within).fill(value),
    select: async (label, option, within) => {
      await field(label, within).selectOption({ label: option });
    },
    choose: (question, option) => group(question).getByLabel(option, { exact: true }).check(),
    async date(question, iso) {
      const [year = "", month = "", day = ""] = iso.split("-");
      const parts = group(question);
      await parts.getByLabel("Tag", { exact: true }).fill(String(Number(day)));
      await parts.getByLabel("Monat", { exact: true }).fill(String(Number(month)));
      await parts.getByLabel("Jahr", { exact: true }).fill(year);
    },
    async address(question, address) {
      const parts = group(question);
      await parts.getByLabel("Straße und Hausnummer", { exact: true }).fill(address.street);
      await parts.getByLabel("Postleitzahl", { exact: true }).fill(address.postalCode);
      await parts.getByLabel("Ort", { exact: true }).fill(address.town);
    },
    upload: (label, file) => field(label).setInputFiles(file),
    tick: (label) => me.main.getByLabel(label, { exact: true }).check(),
    async press(button) {
      await me.go(me.main.getByRole("button", { name: button, exact: true }));
      await checkStep();
    },
  };
}

/** Name, address, e-mail and telephone: the questions most demo forms start with. */
export async function aboutMe(f: Fill, options: { email?: boolean } = {}): Promise<void> {
  await f.text("Vorname", erika.givenName);
  await f.text("Nachname", erika.familyName);
  await f.address("Ihre Anschrift", erika.address);
  if (options.email !== false) await f.text("E-Mail-Adresse", f.email);
  await f.text("Telefonnummer für Rückfragen", erika.phone);
}

/** The closing declaration of most demo forms. */
export const truthfully = (f: Fill) =>
  f.tick("Ich versichere, dass meine Angaben vollständig und richtig sind.");

/**
 * The error summary: "Fehler:" in the title, focus on the summary, one link per message in order; each link
 * moves the focus to its field, which shows the same message beside it (radios carry no aria-invalid, so
 * the message is what every kind of field has in common).
 */
export async function expectErrors(me: Tab, expected: [message: string, fieldId: string][]): Promise<void> {
  const { page } = me;
  expect(await page.title()).toMatch(/^Fehler: /);
  const summary = page.locator(".error-summary");
  expect((await summary.getByRole("heading", { level: 2 }).textContent())?.trim()).toBe(
    texts.de.summaryHeading,
  );
  await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain("error-summary");
  const links = (await summary.getByRole("link").allTextContents()).map((s) => s.trim());
  expect(links).toEqual(expected.map(([message]) => message));
  for (const [message, fieldId] of expected) {
    await summary.getByRole("link", { name: message, exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(fieldId);
    expect(await page.locator(`#${fieldId}-error`).textContent()).toContain(message);
  }
}
