import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibleOn, footerSurfaceColour } from "#core/views/colour.ts";
import { expectAccessible, launchBrowser, newContext } from "#test/browser.ts";
import { startTestApp, type TestApp } from "#test/server.ts";
import {
  accessibilityAuditor,
  computedStyle,
  expectSkipLinkWorks,
  rgb,
  watchPage,
} from "./support/page-checks.ts";

/**
 * The public pages as a citizen walks them: the operator's landing page, each municipality's home with its
 * branding, the legally required pages, the language switch and the error page, in German and English,
 * with and without JavaScript. Every page visited passes axe (WCAG 2.1 AA) and shows no browser errors.
 */

type Lang = "de" | "en";
type LegalKey = "impressum" | "datenschutz" | "barrierefreiheit";

/** What a citizen reads in each language; written out here so that a changed text is a visible decision. */
const texts = {
  de: {
    locale: "de-DE",
    landingTitle: "Digitales Rathaus",
    siteName: (name: string) => `Digitales Rathaus ${name}`,
    switchLanguage: "Switch to English",
    skipLink: "Zum Inhalt springen",
    legal: {
      impressum: "Impressum",
      datenschutz: "Datenschutzerklärung",
      barrierefreiheit: "Erklärung zur Barrierefreiheit",
    },
    notFound: "Seite nicht gefunden",
  },
  en: {
    locale: "en-GB",
    landingTitle: "Digital Town Hall",
    siteName: (name: string) => `Digital Town Hall ${name}`,
    switchLanguage: "Auf Deutsch wechseln",
    skipLink: "Skip to main content",
    legal: {
      impressum: "Legal notice (Impressum)",
      datenschutz: "Privacy policy",
      barrierefreiheit: "Accessibility statement",
    },
    notFound: "Page not found",
  },
} as const;

const otherLang = { de: "en", en: "de" } as const;

/** The demo seed has the legal texts in German only; English pages show them under their German titles. */
const legalTitles: Record<LegalKey, string> = {
  impressum: "Impressum",
  datenschutz: "Datenschutzerklärung",
  barrierefreiheit: "Erklärung zur Barrierefreiheit",
};
const legalKeys = Object.keys(legalTitles) as LegalKey[];

const municipalities = [
  { slug: "usingen", name: "Usingen", officialName: "Stadt Usingen" },
  { slug: "neu-anspach", name: "Neu-Anspach", officialName: "Stadt Neu-Anspach" },
];

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp("pglite"), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function journey(lang: Lang, javaScript: boolean): Promise<void> {
  const t = texts[lang];
  const context = await newContext(browser, { javaScript, locale: t.locale });
  const auditor = await accessibilityAuditor(browser, { javaScript, locale: t.locale });
  const page = await context.newPage();
  const watch = watchPage(page);

  /** Every page: the expected status, language and heading, no browser errors, 0 axe violations. */
  async function checkPage(expected: { lang: Lang; h1: string; status?: number }): Promise<void> {
    expect(watch.lastStatus(), page.url()).toBe(expected.status ?? 200);
    expect(await page.locator("html").getAttribute("lang")).toBe(expected.lang);
    expect((await page.locator("h1").textContent())?.trim()).toBe(expected.h1);
    await auditor.check(page);
    watch.expectNoProblems();
  }

  async function follow(link: Locator, path: string): Promise<void> {
    await link.click();
    await page.waitForURL((url) => url.pathname === path);
  }

  /** The language link leads to the same page in the other language and back again. */
  async function switchLanguageAndBack(path: string, h1: (l: Lang) => string, status = 200): Promise<void> {
    for (const [from, to] of [
      [lang, otherLang[lang]],
      [otherLang[lang], lang],
    ] as const) {
      const link = page.getByRole("banner").getByRole("link", { name: texts[from].switchLanguage });
      expect(await link.getAttribute("hreflang")).toBe(to);
      await link.click();
      await page.waitForURL((url) => url.searchParams.get("lang") === to);
      expect(new URL(page.url()).pathname, "the language switch stays on the page").toBe(path);
      await checkPage({ lang: to, h1: h1(to), status });
    }
  }

  try {
    await page.goto(app.url);
    await checkPage({ lang, h1: t.landingTitle });
    await expectSkipLinkWorks(page, t.skipLink);

    for (const m of municipalities) {
      const home = `/${m.slug}`;
      if (new URL(page.url()).pathname !== "/") await page.goto(app.url);
      await follow(page.getByRole("main").getByRole("link", { name: m.officialName, exact: true }), home);
      await checkPage({ lang, h1: t.siteName(m.name) });
      expect(await page.title()).toBe(t.siteName(m.name));
      await expectBranding(page, m.slug);
      await expectSkipLinkWorks(page, t.skipLink);

      for (const key of legalKeys) {
        const footerLink = page
          .getByRole("contentinfo")
          .getByRole("link", { name: t.legal[key], exact: true });
        await follow(footerLink, `${home}/${key}`);
        await checkPage({ lang, h1: legalTitles[key] });
        expect(await page.locator("h1").getAttribute("lang")).toBe(lang === "de" ? null : "de");
        expect(await footerLink.getAttribute("aria-current")).toBe("page");
        await expectBranding(page, m.slug);
      }

      await follow(page.getByRole("banner").getByRole("link", { name: t.siteName(m.name) }), home);
      await checkPage({ lang, h1: t.siteName(m.name) });
      await switchLanguageAndBack(home, (l) => texts[l].siteName(m.name));
    }

    const missing = "/usingen/gibt-es-nicht";
    await page.goto(app.url + missing);
    await checkPage({ lang, h1: t.notFound, status: 404 });
    await expectBranding(page, "usingen");
    await switchLanguageAndBack(missing, (l) => texts[l].notFound, 404);
  } finally {
    await context.close();
    await auditor.close();
  }
}

/** The municipality's colour is applied by its branding stylesheet, and its coat of arms is shown. */
async function expectBranding(page: Page, slug: string): Promise<void> {
  const tenant = await app.services.tenants.bySlug(slug);
  if (!tenant) throw new Error(`demo municipality ${slug} missing`);
  expect(await computedStyle(page, ".site-header", "background-color")).toBe(rgb(tenant.colour));
  expect(await computedStyle(page, ".site-brand__name", "color")).toBe("rgb(255, 255, 255)");
  const linkColour = rgb(accessibleOn(tenant.colour, footerSurfaceColour));
  expect(await computedStyle(page, ".site-footer .kern-link", "color")).toBe(linkColour);
  const shield = page.getByRole("banner").locator("img.site-brand__logo");
  expect(await shield.getAttribute("src")).toBe(`/${slug}/wappen.svg`);
  expect(await shield.isVisible()).toBe(true);
  expect(
    await shield.evaluate(
      (img: { complete: boolean; naturalWidth: number }) => img.complete && img.naturalWidth > 0,
    ),
  ).toBe(true);
}

describe("public pages in the browser", () => {
  for (const lang of ["de", "en"] as const) {
    for (const javaScript of [true, false]) {
      it(`${lang}, JavaScript ${javaScript ? "on" : "off"}: landing page, both municipalities, legal pages, language switch, 404`, async () => {
        await journey(lang, javaScript);
      }, 300_000);
    }
  }

  it("stays light and readable when the system prefers a dark colour scheme", async () => {
    const context = await browser.newContext({ colorScheme: "dark", locale: "de-DE" });
    const page = await context.newPage();
    const watch = watchPage(page);
    try {
      for (const path of ["/", "/usingen"]) {
        await page.goto(app.url + path);
        // KERN writes its colours in oklch; white is white either way.
        expect(["rgb(255, 255, 255)", "oklch(1 0 0)"]).toContain(
          await computedStyle(page, "body", "background-color"),
        );
        await expectAccessible(page);
        watch.expectNoProblems();
      }
    } finally {
      await context.close();
    }
  }, 120_000);

  it("answers an unknown municipality with the installation's 404 page", async () => {
    const context = await newContext(browser, { javaScript: false, locale: "de-DE" });
    const auditor = await accessibilityAuditor(browser, { javaScript: false, locale: "de-DE" });
    const page = await context.newPage();
    const watch = watchPage(page);
    try {
      const response = await page.goto(`${app.url}/gibt-es-nicht`);
      expect(response?.status()).toBe(404);
      expect((await page.locator("h1").textContent())?.trim()).toBe(texts.de.notFound);
      expect(await page.getByRole("banner").locator("img").count()).toBe(0);
      await auditor.check(page);
      watch.expectNoProblems();
    } finally {
      await context.close();
      await auditor.close();
    }
  }, 120_000);
});
