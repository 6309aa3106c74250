import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { expectAccessible } from "#test/browser.ts";

// Functions passed to evaluate() run in the browser. The project compiles without the DOM library (adding it
// would retype Node globals everywhere), so the few browser globals used are declared for this file only.
declare const document: { activeElement: { id: string } | null };
declare function getComputedStyle(element: unknown): { getPropertyValue(name: string): string };

/**
 * Collects what must never happen on a page: console errors (CSP violations are reported there), uncaught
 * errors, and sub-resources (stylesheets, fonts, images) that fail or answer with an error status.
 * The browser also logs an error when a document itself answers 404; that one is expected on error pages and
 * checked through the status instead.
 */
export function watchPage(page: Page) {
  const problems: string[] = [];
  const documents = new Set<string>();
  let lastStatus = 0;
  page.on("response", (response) => {
    const request = response.request();
    if (request.resourceType() === "document" && request.frame() === page.mainFrame()) {
      documents.add(response.url());
      lastStatus = response.status();
    } else if (response.status() >= 400) {
      problems.push(`${response.status()} for ${request.resourceType()} ${response.url()}`);
    }
  });
  page.on("requestfailed", (request) => {
    problems.push(`failed ${request.resourceType()} ${request.url()}: ${request.failure()?.errorText}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const isDocumentStatus =
      message.text().startsWith("Failed to load resource") && documents.has(message.location().url);
    if (!isDocumentStatus) problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  return {
    /** HTTP status of the last page loaded in the main frame. */
    lastStatus: () => lastStatus,
    /** Fails with everything collected since the last call. */
    expectNoProblems(): void {
      const found = problems.splice(0);
      expect(found, `browser problems on ${page.url()}`).toEqual([]);
    },
  };
}

/**
 * axe-core needs timers, and timers do not fire while JavaScript is disabled. A page seen without JavaScript
 * is therefore audited in a twin page of a JavaScript-enabled context: the exact DOM the no-JS page shows,
 * served at the same URL (so stylesheets and images load as they did), with the same locale and colour scheme.
 * The app sends no scripts, so the twin renders the same page; axe is the only script that runs there.
 */
export async function accessibilityAuditor(
  browser: Browser,
  options: { javaScript: boolean; locale: string; colorScheme?: "light" | "dark" },
): Promise<{ check(page: Page): Promise<void>; close(): Promise<void> }> {
  if (options.javaScript) return { check: expectAccessible, close: async () => {} };
  const twinContext: BrowserContext = await browser.newContext({
    locale: options.locale,
    colorScheme: options.colorScheme ?? "light",
  });
  const twin = await twinContext.newPage();
  return {
    async check(page: Page) {
      const url = page.url().split("#")[0] ?? "";
      const html = await page.content();
      await twin.route(
        (candidate) => candidate.href === url,
        (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }),
      );
      await twin.goto(url);
      await twin.unrouteAll();
      expect(await twin.locator("h1").allTextContents()).toEqual(await page.locator("h1").allTextContents());
      await expectAccessible(twin);
    },
    close: () => twinContext.close(),
  };
}

/** The computed value of a CSS property of the first element matching `selector`. */
export function computedStyle(page: Page, selector: string, property: string): Promise<string> {
  return page
    .locator(selector)
    .first()
    .evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);
}

/** `#1f4e8c` → `rgb(31, 78, 140)`, as getComputedStyle reports colours. */
export function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/**
 * Keyboard users: the first Tab from the top of the page lands on the visible skip link, and following it
 * moves the focus to the main content.
 */
export async function expectSkipLinkWorks(page: Page, label: string): Promise<void> {
  await page.keyboard.press("Tab");
  const focused = page.locator(":focus");
  await expect.poll(() => focused.getAttribute("href")).toBe("#main");
  expect((await focused.textContent())?.trim()).toBe(label);
  const box = await focused.boundingBox();
  expect(box && box.x >= 0 && box.y >= 0 && box.width > 0, "skip link is visible when focused").toBe(true);
  await page.keyboard.press("Enter");
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("main");
}
