import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "#test/browser.ts";
import { createCitizen } from "#test/factories.ts";
import { waitForMail } from "#test/mailbox.ts";
import { startTestApp, type TestApp } from "#test/server.ts";
import { openTab, type Tab, texts } from "./account-journey.ts";
import { dayFromToday, expectErrors, type Fill, fillStep } from "./application-fill.ts";
import { payByDirectDebit } from "./payment-platform.ts";

/**
 * An online application in the browser, from the municipality's home to the receipt: what every demo
 * service's journey shares. A service's journey is a script (its steps, the wrong answers tried first, the
 * change made from the review page); `applyOnline` walks it in German, as a guest or as a citizen who signs
 * in on the start page, and checks every page (status, heading, axe, no console error or CSP violation).
 */

/**
 * The journeys of `scripts`, each with and without JavaScript (one test each), over one app whose uploads
 * go to a temporary DATA_DIR and one browser.
 */
export function describeJourneys(scripts: ServiceScript[]): void {
  const ctx = journeyContext();
  describe.each([true, false])("applying online in the browser, JavaScript %s", (javaScript) => {
    for (const script of scripts)
      it(`${script.slug} (${script.signedIn ? "signed in" : "guest"})`, async () => {
        await applyOnline(ctx, script, javaScript);
      }, 300_000);
  });
}

/** The app and browser of a file's journeys, started before its tests (filled in then) and closed after. */
export function journeyContext(): JourneyContext {
  const ctx = {} as JourneyContext;
  beforeAll(async () => {
    ctx.dataDir = await mkdtemp(join(tmpdir(), "rathaus-e2e-applications-"));
    [ctx.app, ctx.browser] = await Promise.all([
      startTestApp("pglite", { linksReachable: true, env: { DATA_DIR: ctx.dataDir } }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.app?.close();
    if (ctx.dataDir) await rm(ctx.dataDir, { recursive: true, force: true });
  });
  return ctx;
}

/** What the citizen reads, written out so that a changed text is a visible decision. */
const words = {
  home: texts.de.home,
  searchLabel: "Wonach suchen Sie?",
  searchButton: "Suchen",
  results: (query: string) => `Ergebnisse für „${query}“`,
  apply: "Online beantragen",
  startGuest: "Ohne Konto fortfahren",
  startSignIn: "Anmelden und Antrag starten",
  startSignedIn: "Antrag starten",
  signedInAs: (email: string) => `Sie sind angemeldet als ${email}.`,
  stepOf: (service: string, n: number, total: number) => `${service} · Schritt ${n} von ${total}`,
  next: "Weiter",
  review: "Ihre Angaben prüfen",
  change: (label: string) => `Ändern ${label}`,
  email: "E-Mail-Adresse",
  emailMissing: "Geben Sie Ihre E-Mail-Adresse ein",
  submit: "Antrag verbindlich absenden",
  submitAndPay: "Antrag absenden und bezahlen",
  confirmation: "Ihr Antrag ist eingegangen",
  toMyTownHall: "Zu „Mein Rathaus“",
  myTownHall: "Mein Rathaus",
  received: "Eingegangen",
  receiptLink: (reference: string) => `PDF herunterladen ${reference}`,
  receiptSubject: (reference: string, service: string) => `Eingangsbestätigung ${reference}: ${service}`,
  statusTitle: "Stand eines Antrags abfragen",
  statusReference: "Aktenzeichen",
  statusCode: "Code aus der E-Mail",
  statusSubmit: "Stand abfragen",
  statusResult: (reference: string, service: string) => `Antrag ${reference}: ${service}`,
  statusLine: "Stand: Eingegangen",
} as const;

export interface StepScript {
  id: string;
  title: string;
  /** Answers tried first: the step comes back (422) with these errors, `[message, id of the field]`. */
  wrong?: { fill: (f: Fill) => Promise<void>; errors: [message: string, fieldId: string][] };
  fill: (f: Fill) => Promise<void>;
}

export interface ServiceScript {
  slug: string;
  name: string;
  /** What the citizen types into the home's search box. */
  query: string;
  /** A citizen who signs in on the start page (Mein Rathaus), or a guest (status page). */
  signedIn: boolean;
  steps: StepScript[];
  review: {
    /** Answers and fees the review page shows. */
    shows: string[];
    /** The change link of `label` leads back to step `stepId`; after `fill`, the review shows `shows`. */
    change: { label: string; stepId: string; fill: (f: Fill) => Promise<void>; shows: string[] };
    /** A guest whose form asks no e-mail address gives it here (left out once first). */
    asksEmail?: boolean;
  };
  /** An answer the receipt PDF must contain (besides the reference). */
  receiptShows: string;
  /**
   * The fee (`amount`, as the payment platform shows it) is paid before the application is sent: "Antrag
   * absenden und bezahlen" leads to the platform, where the journey pays by direct debit at once.
   */
  paysFirst?: { amount: string };
}

export interface JourneyContext {
  app: TestApp;
  browser: Browser;
  /** Where downloaded PDFs are written for pdftotext. */
  dataDir: string;
}

const password = "Sieben Zwerge wandern über Berge";

/** Walks the whole journey of `script` in a fresh browser context, with or without JavaScript. */
export async function applyOnline(
  ctx: JourneyContext,
  script: ServiceScript,
  javaScript: boolean,
): Promise<void> {
  const email = `${script.slug}-${javaScript ? "js" : "ohne-js"}@example.de`;
  const { me, close } = await openJourney(ctx, script, email, javaScript);
  try {
    const draftPath = await answerAll(me, script, email);
    const reference = await reviewAndSend(me, script, draftPath, email);
    await waitForMail(ctx.app.database.db, email, reference);
    if (script.signedIn) await findInMyTownHall(me, ctx, reference);
    const code = await readReceiptMail(me, ctx, script, email, reference);
    if (!script.signedIn) await checkStatus(me, ctx.app, script, reference, code);
  } finally {
    await close();
  }
}

/** A German browser tab of its own for `email`, whose account is made first where the script signs in. */
export async function openJourney(
  ctx: JourneyContext,
  script: ServiceScript,
  email: string,
  javaScript: boolean,
): Promise<{ me: Tab; close: () => Promise<void> }> {
  if (script.signedIn) await createCitizen(ctx.app, email, password);
  return openTab(ctx.browser, ctx.app, "de", javaScript);
}

/** Home → … → start → every step answered (wrong answers first): the tab shows the review; the draft's path. */
export async function answerAll(me: Tab, script: ServiceScript, email: string): Promise<string> {
  await findAndStart(me, script, email);
  const draftPath = /^\/usingen\/antraege\/[0-9a-f-]{36}/.exec(me.pathname())?.[0] ?? "";
  expect(draftPath).not.toBe("");
  const steps = stepper(me, script, draftPath, email);
  for (const step of script.steps) await steps.answer(step);
  return draftPath;
}

/** Home → search → the service → "Online beantragen" → (signed in on the way, or as a guest) step 1. */
async function findAndStart(me: Tab, script: ServiceScript, email: string): Promise<void> {
  const servicePath = `/usingen/leistungen/${script.slug}`;
  await me.visit("/usingen");
  await me.checkPage({ h1: words.home, path: "/usingen" });
  await me.field(words.searchLabel).fill(script.query);
  await me.go(me.button(words.searchButton));
  await me.checkPage({ h1: words.results(script.query), path: "/usingen/suche" });
  await me.go(me.link(script.name));
  await me.checkPage({ h1: script.name, path: servicePath });
  await me.go(me.link(words.apply));
  await me.checkPage({ h1: script.name, path: `${servicePath}/antrag` });
  if (!script.signedIn) {
    await me.go(me.button(words.startGuest));
    return;
  }
  await me.go(me.link(words.startSignIn));
  await me.checkPage({ h1: texts.de.signIn, path: "/usingen/konto/anmelden" });
  await me.signIn(email, password);
  await me.checkPage({ h1: script.name, path: `${servicePath}/antrag` });
  expect(await me.main.textContent()).toContain(words.signedInAs(email));
  await me.go(me.button(words.startSignedIn));
}

/** The question pages of one draft: checks each, tries the wrong answers, fills and goes on. */
function stepper(me: Tab, script: ServiceScript, draftPath: string, email: string) {
  const total = script.steps.length;

  async function checkStep(step: StepScript, status = 200): Promise<void> {
    await me.checkPage({ h1: step.title, path: `${draftPath}/${step.id}`, status });
    const n = script.steps.indexOf(step) + 1;
    expect((await me.main.locator(".kern-preline").textContent())?.trim()).toBe(
      words.stepOf(script.name, n, total),
    );
  }

  const fillOn = (step: StepScript): Fill => fillStep(me, email, () => checkStep(step));

  /** The step's page: the wrong answers first (errors linked to their fields), then the right ones. */
  async function answer(step: StepScript): Promise<void> {
    await checkStep(step);
    if (step.wrong) {
      await step.wrong.fill(fillOn(step));
      await me.go(me.button(words.next));
      await checkStep(step, 422);
      await expectErrors(me, step.wrong.errors);
    }
    await step.fill(fillOn(step));
    await me.go(me.button(words.next));
  }

  /** A step whose answers are kept: shown again, and on with "Weiter". */
  async function pass(step: StepScript): Promise<void> {
    await checkStep(step);
    await me.go(me.button(words.next));
  }

  return { answer, pass, checkStep, fillOn };
}

/** The text inside `locator`, whitespace collapsed. */
export const textOf = async (locator: Locator) => ((await locator.textContent()) ?? "").replace(/\s+/g, " ");

/**
 * "Ihre Angaben prüfen": the answers, one change link followed there and back ("Weiter" returns straight to the
 * review, not through the later steps), then sending.
 */
async function reviewAndSend(
  me: Tab,
  script: ServiceScript,
  draftPath: string,
  email: string,
): Promise<string> {
  const reviewPath = `${draftPath}/pruefen`;
  const { change } = script.review;
  const steps = stepper(me, script, draftPath, email);
  const submit = script.paysFirst ? words.submitAndPay : words.submit;
  await me.checkPage({ h1: words.review, path: reviewPath });
  for (const shown of script.review.shows) expect(await textOf(me.main)).toContain(shown);

  await me.go(me.link(words.change(change.label)));
  const from = script.steps.findIndex((step) => step.id === change.stepId);
  const changed = script.steps[from] as StepScript;
  await steps.checkStep(changed);
  const target = new URL(me.page.url()).hash;
  expect(target).toMatch(/^#field-/);
  expect(await me.page.locator(target).count()).toBe(1);
  expect(new URL(me.page.url()).searchParams.get("aendern")).toBe("ja");
  await change.fill(steps.fillOn(changed));
  await me.go(me.button(words.next));
  await me.checkPage({ h1: words.review, path: reviewPath });
  for (const shown of change.shows) expect(await textOf(me.main)).toContain(shown);

  if (script.review.asksEmail) {
    await me.go(me.button(submit));
    await me.checkPage({ h1: words.review, path: reviewPath, status: 422 });
    await expectErrors(me, [[words.emailMissing, "field-email"]]);
    await me.field(words.email).fill(email);
  }
  await me.go(me.button(submit));
  if (script.paysFirst) await payByDirectDebit(me, script.paysFirst.amount);
  await me.checkPage({ h1: words.confirmation, path: `${draftPath}/bestaetigung` });
  const reference = /USI-\d{4}-\d{6}/.exec(await textOf(me.main))?.[0] ?? "";
  expect(reference).toMatch(new RegExp(`^USI-${dayFromToday(0).slice(0, 4)}-\\d{6}$`));
  expect(await textOf(me.main)).toContain(email);
  return reference;
}

/**
 * A signed-in citizen: the confirmation's link to "Mein Rathaus", the application there, its receipt; the
 * application's row.
 */
export async function findInMyTownHall(me: Tab, ctx: JourneyContext, reference: string): Promise<Locator> {
  await me.go(me.link(words.toMyTownHall));
  await me.checkPage({ h1: words.myTownHall, path: "/usingen/mein-rathaus" });
  const row = me.main.getByRole("row").filter({ hasText: reference });
  expect(await textOf(row)).toContain(words.received);
  const receipt = row.getByRole("link", { name: words.receiptLink(reference), exact: true });
  const response = await me.page.context().request.get(`${ctx.app.url}${await receipt.getAttribute("href")}`);
  expect(response.status()).toBe(200);
  expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
  return row;
}

/**
 * The receipt mail at /_dev/mail: its attachment link, the PDF's text (pdftotext) with the reference and an
 * answer, and the guest's status code, which is returned.
 */
export async function readReceiptMail(
  me: Tab,
  ctx: JourneyContext,
  script: ServiceScript,
  email: string,
  reference: string,
): Promise<string> {
  await me.openNewestMail(email, words.receiptSubject(reference, script.name));
  const text = await attachedPdfText(me, ctx, `${reference}.pdf`);
  expect(text).toContain(reference);
  expect(text).toContain(script.receiptShows);
  // The mail's text, line by line: the code ends where its line ends.
  const line = await me.main.locator("span", { hasText: "Ihr Code: " }).textContent();
  return /Ihr Code: ([\w-]+)$/.exec(line?.trim() ?? "")?.[1] ?? "";
}

/** The open mail's attachment `filename`: a PDF, as text (pdftotext), whitespace collapsed. */
export async function attachedPdfText(me: Tab, ctx: JourneyContext, filename: string): Promise<string> {
  const href = (await me.link(filename).getAttribute("href")) ?? "";
  expect(href).toMatch(/^\/_dev\/mail\/[0-9a-f-]{36}\/anhang\/\d+$/);
  const pdf = await me.page.context().request.get(`${ctx.app.url}${href}`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const file = join(ctx.dataDir, filename);
  await writeFile(file, await pdf.body());
  return execFileSync("pdftotext", [file, "-"]).toString().replace(/\s+/g, " ");
}

/** A guest: the status link in the mail, the reference and the code, and the application's progress. */
async function checkStatus(
  me: Tab,
  app: TestApp,
  script: ServiceScript,
  reference: string,
  code: string,
): Promise<void> {
  expect(code).not.toBe("");
  await me.go(me.link(`${app.url}/usingen/antragsstatus`));
  await me.checkPage({ h1: words.statusTitle, path: "/usingen/antragsstatus" });
  await me.field(words.statusReference).fill(reference);
  await me.field(words.statusCode).fill(code);
  await me.go(me.button(words.statusSubmit));
  await me.checkPage({ h1: words.statusResult(reference, script.name), path: "/usingen/antragsstatus" });
  expect(await textOf(me.main)).toContain(words.statusLine);
}
