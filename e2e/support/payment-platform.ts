import { expect } from "vitest";
import type { Tab } from "./account-journey.ts";

/**
 * The citizen's hands on the payment platform simulator's hosted page (/_dev/pay/{id}), where an application's
 * fee is paid: every visit checked like any other page (status, heading, axe, no browser problem).
 */

export const platformWords = {
  title: "Bezahlen",
  sepa: "SEPA-Lastschrift",
  iban: "IBAN",
  holder: "Kontoinhaberin oder Kontoinhaber",
  mandate: /SEPA-Lastschriftmandat/,
  pay: "Jetzt bezahlen",
  cancel: "Abbrechen",
  fail: "Zahlung fehlschlagen lassen",
  ibanChecksum: "Prüfen Sie die IBAN: Die Prüfziffer passt nicht zu den übrigen Ziffern",
} as const;

/** A test IBAN the platform takes, and the same with a wrong check digit. */
export const ibans = { right: "DE02 1203 0000 0000 2020 51", wrong: "DE03 1203 0000 0000 2020 51" } as const;

/** The hosted page has loaded (422 when it came back with errors) and shows `amount`. */
export async function atPlatform(me: Tab, amount: string, status = 200): Promise<void> {
  expect(me.pathname()).toMatch(/^\/_dev\/pay\/[\w-]+$/);
  await me.checkPage({ h1: platformWords.title, path: me.pathname(), status });
  expect(await me.main.textContent()).toContain(amount);
}

/** Chooses SEPA direct debit and fills it in with `iban`; nothing is sent yet. */
export async function fillInDirectDebit(me: Tab, iban: string): Promise<void> {
  await me.main.getByLabel(platformWords.sepa, { exact: true }).check();
  await me.field(platformWords.iban).fill(iban);
  await me.field(platformWords.holder).fill("Erika Mustermann");
  await me.main.getByLabel(platformWords.mandate).check();
}

/** Pays `amount` at once by direct debit; the platform sends the browser back to the municipality. */
export async function payByDirectDebit(me: Tab, amount: string): Promise<void> {
  await atPlatform(me, amount);
  await fillInDirectDebit(me, ibans.right);
  await me.go(me.button(platformWords.pay));
}
