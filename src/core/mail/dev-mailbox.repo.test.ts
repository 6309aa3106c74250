import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#core/db/connect.ts";
import { freshDatabase, testDrivers } from "#test/db.ts";
import { createDevMailbox } from "./dev-mailbox.repo.ts";
import type { OutgoingMail } from "./mail-message.ts";

// Every byte value, so no encoding on the way (JSON, base64, bytea) can go unnoticed.
const pdf = Buffer.concat([
  Buffer.from("%PDF-1.7\n%"),
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  Buffer.from("\n%%EOF\n"),
]);

function mail(messageId: string, attachments?: OutgoingMail["attachments"]): OutgoingMail {
  return {
    from: "Digitales Rathaus <noreply@localhost>",
    messageId,
    to: "anna@example.org",
    subject: "Ihr Bescheid",
    text: "Im Anhang.",
    html: "<p>Im Anhang.</p>",
    lang: "de",
    ...(attachments && { attachments }),
  };
}

describe.each(testDrivers())("dev mailbox attachments on %s", (driver) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await freshDatabase(driver);
  });
  afterAll(() => database?.close());

  it("stores attachments in their order, once per Message-ID, and gives back the same bytes", async () => {
    const mailbox = createDevMailbox(database.db);
    const attachments = [
      { filename: "Bescheid Müller.pdf", contentType: "application/pdf", content: pdf },
      { filename: "notiz.txt", contentType: "text/plain", content: new Uint8Array([104, 105]) },
    ];
    await mailbox.store(mail("<a@localhost>", attachments));
    await mailbox.store(mail("<a@localhost>", attachments)); // a retried job
    await mailbox.store(mail("<b@localhost>"));
    const [plain, withFiles] = await mailbox.list();
    if (!plain || !withFiles) throw new Error("mails not stored");

    expect(await mailbox.attachments(withFiles.id)).toEqual([
      { position: 1, filename: "Bescheid Müller.pdf", content_type: "application/pdf", size: pdf.length },
      { position: 2, filename: "notiz.txt", content_type: "text/plain", size: 2 },
    ]);
    const first = await mailbox.attachment(withFiles.id.toUpperCase(), 1);
    expect(Buffer.from(first?.content ?? []).equals(pdf)).toBe(true);
    expect(await mailbox.attachments(plain.id)).toEqual([]);

    for (const [id, position] of [
      [plain.id, 1],
      [withFiles.id, 3],
      [withFiles.id, 0],
      [withFiles.id, 1.5],
      [withFiles.id, 2 ** 40],
      ["garbage", 1],
    ] as const)
      expect(await mailbox.attachment(id, position), `${id} ${position}`).toBeUndefined();
    expect(await mailbox.attachments("garbage")).toEqual([]);
  });
});
