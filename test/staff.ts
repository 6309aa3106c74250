import { generate } from "otplib";
import { demoStaffPassword } from "#seed/staff.ts";
import { FormClient } from "./form-client.ts";

/** TOTP seeds of the staff accounts signed in so far, per app, municipality and address, to sign in again. */
const seeds = new Map<string, string>();

/** The current code for an authenticator key, as the app would show it. */
export const totpCode = (secret: string, aheadSeconds = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + aheadSeconds });

/** The authenticator key shown on a two-factor setup page. */
export const setupSecretOf = (html: string) =>
  (/<code>([A-Z2-7 ]+)<\/code>/.exec(html)?.[1] ?? "").replaceAll(" ", "");

/**
 * A browser signed in to a municipality's back office as a seeded demo account (`<role>@<slug>.example`):
 * at the first sign-in it sets up the mandatory authenticator app, afterwards it enters a code.
 */
export async function signInStaff(
  baseUrl: string,
  slug: string,
  email: string,
  password = demoStaffPassword,
) {
  const browser = new FormClient(baseUrl);
  await browser.get(`/${slug}/verwaltung/anmelden`);
  const passwordStep = await browser.post(`/${slug}/verwaltung/anmelden`, { email, password });
  if (passwordStep.status !== 303) throw new Error(`password step answered ${passwordStep.status}`);
  const codePage = await browser.get(`/${slug}/verwaltung/anmelden/code`);
  const key = `${baseUrl}/${slug}/${email}`;
  const secret = setupSecretOf(codePage.html) || (seeds.get(key) ?? "");
  seeds.set(key, secret);
  // A code counts once: a second sign-in within the same 30 seconds takes the next one (accepted early).
  let done = await browser.post(`/${slug}/verwaltung/anmelden/code`, { code: await totpCode(secret) });
  if (done.status === 422)
    done = await browser.post(`/${slug}/verwaltung/anmelden/code`, { code: await totpCode(secret, 30) });
  if (done.status !== 303 && done.status !== 200) throw new Error(`code step answered ${done.status}`);
  return browser;
}
