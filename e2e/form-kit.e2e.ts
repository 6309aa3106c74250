import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext } from "#test/browser.ts";
import { formPath, startFormKitApp, thanksPath } from "./support/form-kit-app.tsx";
import { accessibilityAuditor, watchPage } from "./support/page-checks.ts";

/**
 * The form kit (src/core/views/form) in a real browser, with and without JavaScript, in German and English:
 * a form with every component, empty and with errors, passes axe; a submission without JavaScript posts the
 * values and comes back as 422 with the error summary (focused), inline errors and every answer kept; each
 * summary link moves the focus to its field; the corrected form is accepted (303 → thanks page); hostile input
 * stays text; a POST without a valid CSRF token is refused with 403.
 */

// Browser globals for the functions passed to evaluate() (the project compiles without the DOM library).
declare const document: { activeElement: { id: string; className: string } | null };

type Lang = "de" | "en";

const texts = {
  de: {
    locale: "de-DE",
    siteName: "Digitales Rathaus",
    errorTitle: "Fehler: ",
    summaryHeading: "Es gibt ein Problem",
    errorPrefix: "Fehler:",
    date: { day: "Tag", month: "Monat", year: "Jahr" },
    back: "Zurück",
    select: "Bitte auswählen",
  },
  en: {
    locale: "en-GB",
    siteName: "Digital Town Hall",
    errorTitle: "Error: ",
    summaryHeading: "There is a problem",
    errorPrefix: "Error:",
    date: { day: "Day", month: "Month", year: "Year" },
    back: "Back",
    select: "Please select",
  },
} as const;

const hostile = `"><script>alert(1)</script><img src=x onerror=alert(2)>&lt;b&gt;`;

const messages = {
  name: "Geben Sie Ihren Namen an",
  email: "Geben Sie eine E-Mail-Adresse wie name@example.de an",
  password: "Geben Sie ein Passwort mit mindestens 12 Zeichen an",
  message: "Beschreiben Sie Ihr Anliegen",
  birthDate: "Geben Sie Ihr Geburtsdatum als echtes Datum an",
  contact: "Wählen Sie aus, wie wir Sie erreichen sollen",
  topics: "Wählen Sie mindestens ein Thema aus",
  district: "Wählen Sie Ihren Ortsteil aus",
  consent: "Bestätigen Sie, dass Ihre Angaben richtig sind",
} as const;
type Field = keyof typeof messages;

/** An empty submission: every required field has an error (each component's error state once). */
const emptyErrors: Field[] = [
  "name",
  "email",
  "password",
  "message",
  "birthDate",
  "contact",
  "topics",
  "district",
  "consent",
];
/** A half-filled one: a hostile name (valid), a wrong e-mail, a short password, no message, an impossible date. */
const halfErrors: Field[] = ["email", "password", "message", "birthDate"];

let app: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startFormKitApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const activeElement = (page: Page) =>
  page.evaluate(() => ({ id: document.activeElement?.id, className: document.activeElement?.className }));

/** Clicks the submit button and waits for the page the server answers with (after a redirect, if any). */
async function submit(page: Page): Promise<void> {
  const posted = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name: "Absenden" }).click();
  await posted;
  await page.waitForLoadState("load");
}

/** The error summary's links as [href, text]. */
function summaryLinks(page: Page): Promise<(string | null | undefined)[][]> {
  return page
    .locator(".error-summary")
    .getByRole("link")
    .evaluateAll((links: { getAttribute(name: string): string | null; textContent: string | null }[]) =>
      links.map((a) => [a.getAttribute("href"), a.textContent?.trim()]),
    );
}

async function journey(lang: Lang, javaScript: boolean): Promise<void> {
  const t = texts[lang];
  const context = await newContext(browser, { javaScript, locale: t.locale });
  const auditor = await accessibilityAuditor(browser, { javaScript, locale: t.locale });
  const page = await context.newPage();
  const watch = watchPage(page);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const field = (label: string) => page.getByLabel(label, { exact: true });
  const date = (part: keyof typeof t.date) => field(t.date[part]);
  const consent = () => page.getByRole("checkbox", { name: /Ich bestätige/ });

  try {
    // The empty form: no summary, no error, plain title, strict CSP in force.
    const response = await page.goto(`${app.url}${formPath}?lang=${lang}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    expect(await page.title()).toBe(`Testformular – ${t.siteName}`);
    expect(await page.locator(".error-summary").count()).toBe(0);
    expect(await page.locator("[aria-invalid]").count()).toBe(0);
    expect(await page.locator("form").getAttribute("novalidate")).not.toBeNull();
    expect(await page.getByRole("link", { name: t.back }).getAttribute("href")).toBe("/");
    expect(await page.getByLabel("Ortsteil").inputValue()).toBe("");
    await auditor.check(page);
    watch.expectNoProblems();

    // Empty: every field's error state, each summary link moves the focus to its field.
    await submit(page);
    expect(watch.lastStatus()).toBe(422);
    expect(new URL(page.url()).pathname).toBe(formPath);
    expect(await page.title()).toBe(`${t.errorTitle}Testformular – ${t.siteName}`);
    const summary = page.locator(".error-summary");
    expect(await summary.getAttribute("role")).toBe("alert");
    expect((await summary.getByRole("heading", { level: 2 }).textContent())?.trim()).toBe(t.summaryHeading);
    // The summary has the focus, so a screen reader starts there (autofocus: no JavaScript needed).
    await expect.poll(async () => (await activeElement(page)).className).toContain("error-summary");
    expect(await summaryLinks(page)).toEqual(emptyErrors.map((f) => [`#field-${f}`, messages[f]]));
    const topics = page.getByRole("group", { name: "Welche Themen betrifft Ihr Anliegen?" });
    expect(await topics.getAttribute("aria-describedby")).toBe("field-topics-hint field-topics-error");
    const contact = page.getByRole("group", { name: "Wie sollen wir Sie erreichen?" });
    expect(await contact.getAttribute("aria-describedby")).toBe("field-contact-error");
    expect(await page.getByLabel("Ortsteil").getAttribute("aria-invalid")).toBe("true");
    expect(await consent().getAttribute("aria-invalid")).toBe("true");
    await auditor.check(page);
    watch.expectNoProblems();
    for (const name of emptyErrors) {
      await summary.getByRole("link", { name: messages[name] }).click();
      await expect.poll(async () => (await activeElement(page)).id, { message: name }).toBe(`field-${name}`);
    }

    // Half filled, with a hostile name and an impossible date: every answer comes back.
    await field("Vollständiger Name").fill(hostile);
    await field("E-Mail-Adresse").fill("keine-adresse");
    await page.getByLabel("Telefonnummer").fill("06081 1234");
    await page.getByLabel("Anzahl der Personen").fill("3");
    await field("Passwort").fill("kurz");
    await date("day").fill("31");
    await date("month").fill("2");
    await date("year").fill("1990");
    await field("Per Post").check();
    await field("Grünflächen").check();
    await field("Abfall").check();
    await page.getByLabel("Ortsteil").selectOption("kransberg");
    await consent().check();
    await submit(page);

    expect(watch.lastStatus()).toBe(422);
    expect(await summaryLinks(page)).toEqual(halfErrors.map((f) => [`#field-${f}`, messages[f]]));
    // Every answer is kept, except the password; hostile text is shown as typed and never runs.
    expect(await field("Vollständiger Name").inputValue()).toBe(hostile);
    expect(await field("Vollständiger Name").getAttribute("aria-invalid")).toBeNull();
    expect(await field("E-Mail-Adresse").inputValue()).toBe("keine-adresse");
    expect(await page.getByLabel("Telefonnummer").inputValue()).toBe("06081 1234");
    expect(await page.getByLabel("Anzahl der Personen").inputValue()).toBe("3");
    expect(await field("Passwort").inputValue()).toBe("");
    const dateValues = [
      await date("day").inputValue(),
      await date("month").inputValue(),
      await date("year").inputValue(),
    ];
    expect(dateValues).toEqual(["31", "2", "1990"]);
    expect(await field("Per Post").isChecked()).toBe(true);
    expect(await field("Per E-Mail").isChecked()).toBe(false);
    expect(await field("Grünflächen").isChecked()).toBe(true);
    expect(await field("Abfall").isChecked()).toBe(true);
    expect(await field("Straßen und Wege").isChecked()).toBe(false);
    expect(await page.getByLabel("Ortsteil").inputValue()).toBe("kransberg");
    expect(await consent().isChecked()).toBe(true);
    expect(await page.locator("script").count()).toBe(0);
    expect(await page.locator("img[src=x]").count()).toBe(0);

    // Inline errors are tied to their inputs and say "Fehler:" to screen readers.
    const email = field("E-Mail-Adresse");
    expect(await email.getAttribute("aria-invalid")).toBe("true");
    expect(await email.getAttribute("aria-describedby")).toBe("field-email-hint field-email-error");
    expect((await page.locator("#field-email-error").textContent())?.trim()).toBe(
      `${t.errorPrefix} ${messages.email}`,
    );
    expect(await date("year").getAttribute("aria-invalid")).toBe("true");
    await auditor.check(page);
    watch.expectNoProblems();

    // Corrected, the form is accepted: 303 to the thanks page (PRG), where the name is shown as plain text.
    await field("E-Mail-Adresse").fill("erika@example.de");
    await field("Passwort").fill("ein-langes-passwort");
    await field("Ihr Anliegen").fill("Die Laterne vor Haus 3 ist defekt.");
    await date("day").fill("28");
    await submit(page);

    expect(new URL(page.url()).pathname).toBe(thanksPath);
    expect(watch.lastStatus()).toBe(200);
    expect((await page.locator("#received-name").textContent())?.trim()).toBe(hostile);
    await auditor.check(page);
    watch.expectNoProblems();
    expect(dialogs).toEqual([]);
  } finally {
    await context.close();
    await auditor.close();
  }
}

describe("form kit in the browser", () => {
  for (const lang of ["de", "en"] as const) {
    for (const javaScript of [true, false]) {
      it(`${lang}, JavaScript ${javaScript ? "on" : "off"}: every component, errors, kept answers, summary links, PRG`, async () => {
        await journey(lang, javaScript);
      }, 180_000);
    }
  }

  it("refuses a POST without a valid CSRF token with 403 and accepts the page's own token", async () => {
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    try {
      await page.goto(app.url + formPath);
      const token = await page.locator('input[name="_csrf"]').getAttribute("value");
      expect(token).toBeTruthy();
      const post = (form: Record<string, string>) =>
        page.request.post(app.url + formPath, { form, maxRedirects: 0 });

      const missing = await post({ name: "Erika" });
      expect(missing.status()).toBe(403);
      expect(missing.headers()["content-type"]).toContain("text/html");
      expect(await missing.text()).toContain("Formular abgelaufen");
      expect((await post({ name: "Erika", _csrf: "forged" })).status()).toBe(403);
      // Another browser, without this one's secret cookie, cannot use the token either.
      const stranger = await fetch(app.url + formPath, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ name: "Erika", _csrf: token ?? "" }),
      });
      expect(stranger.status).toBe(403);

      expect((await post({ name: "Erika", _csrf: token ?? "" })).status()).toBe(422);
    } finally {
      await context.close();
    }
  }, 60_000);
});
