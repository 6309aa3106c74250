import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attachmentDisposition } from "./content-disposition.ts";

describe("attachmentDisposition", () => {
  it("gives the exact name in UTF-8 and an ASCII stand-in", () => {
    expect(attachmentDisposition("Bescheid.pdf")).toBe(
      "attachment; filename=\"Bescheid.pdf\"; filename*=UTF-8''Bescheid.pdf",
    );
    expect(attachmentDisposition('Bescheid "Müller" (1)*100%.pdf')).toBe(
      "attachment; filename=\"Bescheid _M_ller_ (1)*100_.pdf\"; filename*=UTF-8''Bescheid%20%22M%C3%BCller%22%20%281%29%2A100%25.pdf",
    );
  });

  it("never leaves the header's syntax and decodes back to the name", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 1, maxLength: 80 }), (name) => {
        const header = attachmentDisposition(name);
        expect(header).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%._~!-]*$/);
        const quoted = /filename="([^"]*)"/.exec(header)?.[1] ?? "";
        expect(quoted).not.toMatch(/["\\]/);
        expect(decodeURIComponent(header.split("UTF-8''")[1] ?? "")).toBe(name);
      }),
    );
  });
});
