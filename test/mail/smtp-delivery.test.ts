import type { AddressInfo } from "node:net";
import { sql } from "kysely";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerAddress } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#core/db/connect.ts";
import { inTransaction } from "#core/db/transaction.ts";
import { createJobQueue, type JobQueue } from "#core/jobs/index.ts";
import { createMailer, type Mailer, renderMail } from "#core/mail/index.ts";
import { freshDatabase, testDrivers } from "../db.ts";

interface Received {
  user: unknown;
  from: string;
  to: string[];
  mail: ParsedMail;
}

const user = "rathaus";
const password = "gehëim:pass@wört";

/** A real SMTP server on a free local port: authentication required, 5xx/4xx answers on demand. */
async function startSmtpServer() {
  const received: Received[] = [];
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const refuse = (code: number, text: string) =>
        callback(Object.assign(new Error(text), { responseCode: code }));
      if (address.address.startsWith("gibt-es-nicht@")) return refuse(550, "Mailbox unavailable");
      if (address.address.startsWith("voll@")) return refuse(452, "Mailbox full, try later");
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        const envelope = session.envelope;
        received.push({
          user: session.user,
          from: envelope.mailFrom ? envelope.mailFrom.address : "",
          to: envelope.rcptTo.map((r) => r.address),
          mail: await simpleParser(Buffer.concat(chunks)),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { received, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(testDrivers())("mail over SMTP on %s", (driver) => {
  let database: DatabaseHandle;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let jobs: JobQueue;
  let mailer: Mailer;

  beforeAll(async () => {
    [database, smtp] = await Promise.all([freshDatabase(driver), startSmtpServer()]);
    jobs = createJobQueue(database.db);
    const smtpUrl = `smtp://${user}:${encodeURIComponent(password)}@127.0.0.1:${smtp.port}`;
    mailer = createMailer(
      { smtpUrl, mailFrom: "Stadt Usingen <rathaus@usingen.example>" },
      database.db,
      jobs,
    );
  });
  afterAll(async () => {
    await smtp?.close();
    await database?.close();
  });

  it("sends a committed mail once through the SMTP server, with UTF-8 subject and bodies", async () => {
    const content = renderMail({
      lang: "de",
      municipality: { officialName: "Stadt Usingen", addressLines: ["Wilhelmjstraße 1", "61250 Usingen"] },
      heading: "Bitte bestätigen Sie Ihre E-Mail-Adresse",
      paragraphs: ["Grüß Gott, Frau Müller! Ihr Konto für Straßenreinigung & Müllabfuhr ist fast fertig."],
      action: { label: "E-Mail-Adresse bestätigen", url: "https://rathaus.example/bestaetigen?t=äb&x=1" },
    });
    const message = {
      to: "jörg.müller@example.org",
      subject: "Bestätigung Ihrer Registrierung – Grüße aus Usingen",
      lang: "de" as const,
      ...content,
    };
    await expect(
      inTransaction(database.db, async (tx) => {
        await mailer.enqueueMail(tx, { ...message, subject: "Nie gesendet" });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    const jobId = await inTransaction(database.db, (tx) => mailer.enqueueMail(tx, message));

    expect(mailer.transport).toBe("smtp");
    expect(await jobs.runDue()).toBe(1);
    expect(await jobs.runDue()).toBe(0);
    expect(smtp.received).toHaveLength(1);
    const [got] = smtp.received;
    if (!got) throw new Error("no mail received");

    expect(got.user).toBe(user);
    expect(got.from).toBe("rathaus@usingen.example");
    expect(got.to).toEqual(["jörg.müller@example.org"]);
    const { mail } = got;
    expect(mail.subject).toBe("Bestätigung Ihrer Registrierung – Grüße aus Usingen");
    expect(mail.from?.value).toEqual([{ name: "Stadt Usingen", address: "rathaus@usingen.example" }]);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : []).toEqual([
      { name: "", address: "jörg.müller@example.org" },
    ]);
    expect(mail.messageId).toBe(`<${jobId}@usingen.example>`);
    expect(mail.headers.get("content-language")).toBe("de");
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
    expect(mail.text).toBe(content.text);
    expect(mail.text).toContain("Grüß Gott, Frau Müller!");
    expect(mail.text).toContain("https://rathaus.example/bestaetigen?t=äb&x=1");
    expect(mail.html).toBe(content.html);
    expect(mail.html).toContain("Straßenreinigung &amp; Müllabfuhr");
    expect(mail.html).toContain('href="https://rathaus.example/bestaetigen?t=äb&x=1"');
  });

  it("sends attachments as MIME parts with their names, types and exact bytes", async () => {
    const pdf = Buffer.concat([
      Buffer.from("%PDF-1.7\n%"),
      Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
      Buffer.from("\n%%EOF\n"),
    ]);
    const before = smtp.received.length;
    await mailer.enqueueMail(database.db, {
      to: "anna@example.org",
      subject: "Ihr Bescheid",
      lang: "de",
      ...renderMail({
        lang: "de",
        heading: "Ihr Bescheid",
        paragraphs: ["Im Anhang finden Sie den Bescheid."],
      }),
      attachments: [
        { filename: "Bescheid Müller – Straßenreinigung.pdf", contentType: "application/pdf", content: pdf },
        { filename: "hinweise.txt", contentType: "text/plain", content: Buffer.from("Grüße\n") },
      ],
    });
    expect(await jobs.runDue()).toBe(1);
    const got = smtp.received[before];
    if (!got) throw new Error("no mail received");
    expect(got.mail.text).toContain("Im Anhang finden Sie den Bescheid.");
    const parts = got.mail.attachments.map((a) => [a.filename, a.contentType, a.contentDisposition]);
    expect(parts).toEqual([
      ["Bescheid Müller – Straßenreinigung.pdf", "application/pdf", "attachment"],
      ["hinweise.txt", "text/plain", "attachment"],
    ]);
    expect(got.mail.attachments[0]?.content.equals(pdf)).toBe(true);
    expect(got.mail.attachments[1]?.content.toString("utf8")).toBe("Grüße\n");
  });

  it("gives up at once when the server refuses the address for good (5xx)", async () => {
    const before = smtp.received.length;
    const jobId = await mailer.enqueueMail(database.db, {
      to: "gibt-es-nicht@example.org",
      subject: "Test",
      lang: "en",
      ...renderMail({ lang: "en", heading: "Test", paragraphs: ["Hello"] }),
    });
    expect(await jobs.runDue()).toBe(1);
    const job = await database.db
      .selectFrom("jobs")
      .selectAll()
      .where("id", "=", jobId)
      .executeTakeFirstOrThrow();
    expect(job.dead_at).not.toBeNull();
    expect(job.attempts).toBe(1);
    expect(job.last_error).toContain("Mailbox unavailable");
    expect(smtp.received.length).toBe(before);
  });

  it("retries later when the server answers with a temporary failure (4xx)", async () => {
    const jobId = await mailer.enqueueMail(database.db, {
      to: "voll@example.org",
      subject: "Test",
      lang: "en",
      ...renderMail({ lang: "en", heading: "Test", paragraphs: ["Hello"] }),
    });
    expect(await jobs.runDue()).toBe(1);
    const { rows } = await sql<{ dead: boolean; attempts: number; due_in_s: number; last_error: string }>`
      select dead_at is not null as dead, attempts, last_error,
             extract(epoch from run_at - now())::float8 as due_in_s
      from jobs where id = ${jobId}`.execute(database.db);
    expect(rows[0]).toMatchObject({ dead: false, attempts: 1 });
    expect(rows[0]?.last_error).toContain("Mailbox full");
    expect(rows[0]?.due_in_s).toBeGreaterThan(25);
  });

  it("refuses messages that could inject headers or reach several recipients", async () => {
    const body = renderMail({ lang: "de", heading: "Test", paragraphs: ["Hallo"] });
    const bad = [
      { to: "a@example.org\r\nBcc: b@example.org", subject: "x" },
      { to: "a@example.org, b@example.org", subject: "x" },
      { to: "Anna <a@example.org>", subject: "x" },
      { to: "a@example.org", subject: "Hallo\r\nBcc: b@example.org" },
      { to: "a@example.org", subject: "" },
    ];
    for (const fields of bad)
      await expect(
        mailer.enqueueMail(database.db, { ...fields, lang: "de", ...body }),
        fields.to,
      ).rejects.toThrow("Invalid mail message");
    const count = await database.db
      .selectFrom("jobs")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("queue", "=", "mail")
      .where("payload", "is not", null)
      .where(sql<boolean>`payload->>'subject' = 'x'`)
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(0);
  });
});
