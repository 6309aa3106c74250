import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maxAttachmentBytes, queueAttachment, unqueueAttachment } from "./mail-attachments.ts";
import { checkMailMessage, InvalidMailMessage, type MailMessage } from "./mail-message.ts";

const pdf = Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const base: MailMessage = {
  to: "anna@example.org",
  subject: "Ihr Bescheid",
  text: "Im Anhang finden Sie Ihren Bescheid.",
  html: "<p>Im Anhang finden Sie Ihren Bescheid.</p>",
  lang: "de",
};

function withAttachment(fields: Record<string, unknown>): MailMessage {
  const attachment = { filename: "Bescheid.pdf", contentType: "application/pdf", content: pdf, ...fields };
  return { ...base, attachments: [attachment as never] };
}

describe("checkMailMessage with attachments", () => {
  it("keeps good attachments, only their known fields and the media type in lower case", () => {
    const checked = checkMailMessage({
      ...base,
      attachments: [
        { filename: "Bescheid Müller (2026).pdf", contentType: "Application/PDF", content: pdf },
        { filename: ".hidden name", contentType: "text/plain", content: new Uint8Array([104, 105]) },
        { filename: "ä".repeat(255), contentType: "application/vnd.oasis.opendocument.text", content: pdf },
      ],
    });
    expect(checked.attachments?.map((a) => [a.filename, a.contentType])).toEqual([
      ["Bescheid Müller (2026).pdf", "application/pdf"],
      [".hidden name", "text/plain"],
      ["ä".repeat(255), "application/vnd.oasis.opendocument.text"],
    ]);
    const [first] = checked.attachments ?? [];
    expect(first && Object.keys(first)).toEqual(["filename", "contentType", "content"]);
    expect(first?.content).toBe(pdf);
  });

  it("leaves out an empty list and passes a message without attachments as before", () => {
    expect(checkMailMessage({ ...base, attachments: [] })).toEqual(base);
    expect(checkMailMessage(base)).toEqual(base);
  });

  it.each([
    ["no filename", { filename: "" }],
    ["a blank filename", { filename: "   " }],
    ["a filename that is no string", { filename: 42 }],
    ["a filename over 255 characters", { filename: `${"a".repeat(252)}.pdf` }],
    ["a line break", { filename: "a.pdf\r\nContent-Type: text/html" }],
    ["a tab", { filename: "a\tb.pdf" }],
    ["a NUL character", { filename: "a\u0000.pdf" }],
    ["a Unicode line separator", { filename: "a\u2028b.pdf" }],
    ["a lone surrogate", { filename: "a\ud800.pdf" }],
    ["a folder", { filename: "../etc/passwd" }],
    ["a Windows folder", { filename: "C:\\temp\\a.pdf" }],
    ["the name ..", { filename: ".." }],
    ["no media type", { contentType: "" }],
    ["a media type without subtype", { contentType: "pdf" }],
    ["a media type with parameters", { contentType: "text/plain; charset=utf-8" }],
    ["a media type with a line break", { contentType: "text/plain\r\nX: y" }],
    ["content as a string", { content: "%PDF-1.7" }],
    ["content as base64 text", { content: pdf.toString("base64") }],
    ["empty content", { content: new Uint8Array(0) }],
  ])("refuses an attachment with %s", (_name, fields) => {
    expect(() => checkMailMessage(withAttachment(fields))).toThrow(InvalidMailMessage);
  });

  it("refuses attachments that are no list, more than 20, or together over 10 MB", () => {
    const one = { filename: "a.pdf", contentType: "application/pdf", content: pdf };
    const bad: unknown[] = [
      one,
      "a.pdf",
      [null],
      Array.from({ length: 21 }, () => one),
      [
        { ...one, content: new Uint8Array(maxAttachmentBytes / 2) },
        { ...one, content: new Uint8Array(maxAttachmentBytes / 2 + 1) },
      ],
    ];
    for (const attachments of bad)
      expect(() => checkMailMessage({ ...base, attachments } as MailMessage)).toThrow(/attachment/);
    const exactly = [{ ...one, content: new Uint8Array(maxAttachmentBytes) }];
    expect(checkMailMessage({ ...base, attachments: exactly }).attachments).toHaveLength(1);
  });

  it("accepts a filename exactly when it is one line, no path and 1 to 255 characters (any text)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (filename) => {
        const good =
          filename.trim() !== "" &&
          filename.length <= 255 &&
          !/[\p{Cc}\p{Cs}\u2028\u2029/\\]/u.test(filename) &&
          filename !== "." &&
          filename !== "..";
        let accepted = true;
        try {
          checkMailMessage(withAttachment({ filename }));
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidMailMessage);
          accepted = false;
        }
        expect(accepted).toBe(good);
      }),
    );
  });

  it("carries the bytes through the job's JSON unchanged", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 2000 }), (bytes) => {
        const attachment = { filename: "x.bin", contentType: "application/octet-stream", content: bytes };
        const json = JSON.parse(JSON.stringify(queueAttachment(attachment)));
        expect(new Uint8Array(unqueueAttachment(json).content)).toEqual(bytes);
      }),
    );
  });
});
