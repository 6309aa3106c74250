import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "#test/browser.ts";
import {
  publishOneStepForm,
  sendApplication,
  signedInClient,
  startDraft,
} from "#test/citizen-applications.ts";
import { createCitizen } from "#test/factories.ts";
import { startTestApp, type TestApp } from "#test/server.ts";
import { type Lang, openTab, texts } from "./support/account-journey.ts";

/**
 * The installation-wide "Mein Rathaus" in Chromium, in German and English, with and without JavaScript:
 * from the landing page to the overview, where a visitor chooses the municipality to sign in at and comes
 * back; the citizen's applications at Usingen and Neu-Anspach under the municipalities' headings, the
 * receipt PDF, the way to a municipality's own Mein Rathaus and back; and the empty overview of a citizen
 * without applications. Every page passes axe (WCAG 2.1 AA) and shows no console error or CSP violation.
 */

const password = "Sieben Zwerge wandern über Berge";
const mia = "mia@example.de";
const tom = "tom@example.de";

/** What the citizen reads, written out so that a changed text is a visible decision. */
const words = {
  de: {
    landing: "Digitales Rathaus",
    toOverview: "Anträge bei allen Kommunen",
    title: "Mein Rathaus",
    signInAt: (tenant: string) => `Bei ${tenant} anmelden`,
    myAt: (tenant: string) => `„Mein Rathaus“ bei ${tenant}`,
    sent: "Abgesendete Anträge",
    received: "Eingegangen",
    receipt: (reference: string) => `PDF herunterladen ${reference}`,
    continueDraft: "„Mängelmelder: Schaden oder Mangel melden“ fortsetzen",
    none: "Sie haben noch keinen Antrag gestellt.",
  },
  en: {
    landing: "Digital Town Hall",
    toOverview: "Applications at all municipalities",
    title: "My town hall",
    signInAt: (tenant: string) => `Sign in at ${tenant}`,
    myAt: (tenant: string) => `“My town hall” at ${tenant}`,
    sent: "Sent applications",
    received: "Received",
    receipt: (reference: string) => `Download PDF ${reference}`,
    continueDraft: "Continue “Reporting a defect or damage”",
    none: "You have not made any application yet.",
  },
} as const;

let app: TestApp;
let browser: Browser;
const references: Record<string, string> = {};

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp("pglite"), launchBrowser()]);
  await publishOneStepForm(app, ["usingen", "neu-anspach"]);
  await createCitizen(app, mia, password);
  await createCitizen(app, tom, password);
  const client = await signedInClient(app, mia, password);
  for (const slug of ["usingen", "neu-anspach"])
    references[slug] = await sendApplication(app, client, slug, mia);
  await startDraft(client, "neu-anspach");
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const open = (lang: Lang, javaScript: boolean) => openTab(browser, app, lang, javaScript);

describe.each([
  ["de", true],
  ["de", false],
  ["en", true],
  ["en", false],
] as const)("Mein Rathaus of all municipalities, %s, JavaScript %s", (lang, javaScript) => {
  const w = words[lang];

  it("leads from the landing page to the sign-in, back to every application and to a municipality's page", async () => {
    const { me, close } = await open(lang, javaScript);
    try {
      await me.visit("/");
      await me.checkPage({ h1: w.landing, path: "/" });
      await me.go(me.link(w.toOverview));
      await me.checkPage({ h1: w.title, path: "/mein-rathaus" });
      await me.go(me.link(w.signInAt("Stadt Neu-Anspach")));
      await me.checkPage({ h1: texts[lang].signIn, path: "/neu-anspach/konto/anmelden" });
      await me.signIn(mia, password);
      await me.checkPage({ h1: w.title, path: "/mein-rathaus" });

      for (const [slug, tenant] of [
        ["usingen", "Stadt Usingen"],
        ["neu-anspach", "Stadt Neu-Anspach"],
      ] as const) {
        const group = me.main
          .locator("section")
          .filter({ has: me.page.getByRole("heading", { name: tenant }) });
        const row = group.getByRole("row").filter({ hasText: references[slug] ?? "" });
        expect(await row.textContent()).toContain(w.received);
        const receipt = row.getByRole("link", { name: w.receipt(references[slug] ?? "") });
        const pdf = await me.page.request.get(
          new URL((await receipt.getAttribute("href")) ?? "", app.url).href,
        );
        expect(pdf.status()).toBe(200);
        expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
        expect(await group.getByRole("link", { name: w.myAt(tenant) }).getAttribute("href")).toBe(
          `/${slug}/mein-rathaus`,
        );
      }
      expect(await me.link(w.continueDraft).getAttribute("href")).toMatch(
        /^\/neu-anspach\/antraege\/[0-9a-f-]{36}\/pruefen$/,
      );

      await me.go(me.link(w.myAt("Stadt Usingen")));
      await me.checkPage({ h1: w.title, path: "/usingen/mein-rathaus" });
      await me.go(me.link(w.toOverview));
      await me.checkPage({ h1: w.title, path: "/mein-rathaus" });
    } finally {
      await close();
    }
  }, 120_000);

  it("tells a citizen without applications so", async () => {
    const { me, close } = await open(lang, javaScript);
    try {
      await me.visit("/usingen/konto/anmelden?weiter=/mein-rathaus");
      await me.signIn(tom, password);
      await me.checkPage({ h1: w.title, path: "/mein-rathaus" });
      expect(await me.main.textContent()).toContain(w.none);
      expect(await me.main.getByRole("heading", { name: w.sent }).count()).toBe(0);
    } finally {
      await close();
    }
  }, 60_000);
});
