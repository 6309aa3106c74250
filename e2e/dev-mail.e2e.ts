import { readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMail } from "#core/mail/index.ts";
import { launchBrowser, newContext } from "#test/browser.ts";
import { startTestApp, type TestApp } from "#test/server.ts";
import { accessibilityAuditor, watchPage } from "./support/page-checks.ts";

/**
 * A developer reads the mails the app would have sent: the outbox list, one mail with its headers, its text
 * with clickable links and its HTML version (sandboxed), in German and English, with and without JavaScript.
 */

const texts = {
  de: {
    locale: "de-DE",
    outbox: "Postausgang (Entwicklung)",
    back: "Zurück zum Postausgang",
    open: "HTML-Fassung öffnen (ohne Skripte, abgeschottet)",
  },
  en: {
    locale: "en-GB",
    outbox: "Outbox (development)",
    back: "Back to the outbox",
    open: "Open the HTML version (sandboxed, no scripts)",
  },
} as const;

const subject = "Bitte bestätigen Sie Ihre E-Mail-Adresse";
const heading = "Willkommen im Digitalen Rathaus Usingen";
const withAttachment = { subject: "Ihr Bescheid", filename: "Bescheid Müller.pdf" };
const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n%"), Buffer.from([0, 0xe2, 0xe3, 0xcf, 0xd3, 0xff])]);

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp("pglite"), launchBrowser()]);
  const content = renderMail({
    lang: "de",
    municipality: { officialName: "Stadt Usingen", addressLines: ["Wilhelmjstraße 1", "61250 Usingen"] },
    heading,
    paragraphs: ["Grüß Gott! Bitte bestätigen Sie Ihre Adresse, damit Sie Anträge stellen können."],
    action: { label: "Adresse bestätigen", url: `${app.url}/usingen` },
  });
  await app.services.mail.enqueueMail(app.database.db, {
    to: "jörg@example.org",
    subject,
    lang: "de",
    ...content,
  });
  await app.services.mail.enqueueMail(app.database.db, {
    to: "jörg@example.org",
    subject: withAttachment.subject,
    lang: "de",
    ...content,
    attachments: [{ filename: withAttachment.filename, contentType: "application/pdf", content: pdf }],
  });
  for (let tries = 0; (await app.services.mail.devMailbox.list()).length < 2; tries++) {
    if (tries > 100) throw new Error("the mail was not stored");
    await app.services.jobs.runDue();
    await sleep(50);
  }
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function journey(lang: "de" | "en", javaScript: boolean): Promise<void> {
  const t = texts[lang];
  const context = await newContext(browser, { javaScript, locale: t.locale });
  const auditor = await accessibilityAuditor(browser, { javaScript, locale: t.locale });
  const page = await context.newPage();
  const watch = watchPage(page);

  async function checkPage(h1: string): Promise<void> {
    expect(watch.lastStatus(), page.url()).toBe(200);
    expect(await page.locator("html").getAttribute("lang")).toBe(lang);
    expect((await page.locator("h1").first().textContent())?.trim()).toBe(h1);
    await auditor.check(page);
    watch.expectNoProblems();
  }

  async function openMail(query = ""): Promise<void> {
    await page.goto(`${app.url}/_dev/mail${query}`);
    await checkPage(t.outbox);
    const row = page.getByRole("row").filter({ hasText: subject });
    expect(await row.getByRole("cell").first().textContent()).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d$/);
    expect(await row.getByRole("cell").nth(1).textContent()).toBe("jörg@example.org");
    await row.getByRole("link", { name: subject }).click();
    await page.waitForURL(/\/_dev\/mail\/[0-9a-f-]{36}$/);
    await checkPage(subject);
  }

  try {
    await openMail(`?lang=${lang}`); // the choice is kept in a cookie from here on
    // The link in the text version is a link.
    await page
      .getByRole("main")
      .getByRole("link", { name: `${app.url}/usingen` })
      .click();
    await page.waitForURL(`${app.url}/usingen`);
    await page.waitForLoadState("networkidle"); // the favicon and coat of arms, before leaving
    expect((await page.locator("h1").textContent())?.trim()).toBe(
      lang === "de" ? "Digitales Rathaus Usingen" : "Digital Town Hall Usingen",
    );

    // The HTML version, sandboxed: it shows the mail, and its button leads into the app.
    await openMail();
    await page.getByRole("link", { name: t.open }).click();
    await page.waitForURL(/\/html$/);
    expect(await page.locator("h1").textContent()).toBe(heading);
    await page.getByRole("link", { name: "Adresse bestätigen" }).click();
    await page.waitForURL(`${app.url}/usingen`);
    await page.waitForLoadState("networkidle"); // the favicon and coat of arms, before leaving
    watch.expectNoProblems();

    await openMail();
    await page.getByRole("link", { name: t.back }).click();
    await page.waitForURL(`${app.url}/_dev/mail`);
    await checkPage(t.outbox);
  } finally {
    await context.close();
    await auditor.close();
  }
}

describe("dev mailbox in the browser", () => {
  for (const lang of ["de", "en"] as const) {
    for (const javaScript of [true, false]) {
      it(`${lang}, JavaScript ${javaScript ? "on" : "off"}: outbox, one mail, its links and HTML version`, async () => {
        await journey(lang, javaScript);
      }, 120_000);
    }
  }

  it("the mail's HTML passes axe", async () => {
    const context = await newContext(browser, { locale: "de-DE" });
    // Its sandbox forbids scripts, axe included: audit its DOM in a twin page, as for pages without JavaScript.
    const auditor = await accessibilityAuditor(browser, { javaScript: false, locale: "de-DE" });
    const page: Page = await context.newPage();
    try {
      const mail = (await app.services.mail.devMailbox.list()).find((m) => m.subject === subject);
      await page.goto(`${app.url}/_dev/mail/${mail?.id}/html`);
      await auditor.check(page);
    } finally {
      await context.close();
      await auditor.close();
    }
  }, 60_000);

  for (const javaScript of [true, false]) {
    it(`JavaScript ${javaScript ? "on" : "off"}: a mail's attachment is a link that downloads the file`, async () => {
      const context = await newContext(browser, { javaScript, locale: "de-DE" });
      const auditor = await accessibilityAuditor(browser, { javaScript, locale: "de-DE" });
      const page = await context.newPage();
      const watch = watchPage(page);
      try {
        const mails = await app.services.mail.devMailbox.list();
        const mail = mails.find((m) => m.subject === withAttachment.subject);
        await page.goto(`${app.url}/_dev/mail/${mail?.id}`);
        expect(watch.lastStatus()).toBe(200);
        await auditor.check(page);
        watch.expectNoProblems();
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.getByRole("link", { name: withAttachment.filename }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(withAttachment.filename);
        expect((await readFile(await download.path())).equals(pdf)).toBe(true);
      } finally {
        await context.close();
        await auditor.close();
      }
    }, 60_000);
  }
});
