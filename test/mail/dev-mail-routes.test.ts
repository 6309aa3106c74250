import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "#core/db/transaction.ts";
import { type MailMessage, renderMail } from "#core/mail/index.ts";
import { waitForMail } from "../mailbox.ts";
import { startTestApp, type TestApp } from "../server.ts";

function message(subject: string, to = "anna.schmidt@example.org"): MailMessage {
  return {
    to,
    subject,
    lang: "de",
    ...renderMail({
      lang: "de",
      municipality: { officialName: "Stadt Usingen", addressLines: ["Wilhelmjstraße 1", "61250 Usingen"] },
      heading: subject,
      paragraphs: ["Grüße aus dem Rathaus <b>nicht fett</b>."],
      action: { label: "Weiter", url: "http://127.0.0.1/usingen?x=1&y=2" },
    }),
  };
}

async function get(t: TestApp, path: string) {
  const response = await fetch(t.url + path);
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** Ids of the mails in the list, in the order shown. */
function listedIds(html: string): string[] {
  return [...html.matchAll(/href="\/_dev\/mail\/([0-9a-f-]{36})"/g)].map((m) => m[1] ?? "");
}

describe("dev mailbox at /_dev/mail", () => {
  let t: TestApp;
  let first: string;
  let second: string;

  beforeAll(async () => {
    t = await startTestApp("pglite");
    const { mail, jobs } = t.services;
    await expect(
      inTransaction(t.database.db, async (tx) => {
        await mail.enqueueMail(tx, message("Nie gespeichert"));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    // The app's own worker delivers them (the test helps with runDue, whoever is first).
    const storedCount = async (count: number) => {
      for (let tries = 0; tries < 100; tries++) {
        await jobs.runDue();
        const rows = await t.database.db.selectFrom("dev_mailbox").select("id").execute();
        if (rows.length >= count) return;
        await sleep(50);
      }
      throw new Error(`${count} mails were not stored`);
    };
    await mail.enqueueMail(t.database.db, message("Erste Nachricht"));
    await storedCount(1);
    await mail.enqueueMail(t.database.db, message("Zweite Nachricht <i>kursiv</i>", "bernd@example.org"));
    await storedCount(2);
    const rows = await t.database.db
      .selectFrom("dev_mailbox")
      .select(["id", "subject"])
      .orderBy("id")
      .execute();
    expect(rows.map((r) => r.subject)).toEqual(["Erste Nachricht", "Zweite Nachricht <i>kursiv</i>"]);
    [first, second] = rows.map((r) => r.id) as [string, string];
    // A fixed time in winter: 14:05 UTC is 15:05 in Berlin.
    await sql`update dev_mailbox set created_at = '2026-01-15T14:05:00Z' where id = ${first}`.execute(
      t.database.db,
    );
  });
  afterAll(() => t?.close());

  it("lists the stored mails, newest first, with Berlin time, recipient and subject", async () => {
    const { status, headers, body } = await get(t, "/_dev/mail");
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect(headers.get("cache-control")).toBe("no-store");
    expect(body).toContain('<h1 class="kern-heading-large">Postausgang (Entwicklung)</h1>');
    expect(listedIds(body)).toEqual([second, first]);
    expect(body).toContain('<time datetime="2026-01-15T14:05:00.000Z">15.01.2026 15:05</time>');
    expect(body).toContain("anna.schmidt@example.org");
    expect(body).toContain("Zweite Nachricht &lt;i>kursiv&lt;/i>");
    expect(body).not.toContain("Nie gespeichert");
  });

  it("shows one mail: headers, the text with clickable links, the HTML sandboxed", async () => {
    const { status, headers, body } = await get(t, `/_dev/mail/${first}`);
    expect(status).toBe(200);
    expect(headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect(body).toContain(">Erste Nachricht</h1>");
    expect(body).toContain("Digitales Rathaus &lt;noreply@localhost>");
    expect(body).toContain("anna.schmidt@example.org");
    expect(body).toContain("15.01.2026 15:05");
    expect(body).toMatch(/&lt;[0-9a-f-]{36}@localhost>/);
    expect(body).toContain("Grüße aus dem Rathaus &lt;b>nicht fett&lt;/b>.");
    expect(body).toContain('<a class="kern-link" href="http://127.0.0.1/usingen?x=1&y=2">');
    expect(body).toContain(`<a class="kern-link" href="/_dev/mail/${first}/html">`);
  });

  it("serves the mail's HTML as it was sent, under a sandboxing CSP", async () => {
    const { status, headers, body } = await get(t, `/_dev/mail/${first}/html`);
    expect(status).toBe(200);
    const csp = headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/^sandbox /);
    expect(csp).not.toContain("allow-scripts");
    expect(csp).not.toContain("allow-same-origin");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    const stored = await t.database.db
      .selectFrom("dev_mailbox")
      .select("html_body")
      .where("id", "=", first)
      .executeTakeFirstOrThrow();
    expect(body).toBe(stored.html_body);
    expect(body).toContain("Grüße aus dem Rathaus &lt;b>nicht fett&lt;/b>.");
  });

  it("shows the pages in English when asked", async () => {
    const list = await get(t, "/_dev/mail?lang=en");
    expect(list.body).toContain(">Outbox (development)</h1>");
    const detail = await get(t, `/_dev/mail/${first}?lang=en`);
    expect(detail.body).toContain(">Plain text</h2>");
    expect(detail.body).toContain('<h1 class="kern-heading-large" lang="de">Erste Nachricht</h1>');
  });

  it("answers unknown and malformed ids with 404, never 500", async () => {
    const ids = [
      "0190a0b0-0000-7000-8000-000000000000",
      "garbage",
      "1",
      "' or 1=1 --",
      "%00",
      "%E2%82%AC",
      `${first}x`,
      first.toUpperCase().replace(/./, "g"),
      "x".repeat(180),
    ];
    for (const id of ids) {
      for (const suffix of ["", "/html"]) {
        const path = `/_dev/mail/${id.startsWith("%") ? id : encodeURIComponent(id)}${suffix}`;
        const { status, body } = await get(t, path);
        expect(status, path).toBe(404);
        expect(body, path).toContain("Seite nicht gefunden");
      }
    }
    const upper = await get(t, `/_dev/mail/${first.toUpperCase()}`);
    expect(upper.status).toBe(200);
  });

  it("shows a mail's attachments as links and serves each as a download with its type and name", async () => {
    const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n%"), Buffer.from([0, 0xe2, 0xe3, 0xcf, 0xd3, 0xff])]);
    const note = Buffer.from("<script>alert(1)</script>");
    await t.services.mail.enqueueMail(t.database.db, {
      ...message("Ihr Bescheid", "carla@example.org"),
      attachments: [
        { filename: 'Bescheid "Müller" <b>.pdf', contentType: "application/pdf", content: pdf },
        { filename: "notiz.html", contentType: "text/html", content: note },
      ],
    });
    const { id } = await waitForMail(t.database.db, "carla@example.org", "Ihr Bescheid");

    const detail = await get(t, `/_dev/mail/${id}`);
    expect(detail.body).toContain('<h2 class="kern-heading-medium">Anhänge</h2>');
    expect(detail.body).toContain(
      `<a class="kern-link" href="/_dev/mail/${id}/anhang/1">Bescheid &#34;Müller&#34; &lt;b>.pdf</a> <span>(PDF, 1 KB)</span>`,
    );
    expect(detail.body).toContain(
      `href="/_dev/mail/${id}/anhang/2">notiz.html</a> <span>(HTML, 1 KB)</span>`,
    );
    expect((await get(t, `/_dev/mail/${first}`)).body).not.toContain("Anhänge");

    const response = await fetch(`${t.url}/_dev/mail/${id}/anhang/1`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(
      "attachment; filename=\"Bescheid _M_ller_ <b>.pdf\"; filename*=UTF-8''Bescheid%20%22M%C3%BCller%22%20%3Cb%3E.pdf",
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);

    const html = await fetch(`${t.url}/_dev/mail/${id}/anhang/2`);
    expect(html.headers.get("content-type")).toMatch(/^text\/html/);
    expect(html.headers.get("content-disposition")).toMatch(/^attachment; /);
    expect(html.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'");
    expect(Buffer.from(await html.arrayBuffer()).equals(note)).toBe(true);

    for (const path of [
      `${id}/anhang/3`,
      `${id}/anhang/0`,
      `${id}/anhang/01`,
      `${id}/anhang/-1`,
      `${id}/anhang/1.0`,
      `${id}/anhang/x`,
      `${id}/anhang/99999999999999999999`,
      `${first}/anhang/1`,
      "0190a0b0-0000-7000-8000-000000000000/anhang/1",
      "garbage/anhang/1",
    ]) {
      const { status, body } = await get(t, `/_dev/mail/${path}`);
      expect(status, path).toBe(404);
      expect(body, path).toContain("Seite nicht gefunden");
    }
  });
});

describe("dev mailbox in production", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("pglite", {
      seed: false,
      env: {
        NODE_ENV: "production",
        DATABASE_URL: "postgres://unused.invalid/x",
        SESSION_SECRET: "p".repeat(40),
        SMTP_URL: "smtp://127.0.0.1:9",
      },
    });
  });
  afterAll(() => t?.close());

  it("does not exist", async () => {
    for (const path of [
      "/_dev/mail",
      "/_dev/mail/0190a0b0-0000-7000-8000-000000000000",
      "/_dev/mail/x/html",
      "/_dev/mail/0190a0b0-0000-7000-8000-000000000000/anhang/1",
    ]) {
      const { status } = await get(t, path);
      expect(status, path).toBe(404);
    }
    expect(t.services.mail.transport).toBe("smtp");
  });
});
