import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#core/db/connect.ts";
import { uuidv7 } from "#core/db/ids.ts";
import { createFileStore, type FileStore } from "#core/files/file-store.ts";
import { createJobQueue } from "#core/jobs/index.ts";
import { createMailer, type Mailer, mailQueue } from "#core/mail/index.ts";
import { freshDatabase } from "#test/db.ts";
import { insertTenantRow } from "#test/tenant-rows.ts";
import { issueDocument } from "./issue-document.ts";

describe("issueDocument", () => {
  let database: DatabaseHandle;
  let root: string;
  let files: FileStore;
  let mailer: Mailer;
  let tenantId: string;

  beforeAll(async () => {
    database = await freshDatabase("pglite");
    root = await mkdtemp(join(tmpdir(), "rathaus-issue-"));
    files = createFileStore(database.db, { root });
    mailer = createMailer(
      { smtpUrl: undefined, mailFrom: "noreply@example.org" },
      database.db,
      createJobQueue(database.db),
    );
    tenantId = await insertTenantRow(database.db, "t0");
  });
  afterAll(async () => {
    await database?.close();
    await rm(root, { recursive: true, force: true });
  });

  const queuedMails = () =>
    database.db.selectFrom("jobs").select("payload").where("queue", "=", mailQueue).execute();

  it("keeps one copy with its owner and mails the PDF; a retry only mails", async () => {
    const owner = { kind: "payment", id: uuidv7() };
    const kept: string[] = [];
    const doc = {
      tenantId,
      pdf: Buffer.from("%PDF-1.7 Beleg"),
      filename: "Beleg-1.pdf",
      owner,
      documentType: "Beleg",
      keep: async (fileId: string) => {
        kept.push(fileId);
      },
      mail: {
        to: "erika@example.de",
        content: { lang: "de" as const, heading: "Ihr Beleg", paragraphs: ["Im Anhang."] },
      },
    };
    await issueDocument({ db: database.db, files, mailer }, { ...doc, keptFileId: null });
    expect(kept).toHaveLength(1);
    const stored = await files.open(tenantId, kept[0] ?? "", owner);
    if (!stored) throw new Error("the copy was not kept");
    expect(stored.file).toMatchObject({
      originalName: "Beleg-1.pdf",
      mediaType: "application/pdf",
      documentType: "Beleg",
    });
    expect(await text(stored.stream)).toBe("%PDF-1.7 Beleg");

    await issueDocument({ db: database.db, files, mailer }, { ...doc, keptFileId: kept[0] });
    expect(kept).toHaveLength(1);
    expect(await files.list(tenantId, owner)).toHaveLength(1);
    const mails = (await queuedMails()).map((job) => job.payload as Record<string, unknown>);
    expect(mails).toHaveLength(2);
    expect(mails[1]).toMatchObject({
      to: "erika@example.de",
      subject: "Ihr Beleg",
      lang: "de",
      tenantId,
      attachments: [
        { filename: "Beleg-1.pdf", contentType: "application/pdf", base64: doc.pdf.toString("base64") },
      ],
    });
  });

  it("only keeps the copy when there is no address to mail it to", async () => {
    const before = (await queuedMails()).length;
    let keptId = "";
    await issueDocument(
      { db: database.db, files, mailer },
      {
        tenantId,
        pdf: Buffer.from("%PDF-1.7"),
        filename: "Beleg-2.pdf",
        owner: { kind: "payment", id: uuidv7() },
        documentType: "Beleg",
        keep: async (fileId) => {
          keptId = fileId;
        },
      },
    );
    expect(keptId).not.toBe("");
    expect((await queuedMails()).length).toBe(before);
  });
});
