import { readFileSync } from "node:fs";
import { escapeHtml } from "@kitajs/html";
import fc from "fast-check";
import { expect } from "vitest";
import { coreMessages } from "#core/i18n/core.messages.ts";
import type { RawResponse } from "../raw-request.ts";

/**
 * Generators and oracle for citizen-account-fuzz.test.ts: garbage submissions to the account forms, how they
 * go over the wire, and what the server must make of them. The rules are restated here from the identity
 * module's README (not imported from it), so that the test notices when the code drifts from them.
 */

/**
 * Requests carrying U+0000 anywhere are refused as a whole (400) before any handler, since PostgreSQL cannot
 * store it; the generators keep NUL out of e-mail fields so that the oracle can judge their answers.
 */
export const nulKeptOutOfEmails = true;

// ---- the rules ----

export const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;
const common = new Set(
  readFileSync(new URL("../../src/modules/identity/common-passwords.txt", import.meta.url), "utf8")
    .split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => line.toLowerCase()),
);
const commonLong = [...common].filter((p) => [...p].length >= 12).slice(0, 40);

export type Problem =
  | "emailMissing"
  | "emailInvalid"
  | "passwordMissing"
  | "passwordTooShort"
  | "passwordTooLong"
  | "passwordTooCommon"
  | "passwordContainsEmail";

export const normalize = (email: string) => email.trim().toLowerCase();

/** The messages a registration must be refused with, in order (none: it is accepted). */
export function registrationProblems(rawEmail: string, password: string): Problem[] {
  const email = normalize(rawEmail);
  const problems: Problem[] = [];
  if (!email) problems.push("emailMissing");
  else if (email.length > 254 || !emailPattern.test(email)) problems.push("emailInvalid");
  const local = email.split("@")[0] ?? "";
  if (password.length === 0) problems.push("passwordMissing");
  else if ([...password].length < 12) problems.push("passwordTooShort");
  else if (password.length > 256) problems.push("passwordTooLong");
  else if (common.has(password.toLowerCase())) problems.push("passwordTooCommon");
  else if (local.length >= 4 && password.toLowerCase().includes(local))
    problems.push("passwordContainsEmail");
  return problems;
}

/** What the server reads from a parsed body (form-page.ts `readString`): a string, or an array's first one. */
export function readString(body: unknown, name: string): string {
  if (typeof body !== "object" || body === null || Array.isArray(body) || !Object.hasOwn(body, name))
    return "";
  const value = (body as Record<string, unknown>)[name];
  if (typeof value === "string") return value;
  return Array.isArray(value) ? (value.find((v): v is string => typeof v === "string") ?? "") : "";
}

/** A string as it arrives after UTF-8 encoding (lone surrogates become U+FFFD). */
export const wire = (s: string) => Buffer.from(s, "utf8").toString("utf8");

// ---- generators ----

// biome-ignore format: a list of values
const evil = [
  "\uD800", "\uDFFF", "\u202E", "\uFEFF", "İ", "ß", "𝕏", "%00", "%FF", "%", "<script>", "' OR 1=1 --", "\r\n",
  "a@b", "@example.de", "name@", "a@b.c", "x@y.de.", " a@b.de ", "a b@c.de", "ü@ö.de", "&amp;", "\\", "+",
];
/** Any text: every code point, graphemes, known troublemakers, and long runs (up to ~12 KB). */
export const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(...evil),
  fc
    .tuple(fc.string({ unit: "grapheme", minLength: 1, maxLength: 4 }), fc.integer({ min: 60, max: 3000 }))
    .map(([s, n]) => s.repeat(n)),
);
const pool = Array.from({ length: 12 }, (_, i) => `pool${i}@example.de`); // the same address again and again
const email = fc
  .oneof(
    { weight: 5, arbitrary: fc.emailAddress() },
    { weight: 3, arbitrary: fc.constantFrom(...pool) },
    { weight: 3, arbitrary: text },
  )
  .chain((e) => fc.constantFrom(e, e.toUpperCase(), `  ${e}\t`))
  .map((e) => (nulKeptOutOfEmails ? e.replaceAll("\u0000", "\uFFFD") : e));
const words = [
  "Sieben",
  "Zwerge",
  "wandern",
  "über",
  "Berge",
  "Acht",
  "Ameisen",
  "tragen",
  "Blätter",
  "leise",
];
const password = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.array(fc.constantFrom(...words), { minLength: 3, maxLength: 6 }).map((w) => w.join(" ")),
  },
  { weight: 1, arbitrary: fc.constantFrom(...commonLong) },
  { weight: 2, arbitrary: text },
  { weight: 1, arbitrary: fc.string({ minLength: 250, maxLength: 300 }) },
);
const fieldName = fc.oneof(
  fc.constantFrom("email", "password", "__proto__", "constructor", "toString", "email[]", "password[0]", ""),
  fc.string({ maxLength: 10 }),
);
/** In JSON bodies a field may come as the string itself or as a shape no form sends. */
const jsonShape = fc.constantFrom("string", "string", "string", "array", "number", "null", "object", "bool");
const asJson = (s: string, shape: string): unknown =>
  ({ string: s, array: [1, s, "zweiter"], number: 42, null: null, object: { s }, bool: true })[shape];

const often = <T>(usual: T, ...rare: T[]) => fc.constantFrom(usual, usual, usual, usual, usual, ...rare);

export const submission = fc.record({
  base: fc.constantFrom("/usingen", "/neu-anspach"),
  lang: fc.constantFrom("de-DE", "en-GB,en;q=0.8", "fr", "", "de;q=abc"),
  email,
  password,
  containsLocalPart: fc.nat(4).map((n) => n === 0),
  omit: often("none", "email", "password", "both"),
  extras: fc.array(fc.tuple(fieldName, text), { maxLength: 3 }),
  extrasFirst: fc.boolean(),
  encoding: fc.constantFrom(
    "form",
    "form",
    "form",
    "form",
    "form",
    "json",
    "json",
    "text",
    "raw",
    "unsupported",
  ),
  shapes: fc.tuple(jsonShape, jsonShape),
  csrf: often("body", "body", "header", "missing", "forged"),
  unsupportedType: fc.constantFrom(
    "application/xml",
    "multipart/form-data; boundary=x",
    "image/png",
    "text/html",
  ),
  // At most ~9 KB once URL-encoded: a request line past Node's 16 KB header limit is answered by Fastify's
  // default client error handler (431 as JSON) before the app sees it.
  weiter: fc.option(
    fc
      .oneof(text, fc.constantFrom("/usingen/konto", "//evil.example", "https://evil.example"))
      .map((w) => w.slice(0, 1000)),
  ),
});
export type Submission = typeof submission extends fc.Arbitrary<infer T> ? T : never;

/** Accounts made for the sign-in runs: [address, password, verified]. */
export const signInAccounts = Array.from(
  { length: 6 },
  (_, i) => [`anmeldung${i}@example.de`, `Sieben Zwerge wandern ${i} Mal über Berge`, i % 3 !== 2] as const,
);
export const signIn = fc
  .tuple(submission, fc.option(fc.nat(signInAccounts.length - 1), { freq: 2 }), fc.nat(9))
  .map(([s, account, roll]): Submission => {
    if (account === null) return s;
    const [address, right] = signInAccounts[account] ?? ["", ""];
    // Mostly the right password, so that the per-address throttle (5 failures) is reached only now and then.
    const pw = roll < 8 ? right : s.password;
    return {
      ...s,
      email: roll % 2 ? address.toUpperCase() : ` ${address}`,
      password: pw,
      containsLocalPart: false,
    };
  });

export const langOf = (header: string) => (header.startsWith("en") ? "en" : "de");

/** The body and headers of a submission, and what the server will have parsed from it. */
export function encode(s: Submission, csrf: string) {
  const pw = s.containsLocalPart ? `${normalize(s.email).split("@")[0]} ${s.password}` : s.password;
  const fields: [string, string][] = [];
  if (s.omit !== "email" && s.omit !== "both") fields.push(["email", s.email]);
  if (s.omit !== "password" && s.omit !== "both") fields.push(["password", pw]);
  const all = s.extrasFirst ? [...s.extras, ...fields] : [...fields, ...s.extras];
  const token = s.csrf === "forged" ? `${csrf.slice(0, -2)}xx` : csrf;
  const inBody = s.csrf === "body" || s.csrf === "forged";
  const headers: Record<string, string> = s.csrf === "header" ? { "x-csrf-token": csrf } : {};
  if (s.encoding === "json") {
    const shape: Record<string, string | undefined> = { email: s.shapes[0], password: s.shapes[1] };
    const pairs = [...(inBody ? [["_csrf", token]] : []), ...all].map(([k = "", v = ""]) => {
      const as = Object.hasOwn(shape, k) ? shape[k] : undefined;
      return [k, as ? asJson(v, as) : v] as const;
    });
    // Written by hand so that repeated names stay repeated (JSON.parse keeps the last, as the server does).
    const body = `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(",")}}`;
    return { body, type: "application/json", headers, parsed: JSON.parse(wire(body)) as unknown };
  }
  if (s.encoding === "text") return { body: all.flat().join("\n"), type: "text/plain", headers, parsed: {} };
  if (s.encoding === "unsupported")
    return { body: all.flat().join("&"), type: s.unsupportedType, headers, parsed: {} };
  const csrfPart = inBody ? `_csrf=${encodeURIComponent(token)}&` : "";
  // "raw": not URL-encoded at all; the parser makes of it what it makes of it.
  const fieldsPart =
    s.encoding === "raw" ? all.map(([k, v]) => `${k}=${v}`).join("&") : new URLSearchParams(all).toString();
  const type = "application/x-www-form-urlencoded";
  return { body: csrfPart + fieldsPart, type, headers, parsed: parseForm(fieldsPart) };
}

/** A url-encoded body as the server sees it: a repeated name becomes an array. */
function parseForm(body: string): Record<string, string | string[]> {
  const parsed: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(wire(body))) {
    const prev = Object.hasOwn(parsed, k) ? parsed[k] : undefined;
    parsed[k] = prev === undefined ? v : [...(Array.isArray(prev) ? prev : [prev]), v];
  }
  return parsed;
}

const hasNul = (value: unknown): boolean =>
  typeof value === "string"
    ? value.includes("\u0000")
    : typeof value === "object" &&
      value !== null &&
      Object.entries(value).some(([key, item]) => key.includes("\u0000") || hasNul(item));

const hasProtoKey = (value: unknown): boolean =>
  typeof value === "object" &&
  value !== null &&
  (Object.hasOwn(value, "__proto__") || Object.values(value).some(hasProtoKey));

/** The answer decided before the form is read: content type, body parsing, CSRF token. */
export function expectedGate(s: Submission, e: ReturnType<typeof encode>): number | undefined {
  if (s.encoding === "unsupported") return 415;
  if (s.encoding === "json" && hasProtoKey(e.parsed)) return 400; // prototype poisoning, refused by Fastify
  if (hasNul(e.parsed)) return 400; // refused as a whole before the CSRF check
  if (s.csrf === "missing" || s.csrf === "forged") return 403;
  if (s.encoding === "text" && s.csrf !== "header") return 403;
  return undefined;
}

// ---- forged links ----

const base64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Tokens that must not work: a real one altered in every way, and made-up ones. */
export function forgedTokens(real: string[], citizenIds: string[]) {
  const secret = fc.string({ unit: fc.constantFrom(...base64url), minLength: 43, maxLength: 43 });
  const realToken = fc.constantFrom(...real);
  return fc
    .oneof(
      fc
        .tuple(realToken, fc.nat(), fc.constantFrom(...`${base64url}.=+/ %\u0000ü`))
        .map(([t, i, c]) => `${t.slice(0, i % t.length)}${c}${t.slice((i % t.length) + 1)}`),
      realToken.chain((t) =>
        fc.constantFrom(
          `${t}x`,
          `${t}.x`,
          t.slice(0, -1),
          t.toUpperCase(),
          ` ${t}`,
          `${t}\n`,
          t.split(".")[1] ?? "",
        ),
      ),
      fc.tuple(fc.constantFrom(...citizenIds), secret).map(([id, s]) => `${id}.${s}`),
      fc.tuple(realToken, fc.constantFrom(...citizenIds)).map(([t, id]) => `${id}.${t.split(".")[1]}`),
      fc.tuple(fc.uuid(), secret).map(([id, s]) => `${id}.${s}`),
      text,
    )
    .map((t) => t.slice(0, 1000)) // in a URL: well below Node's 16 KB header limit (see `weiter`)
    .filter((t) => !real.includes(t));
}

// ---- pages ----

export const h1 = (html: string) => /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.trim();

/** The error summary's links as "field: message" (messages HTML-escaped as in the page). */
export const summary = (html: string) =>
  [
    ...(/class="[^"]*error-summary[\s\S]*?<\/ul>/.exec(html)?.[0] ?? "").matchAll(
      /href="#field-([\w-]+)"[^>]*>([^<]*)</g,
    ),
  ].map((m) => `${m[1]}: ${m[2]}`);

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Never a 5xx; a 4xx is a page of the app saying what is wrong, in the client's language. */
export function expectClearRefusal(res: RawResponse, lang: "de" | "en", what: string): void {
  expect(res.status, what).toBeLessThan(500);
  if (res.status >= 300 && res.status < 400) return;
  expect(res.headers["content-type"], what).toMatch(/^text\/html/);
  if (res.status < 400) return;
  const c = coreMessages[lang];
  const pages: Record<number, [string, string]> = {
    400: [c.badRequestTitle, c.badRequestText],
    403: [c.csrfTitle, c.csrfText],
    413: [c.tooLargeTitle, c.tooLargeText],
    415: [c.badRequestTitle, c.badRequestText],
  };
  const page = pages[res.status];
  if (page) {
    expect(h1(res.body), what).toBe(escapeHtml(page[0]));
    expect(res.body, what).toContain(escapeHtml(page[1]));
  } else {
    expect([422, 429], what).toContain(res.status);
    expect(res.body, what).toContain(escapeHtml(c.errorSummaryHeading));
    expect(summary(res.body).length, what).toBeGreaterThan(0);
  }
}
