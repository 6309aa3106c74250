import { describe, expect, it } from "vitest";
import { decimalComma, formatCents, parseEuroCents } from "./money.ts";

describe("money", () => {
  it("writes cents as German euros for people and for spreadsheets", () => {
    expect(formatCents(123456)).toBe("1.234,56 €");
    expect(formatCents(5)).toBe("0,05 €");
    expect(decimalComma(123456)).toBe("1234,56");
    expect(decimalComma(-1230)).toBe("-12,30");
    expect(decimalComma(7)).toBe("0,07");
    expect(decimalComma(0)).toBe("0,00");
    expect(decimalComma(-5)).toBe("-0,05");
  });

  it("reads amounts typed in euros", () => {
    const cases: [string, number | undefined][] = [
      ["12", 1200],
      ["12,3", 1230],
      ["12,34", 1234],
      [" 0,05 ", 5],
      ["1.234,56", 123456],
      ["1234,56 €", 123456],
      ["12.345.678,00", undefined],
      ["0", 0],
      ["12,345", undefined],
      ["12.34", undefined],
      ["1.23,45", undefined],
      ["-5", undefined],
      ["1e3", undefined],
      ["", undefined],
      [",50", undefined],
    ];
    for (const [text, cents] of cases) expect(parseEuroCents(text), text).toBe(cents);
  });
});
