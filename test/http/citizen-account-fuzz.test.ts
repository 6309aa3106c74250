import { setTimeout as sleep } from "node:timers/promises";
import { escapeHtml } from "@kitajs/html";
import { verify } from "@node-rs/argon2";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coreMessages } from "#core/i18n/core.messages.ts";
import { identityMessages } from "#modules/identity/identity.messages.ts";
import { testDrivers } from "../db.ts";
import { FormClient } from "../form-client.ts";
import { waitForMail } from "../mailbox.ts";
import { type RawResponse, rawRequest } from "../raw-request.ts";
import { startTestApp, type TestApp } from "../server.ts";
import {
  emailPattern,
  encode,
  escapeRegExp,
  expectClearRefusal,
  expectedGate,
  forgedTokens,
  h1,
  langOf,
  normalize,
  readString,
  registrationProblems,
  type Submission,
  signIn,
  signInAccounts,
  submission,
  summary,
  wire,
} from "./account-garbage.ts";

/**
 * Garbage against the citizen account forms (issue 4, "Bad input"): 1,000 generated registration and sign-in
 * submissions (any Unicode, long values, repeated/missing fields, JSON/text/unknown bodies, missing or forged
 * CSRF tokens) and bodies at the size limit: every answer is below 500, a 4xx says what is wrong, and the
 * database holds exactly the valid accounts. Replayed, expired, altered, foreign and 200 generated forged
 * links are refused with "nicht mehr gültig" and change nothing. With TRUST_PROXY each request has a client
 * address of its own, so rate limit and per-client throttle stay out of the way (the per-address one is
 * tested). Seed: FUZZ_SEED or the fixed one; a failure prints seed and path (FUZZ_SHRINK=1 shrinks first).
 */

const seed = Number(process.env.FUZZ_SEED ?? 20_261_127);
const fuzz = (numRuns: number, n: number) => ({
  seed: seed + n,
  numRuns,
  endOnFailure: !process.env.FUZZ_SHRINK,
});
const batch = 10; // submissions sent at once per generated run: argon2 hashes in parallel on the thread pool
const form = "application/x-www-form-urlencoded";
const de = identityMessages.de;
const goodPassword = "Neun Nashörner naschen Nudeln";

describe.each(testDrivers())("citizen account forms under generated garbage on %s", (driver) => {
  /** PostgreSQL, when reachable, gets a quarter of the runs: the same code over the second database. */
  const runs = (n: number) => (driver === "pglite" ? n : Math.ceil(n / 4));
  let t: TestApp;
  let cookie = "";
  let csrf = "";
  let client = 0;
  beforeAll(async () => {
    t = await startTestApp(driver, { env: { TRUST_PROXY: "true" } });
    const browser = new FormClient(t.url);
    const page = await browser.get("/usingen/konto/registrieren");
    cookie = `__csrf=${browser.cookie("__csrf")}`;
    csrf = /name="_csrf" value="([^"]+)"/.exec(page.html)?.[1]?.replaceAll("&amp;", "&") ?? "";
  });
  afterAll(() => t?.close());

  /** A request from a client address of its own, with this test's CSRF cookie. */
  function request(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
    const n = ++client;
    const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    return rawRequest(t.url, path, { method, headers: { cookie, "x-forwarded-for": ip, ...headers }, body });
  }
  const postForm = (path: string, fields: Record<string, string>) =>
    request("POST", path, new URLSearchParams({ _csrf: csrf, ...fields }).toString(), {
      "content-type": form,
    });

  function send(route: "registrieren" | "anmelden", s: Submission) {
    const e = encode(s, csrf);
    const query =
      route === "anmelden" && s.weiter !== null ? `?${new URLSearchParams({ weiter: wire(s.weiter) })}` : "";
    const headers = { "accept-language": s.lang, "content-type": e.type, ...e.headers };
    return request("POST", `${s.base}/konto/${route}${query}`, e.body, headers);
  }

  /** The checks every answer gets; then what the form read, unless the answer came before the form. */
  function checkCommon(s: Submission, res: RawResponse, route: string) {
    const e = encode(s, csrf);
    const lang = langOf(s.lang);
    const what = `${route} ${JSON.stringify(e.body.slice(0, 300))} (${e.type}) → ${res.status} ${h1(res.body)}`;
    expectClearRefusal(res, lang, what);
    const gate = expectedGate(s, e);
    if (gate !== undefined) {
      expect(res.status, what).toBe(gate);
      return undefined;
    }
    const read = { email: readString(e.parsed, "email"), password: readString(e.parsed, "password") };
    return { ...read, what, msg: identityMessages[lang] };
  }

  const accepted = new Map<string, string[]>(); // normalised address → passwords sent with it, accepted
  const countRows = async (table: "citizens" | "citizen_sessions") =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .executeTakeFirst()
      )?.n,
    );

  it("registration: garbage is refused with the right messages, valid data is accepted, no partial accounts", async () => {
    const statuses = new Set<number>();
    const property = fc.asyncProperty(
      fc.array(submission, { minLength: batch, maxLength: batch }),
      async (subs) => {
        const answers = await Promise.all(subs.map((s) => send("registrieren", s)));
        subs.forEach((s, i) => {
          const res = answers[i] as RawResponse;
          statuses.add(res.status);
          const read = checkCommon(s, res, "registration");
          if (!read) return;
          const problems = registrationProblems(read.email, read.password);
          if (problems.length > 0) {
            expect(res.status, read.what).toBe(422);
            const field = (p: string) => (p.startsWith("email") ? "email" : "password");
            const expected = problems.map((p) => `${field(p)}: ${escapeHtml(read.msg[p])}`);
            expect(summary(res.body), read.what).toEqual(expected);
          } else {
            const address = normalize(read.email);
            expect(res.status, read.what).toBe(200);
            expect(h1(res.body), read.what).toBe(escapeHtml(read.msg.registerSentTitle));
            expect(res.body, read.what).toContain(escapeHtml(address));
            accepted.set(address, [...(accepted.get(address) ?? []), read.password]);
          }
        });
      },
    );
    await fc.assert(property, fuzz(runs(50), 0));
    if (driver === "pglite") {
      expect([...statuses].sort(), "the generators reach every kind of answer").toEqual([
        200, 400, 403, 415, 422,
      ]);
      expect(accepted.size).toBeGreaterThan(30);
    }

    // Exactly the accepted addresses, well-formed, each with a password it was registered with and one link.
    const rows = await t.database.db
      .selectFrom("citizens")
      .select(["id", "email", "password_hash"])
      .execute();
    expect(rows.map((r) => r.email).sort()).toEqual([...accepted.keys()].sort());
    for (const row of rows) {
      expect(row.email.length).toBeLessThanOrEqual(254);
      expect(row.email).toMatch(emailPattern);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
    }
    const matches = await Promise.all(
      rows.slice(0, 12).map(async (r) => {
        for (const pw of accepted.get(r.email) ?? [])
          if (await verify(r.password_hash ?? "", pw)) return true;
        return false;
      }),
    );
    expect(matches.every(Boolean)).toBe(true);
    const tokens = await t.database.db.selectFrom("citizen_tokens").select("citizen_id").execute();
    expect(tokens.map((r) => r.citizen_id).sort()).toEqual(rows.map((r) => r.id).sort());
  }, 120_000);

  it("sign-in: garbage is refused, the right password signs in, nothing else starts a session", async () => {
    for (const [email, password, verified] of signInAccounts) {
      expect((await postForm("/usingen/konto/registrieren", { email, password })).status).toBe(200);
      if (verified)
        await t.database.db
          .updateTable("citizens")
          .set({ email_verified_at: new Date() })
          .where("email", "=", email)
          .execute();
    }
    const citizens = await countRows("citizens");
    let signedIn = 0;
    const statuses = new Set<number>();
    const property = fc.asyncProperty(
      fc.array(signIn, { minLength: batch, maxLength: batch }),
      async (subs) => {
        const answers = await Promise.all(subs.map((s) => send("anmelden", s)));
        subs.forEach((s, i) => {
          const res = answers[i] as RawResponse;
          statuses.add(res.status);
          const read = checkCommon(s, res, "sign-in");
          if (!read) return;
          const { what, msg } = read;
          if (res.status === 429) {
            const wait = escapeHtml(msg.tooManyAttempts).split("{minutes}").map(escapeRegExp).join("\\d+");
            expect(summary(res.body).join(), what).toMatch(new RegExp(`^email: ${wait}$`));
            return;
          }
          const address = normalize(read.email);
          const pw = read.password.slice(0, 1024);
          const account = signInAccounts.find(([a]) => a === address);
          // Addresses registered above (unverified): the password stored is one of those sent with them.
          const registered = accepted.get(address) ?? [];
          if (registered.includes(pw) && new Set(registered).size > 1) {
            expect([200, 422], what).toContain(res.status);
            return;
          }
          const right = account ? pw === account[1] : registered.includes(pw);
          if (right && account?.[2]) {
            expect(res.status, what).toBe(303);
            expect(res.headers.location, what).toMatch(/^\/(?![/\\])/);
            expect(String(res.headers["set-cookie"]), what).toMatch(/rathaus_sid=[0-9a-f-]{36}\./);
            signedIn++;
          } else if (right) {
            expect(res.status, what).toBe(200);
            expect(h1(res.body), what).toBe(escapeHtml(msg.unverifiedTitle));
          } else {
            expect(res.status, what).toBe(422);
            expect(summary(res.body), what).toEqual([`email: ${escapeHtml(msg.loginFailed)}`]);
          }
        });
      },
    );
    await fc.assert(property, fuzz(runs(50), 1));
    if (driver === "pglite")
      expect([...statuses].sort(), "every kind of answer").toEqual([200, 303, 400, 403, 415, 422, 429]);
    expect(signedIn).toBeGreaterThan(0);
    expect(await countRows("citizen_sessions")).toBe(signedIn);
    expect(await countRows("citizens")).toBe(citizens);
  }, 120_000);

  it("bodies up to the size limit are read, one byte more is refused with 413", async () => {
    const limit = t.config.bodyLimitBytes;
    const head = `_csrf=${encodeURIComponent(csrf)}&email=a%40example.de&password=`;
    const cases: [string, string, string, number, string[]][] = [
      [
        "registrieren",
        form,
        head + "x".repeat(limit - head.length),
        422,
        [`password: ${de.passwordTooLong}`],
      ],
      ["anmelden", form, head + "x".repeat(limit - head.length), 422, [`email: ${de.loginFailed}`]],
      [
        "registrieren",
        form,
        `${head}x&email=${"e".repeat(limit - head.length - 9)}`,
        422,
        [`password: ${de.passwordTooShort}`],
      ],
      [
        "registrieren",
        form,
        `${head}&${"email=x&".repeat((limit - head.length) / 8 - 1)}`,
        422,
        [`password: ${de.passwordMissing}`],
      ],
      [
        "registrieren",
        "application/json",
        JSON.stringify({ _csrf: csrf, email: "e".repeat(limit - 200) }),
        422,
        [],
      ],
      ["registrieren", form, head + "x".repeat(limit - head.length + 1), 413, []],
      ["anmelden", form, head + "x".repeat(limit - head.length + 1), 413, []],
      ["anmelden", "application/json", JSON.stringify({ _csrf: csrf, password: "p".repeat(limit) }), 413, []],
    ];
    for (const [route, type, body, status, messages] of cases) {
      const what = `${route} ${type} ${body.length} bytes`;
      const res = await request("POST", `/usingen/konto/${route}`, body, { "content-type": type });
      expectClearRefusal(res, "de", what);
      expect(res.status, what).toBe(status);
      if (messages.length > 0) expect(summary(res.body), what).toEqual(messages.map(escapeHtml));
    }
    expect(await countRows("citizens")).toBe(accepted.size + signInAccounts.length);
  });

  /** The token in the newest mail of this kind to `to` not seen before. */
  const seen = new Set<string>();
  async function mailedToken(to: string, subject: string): Promise<string> {
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await sleep(50)) {
      const mail = await waitForMail(t.database.db, to, subject);
      if (seen.has(mail.id)) continue;
      seen.add(mail.id);
      const token = /[?&]token=([\w.-]+)/.exec(mail.text_body)?.[1];
      if (token) return token;
    }
    throw new Error(`no new mail "${subject}" to ${to}`);
  }
  const state = async () => ({
    citizens: await t.database.db.selectFrom("citizens").selectAll().orderBy("id").execute(),
    tokens: await t.database.db.selectFrom("citizen_tokens").selectAll().orderBy("token_hash").execute(),
    sessions: await countRows("citizen_sessions"),
  });
  function expectLinkInvalid(res: RawResponse, what: string): void {
    expect(res.status, what).toBe(400);
    // NUL (raw or JSON-escaped in `what`): the whole request is refused before the link is read.
    const nul = what.includes("\u0000") || what.includes("\\u0000");
    expect(h1(res.body), what).toBe(escapeHtml(nul ? coreMessages.de.badRequestTitle : de.linkInvalidTitle));
    if (!nul) expect(res.body, what).toContain(escapeHtml(de.linkInvalidText));
  }
  /** Sends, expects the "nicht mehr gültig" page, and proves that nothing changed. */
  async function refused(what: string, attempt: () => Promise<RawResponse>): Promise<void> {
    const before = await state();
    expectLinkInvalid(await attempt(), what);
    expect(await state(), what).toEqual(before);
  }
  const confirm = (token: string) => postForm("/usingen/konto/bestaetigen", { token });
  const reset = (token: string, password = goodPassword) =>
    postForm("/usingen/konto/passwort-zuruecksetzen", { token, password });
  const resetPage = (token: string) =>
    request("GET", `/usingen/konto/passwort-zuruecksetzen?${new URLSearchParams({ token: wire(token) })}`);
  const forgot = (email: string) => postForm("/usingen/konto/passwort-vergessen", { email });
  const alter = (token: string) =>
    `${token.slice(0, -5)}${token.at(-5) === "A" ? "B" : "A"}${token.slice(-4)}`;
  const idOf = (token: string) => token.split(".")[0] ?? "";
  const secretOf = (token: string) => token.split(".")[1] ?? "";

  it("replayed, expired, altered and other citizens' links are refused and change nothing", async () => {
    const [anna, bernd] = ["anna.fuzz@example.de", "bernd.fuzz@example.de"];
    for (const email of [anna, bernd])
      expect((await postForm("/usingen/konto/registrieren", { email, password: goodPassword })).status).toBe(
        200,
      );
    const confirmA = await mailedToken(anna, de.mailVerifySubject);
    const confirmB = await mailedToken(bernd, de.mailVerifySubject);

    await refused("altered confirmation link", () => confirm(alter(confirmB)));
    await refused("Bernd's secret under Anna's id", () => confirm(`${idOf(confirmA)}.${secretOf(confirmB)}`));
    expect(h1((await confirm(confirmA)).body)).toBe(escapeHtml(de.verifiedTitle));
    await refused("confirmation link used twice", () => confirm(confirmA));

    expect((await forgot(anna)).status).toBe(200);
    const expired = await mailedToken(anna, de.mailResetSubject);
    await t.database.db
      .updateTable("citizen_tokens")
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where("citizen_id", "=", idOf(expired))
      .where("purpose", "=", "reset_password")
      .where("used_at", "is", null)
      .execute();
    await refused("expired reset link, page", () => resetPage(expired));
    await refused("expired reset link, new password", () => reset(expired));

    await forgot(anna);
    const resetA = await mailedToken(anna, de.mailResetSubject);
    await forgot(bernd);
    const resetB = await mailedToken(bernd, de.mailResetSubject);
    await refused("Anna's reset secret under Bernd's id", () => reset(`${idOf(resetB)}.${secretOf(resetA)}`));
    await refused("Bernd's reset secret under Anna's id", () => reset(`${idOf(resetA)}.${secretOf(resetB)}`));
    await refused("altered reset link", () => reset(alter(resetA)));
    await refused("confirmation link used to reset", () => reset(confirmB));
    await refused("reset link used to confirm", () => confirm(resetB));

    // The refused attempts used nothing up: the real links still work, once.
    expect(h1((await confirm(confirmB)).body)).toBe(escapeHtml(de.verifiedTitle));
    expect(h1((await reset(resetA)).body)).toBe(escapeHtml(de.resetDoneTitle));
    await refused("reset link used twice", () => reset(resetA, "Zehn zahme Ziegen zogen Zucker"));
    await refused("used reset link, page", () => resetPage(resetA));
  });

  it("generated forgeries of real links are refused and change nothing", async () => {
    const carla = "carla.fuzz@example.de";
    await postForm("/usingen/konto/registrieren", { email: carla, password: goodPassword });
    const confirmC = await mailedToken(carla, de.mailVerifySubject);
    await forgot(carla);
    const resetC = await mailedToken(carla, de.mailResetSubject);
    const ids = (await t.database.db.selectFrom("citizens").select("id").limit(5).execute()).map((r) => r.id);
    const before = await state();
    const attempt = fc.tuple(forgedTokens([confirmC, resetC], [idOf(confirmC), ...ids]), fc.nat(2));
    const property = fc.asyncProperty(
      fc.array(attempt, { minLength: batch, maxLength: batch }),
      async (tries) => {
        const answers = await Promise.all(
          tries.map(([token, how]) => [confirm, resetPage, reset][how]?.(token)),
        );
        for (const [i, [token, how]] of tries.entries())
          expectLinkInvalid(answers[i] as RawResponse, `${how} ${JSON.stringify(token)}`);
      },
    );
    await fc.assert(property, fuzz(runs(20), 2));
    expect(await state()).toEqual(before);
    expect(h1((await confirm(confirmC)).body)).toBe(escapeHtml(de.verifiedTitle));
    expect(h1((await reset(resetC)).body)).toBe(escapeHtml(de.resetDoneTitle));
  });

  it("refuses an address containing U+0000 with 400, never 500 (registration, sign-in, forgotten password)", async () => {
    for (const route of ["registrieren", "anmelden", "passwort-vergessen"]) {
      const res = await postForm(`/usingen/konto/${route}`, {
        email: "a\u0000b@example.de",
        password: goodPassword,
      });
      expect(res.status, route).toBe(400);
    }
  });
});
