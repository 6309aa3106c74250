import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PdfDocumentModel, renderPdf } from "./pdf-document.ts";

const run = promisify(execFile);
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "rathaus-pdf-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The text of a PDF as pdftotext (poppler-utils) reads it, page by page. */
async function pdfText(pdf: Buffer): Promise<string[]> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, pdf);
  const { stdout } = await run("pdftotext", ["-layout", file, "-"]);
  return stdout.split("\f").filter((page) => page.trim() !== "");
}

const receipt = (rows: number): PdfDocumentModel => ({
  lang: "de",
  letterhead: {
    officialName: "Stadt Usingen",
    addressLines: ["Wilhelmjstraße 1", "61250 Usingen"],
    contactLines: ["Telefon 06081 1024-0", "info@usingen.de"],
    colour: "#005a9c",
  },
  title: "Eingangsbestätigung: Bewohnerparkausweis",
  reference: "USI-2026-000123",
  date: new Date("2026-12-31T23:30:00Z"),
  intro: "Vielen Dank für Ihren Antrag. Wir haben diese Angaben erhalten.",
  sections: [
    {
      heading: "Angaben zur Person",
      rows: [
        { label: "Name", value: "Ayşe Şahin-Łukasiewicz" },
        { label: "Straße", value: "Weilburger Straße 12, Größenweg" },
        { label: "Bemerkung", value: "Ein langer Text, der umbrechen muss. ".repeat(40) },
      ],
    },
    {
      heading: "Fahrzeuge",
      rows: Array.from({ length: rows }, (_, i) => ({
        label: `Kennzeichen ${i + 1}`,
        value: `HG-ÄÖ ${1000 + i}`,
      })),
    },
    { heading: "Gebühr", rows: [{ label: "Betrag", value: "1.234,56 €" }] },
  ],
  attachments: [{ name: "Fahrzeugschein.pdf", detail: "Zulassungsbescheinigung, PDF, 1,2 MB" }],
  closing: "Dieses Schreiben wurde maschinell erstellt und ist ohne Unterschrift gültig.",
});

describe("PDF documents", () => {
  it("contains the letterhead, reference, Berlin date, every row across page breaks and numbered pages", async () => {
    const pages = await pdfText(await renderPdf(receipt(60)));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const all = pages.join("\n");
    expect(pages[0]).toContain("Stadt Usingen");
    expect(pages[0]).toContain("Wilhelmjstraße 1 · 61250 Usingen");
    expect(pages[0]).toMatch(/Aktenzeichen\s+USI-2026-000123/);
    expect(pages[0]).toMatch(/Datum\s+01\.01\.2027/); // 23:30 UTC on New Year's Eve is the 1st in Berlin
    expect(pages[0]).toMatch(/Name\s+Ayşe Şahin-Łukasiewicz/);
    for (let i = 1; i <= 60; i++) expect(all).toMatch(new RegExp(`Kennzeichen ${i}\\s+HG-ÄÖ ${999 + i}\\b`));
    expect(all).toMatch(/Betrag\s+1\.234,56 €/);
    expect(all).toContain("1. Fahrzeugschein.pdf (Zulassungsbescheinigung, PDF, 1,2 MB)");
    expect(all.match(/umbrechen muss\./g)).toHaveLength(40);
    for (const [i, page] of pages.entries()) expect(page).toContain(`Seite ${i + 1} von ${pages.length}`);
  });

  it("gives the same bytes for the same model", async () => {
    const [first, second] = [await renderPdf(receipt(3)), await renderPdf(receipt(3))];
    expect(first.equals(second)).toBe(true);
  });

  it("speaks English, lists no attachments and falls back to black for a malformed colour", async () => {
    const model = receipt(1);
    const pages = await pdfText(
      await renderPdf({
        ...model,
        lang: "en",
        attachments: [],
        letterhead: { ...model.letterhead, colour: "red" },
      }),
    );
    expect(pages[0]).toMatch(/Reference\s+USI-2026-000123/);
    expect(pages.at(-1)).toContain("No attachments");
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
  });
});
