import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext } from "#test/browser.ts";
import { startTestApp, type TestApp } from "#test/server.ts";
import { accessibilityAuditor, watchPage } from "./support/page-checks.ts";

/**
 * A citizen looks for a service from the municipality's home: searches, opens the service and sees where to
 * apply online, browses the A–Z list and a life situation, and finds a catalog-only service with the office
 * to go to. German and English, with and without JavaScript; every page passes axe.
 */

type Lang = "de" | "en";

const texts = {
  de: {
    locale: "de-DE",
    home: "Digitales Rathaus Usingen",
    searchLabel: "Wonach suchen Sie?",
    searchButton: "Suchen",
    results: "Ergebnisse für „Hund“",
    dogTax: "Hundesteuer – Anmeldung eines Hundes",
    apply: "Online beantragen",
    azLink: "Alle Leistungen von A bis Z",
    az: "Leistungen von A bis Z",
    idCard: "Personalausweis beantragen",
    inPerson: "So beantragen Sie die Leistung",
    lifeSituation: "Umzug und Wohnen",
    lifeSituationTitle: "Lebenslage: Umzug und Wohnen",
    registerAddress: "Wohnsitz anmelden",
  },
  en: {
    locale: "en-GB",
    home: "Digital Town Hall Usingen",
    searchLabel: "What are you looking for?",
    searchButton: "Search",
    results: "Results for “Hund”",
    dogTax: "Dog tax – registering a dog",
    apply: "Apply online",
    azLink: "All services from A to Z",
    az: "Services from A to Z",
    idCard: "Applying for an identity card",
    inPerson: "How to apply",
    lifeSituation: "Moving house",
    lifeSituationTitle: "Life situation: Moving house",
    registerAddress: "Registering your address",
  },
} as const;

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
  const page: Page = await context.newPage();
  const watch = watchPage(page);

  async function checkPage(h1: string): Promise<void> {
    expect(watch.lastStatus(), page.url()).toBe(200);
    expect(await page.locator("html").getAttribute("lang")).toBe(lang);
    expect((await page.locator("h1").textContent())?.trim()).toBe(h1);
    await auditor.check(page);
    watch.expectNoProblems();
  }

  async function follow(link: Locator, path: string): Promise<void> {
    await link.click();
    await page.waitForURL((url) => url.pathname === path);
  }

  const main = () => page.getByRole("main");

  try {
    await page.goto(`${app.url}/usingen?lang=${lang}`);
    await checkPage(t.home);

    await main().getByLabel(t.searchLabel).fill("Hund");
    await main().getByRole("button", { name: t.searchButton }).click();
    await page.waitForURL((url) => url.pathname === "/usingen/suche" && url.searchParams.get("q") === "Hund");
    await checkPage(t.results);

    const servicePath = "/usingen/leistungen/hundesteuer-anmeldung";
    await follow(main().getByRole("link", { name: t.dogTax, exact: true }), servicePath);
    await checkPage(t.dogTax);
    const apply = main().getByRole("link", { name: t.apply });
    expect(await apply.getAttribute("href")).toBe(`${servicePath}/antrag`);

    await page.goto(`${app.url}/usingen`);
    await follow(main().getByRole("link", { name: t.azLink }), "/usingen/leistungen");
    await checkPage(t.az);
    await follow(
      main().getByRole("link", { name: t.idCard, exact: true }),
      "/usingen/leistungen/personalausweis-beantragen",
    );
    await checkPage(t.idCard);
    expect(await main().getByRole("link", { name: t.apply }).count()).toBe(0);
    expect(await main().getByRole("heading", { name: t.inPerson }).count()).toBe(1);

    await page.goto(`${app.url}/usingen`);
    await follow(
      main().getByRole("link", { name: t.lifeSituation, exact: true }),
      "/usingen/lebenslagen/umzug",
    );
    await checkPage(t.lifeSituationTitle);
    await follow(
      main().getByRole("link", { name: t.registerAddress, exact: true }),
      "/usingen/leistungen/wohnsitz-anmelden",
    );
    await checkPage(t.registerAddress);
  } finally {
    await context.close();
    await auditor.close();
  }
}

describe("service catalog in the browser", () => {
  for (const lang of ["de", "en"] as const) {
    for (const javaScript of [true, false]) {
      it(`${lang}, JavaScript ${javaScript ? "on" : "off"}: home → search → service, A–Z, life situation`, async () => {
        await journey(lang, javaScript);
      }, 300_000);
    }
  }
});
