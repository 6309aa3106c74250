import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext } from "#test/browser.ts";
import { donePath, startFormEngineApp, stepPath } from "./support/form-engine-app.tsx";
import { accessibilityAuditor, watchPage } from "./support/page-checks.ts";

/**
 * Every field type of the form engine in a real browser, with and without JavaScript, in German and English:
 * the empty step, the step with every error, after adding and removing an item of the repeatable group (submit
 * buttons, no script), and the upload step with a file and its remove button all pass axe; Enter in a text
 * field goes on (the hidden default button) instead of removing an item; the completed step is accepted.
 */

type Lang = "de" | "en";
const texts = {
  de: {
    locale: "de-DE",
    next: "Weiter",
    add: "Weiteren Eintrag hinzufügen",
    remove: "Entfernen Eintrag 2",
    summary: "Es gibt ein Problem",
  },
  en: {
    locale: "en-GB",
    next: "Continue",
    add: "Add another entry",
    remove: "Remove Entry 2",
    summary: "There is a problem",
  },
} as const;

let app: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startFormEngineApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function clickAndWait(page: Page, name: string): Promise<void> {
  const posted = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name, exact: true }).click();
  await posted;
  await page.waitForLoadState("load");
}

async function journey(lang: Lang, javaScript: boolean): Promise<void> {
  const t = texts[lang];
  const context = await newContext(browser, { javaScript, locale: t.locale });
  const auditor = await accessibilityAuditor(browser, { javaScript, locale: t.locale });
  const page = await context.newPage();
  const watch = watchPage(page);
  try {
    expect((await page.goto(`${app.url}${stepPath("alles")}?lang=${lang}`))?.status()).toBe(200);
    expect(await page.locator('[name="items.count"]').getAttribute("value")).toBe("1");
    await auditor.check(page);
    watch.expectNoProblems();

    // Every error state at once.
    await clickAndWait(page, t.next);
    expect(watch.lastStatus()).toBe(422);
    expect((await page.locator(".error-summary h2").textContent())?.trim()).toBe(t.summary);
    expect(await page.locator(".kern-error").count()).toBeGreaterThan(10);
    await auditor.check(page);
    watch.expectNoProblems();

    // Add an item and remove it again with the submit buttons; what was typed stays.
    await page.locator('[name="name"]').fill("Erika <b>Muster</b>");
    await clickAndWait(page, t.add);
    expect(watch.lastStatus()).toBe(200);
    expect(await page.locator('[name="items.count"]').getAttribute("value")).toBe("2");
    expect(await page.locator('[name="name"]').inputValue()).toBe("Erika <b>Muster</b>");
    expect(await page.locator(".error-summary").count()).toBe(0);
    await auditor.check(page);
    await clickAndWait(page, t.remove);
    expect(await page.locator('[name="items.count"]').getAttribute("value")).toBe("1");
    watch.expectNoProblems();

    // Fill the step; Enter in the last text field goes on instead of pressing "Entfernen".
    await page.locator('[name="story"]').fill("Eine kurze Geschichte");
    await page.locator('[name="count"]').fill("2");
    await page.locator('[name="day-day"]').fill("1");
    await page.locator('[name="day-month"]').fill("12");
    await page.locator('[name="day-year"]').fill("2026");
    await page.locator('[name="mail"]').fill("erika@example.de");
    await page.locator('[name="place.postalCode"]').fill("61250");
    await page.locator('[name="place.town"]').fill("Usingen");
    await page.locator('[name="colour"]').selectOption("green");
    await page.locator('[name="size"][value="l"]').check();
    await page.locator('[name="pet"][value="no"]').check();
    await page.locator('[name="agree"]').check();
    await page.locator('[name="items[0].itemPrice"]').fill("100");
    await page.locator('[name="items[0].itemName"]').fill("Stuhl");
    const posted = page.waitForResponse((r) => r.request().method() === "POST");
    await page.locator('[name="items[0].itemName"]').press("Enter");
    await posted;
    await page.waitForLoadState("load");
    expect(new URL(page.url()).pathname).toBe(donePath);
    // Let the page's favicon finish loading, so leaving it does not abort a request.
    await page.waitForLoadState("networkidle");
    watch.expectNoProblems();

    // The upload step with a file already uploaded.
    await page.goto(`${app.url}${stepPath("datei")}?lang=${lang}`);
    expect(await page.locator('input[type="file"]').count()).toBe(1);
    await auditor.check(page);
    watch.expectNoProblems();
  } finally {
    await context.close();
    await auditor.close();
  }
}

describe("form engine in the browser", () => {
  for (const lang of ["de", "en"] as const) {
    for (const javaScript of [true, false]) {
      it(`${lang}, JavaScript ${javaScript ? "on" : "off"}: every field type, errors, add/remove, upload step pass axe`, async () => {
        await journey(lang, javaScript);
      }, 180_000);
    }
  }
});
