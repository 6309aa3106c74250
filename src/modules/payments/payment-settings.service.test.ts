import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatReference } from "#core/references/index.ts";
import { defaultPaymentSettings, kassenzeichenPatternProblem } from "./payment-settings.service.ts";

/** The check of `payments.kassenzeichen` in migration 0014. */
const tableCheck = /^[A-Za-z0-9/._-]{3,40}$/;

describe("Kassenzeichen patterns", () => {
  it("accepts the default and names what is wrong with others", () => {
    expect(kassenzeichenPatternProblem(defaultPaymentSettings.kassenzeichenPattern)).toBeUndefined();
    expect(kassenzeichenPatternProblem("{year}{number}")).toBeUndefined();
    expect(kassenzeichenPatternProblem("")).toBe("missing");
    expect(kassenzeichenPatternProblem(`${"A".repeat(47)}{year}{number}`)).toBe("too_long");
    expect(kassenzeichenPatternProblem("{Prefix}-{year}-{number}")).toBe("placeholder_unknown");
    expect(kassenzeichenPatternProblem("{year}-{number}-{year}")).toBe("placeholder_repeated");
    expect(kassenzeichenPatternProblem("{prefix}-{year}")).toBe("number_missing");
    expect(kassenzeichenPatternProblem("{prefix}-{number}")).toBe("year_missing");
    expect(kassenzeichenPatternProblem("{year} {number}")).toBe("characters");
    expect(kassenzeichenPatternProblem("{year}-{number}}")).toBe("characters");
    expect(kassenzeichenPatternProblem(`${"A".repeat(30)}{year}{number}`)).toBe("result_too_long");
  });

  it("lets through only patterns whose Kassenzeichen the payments table accepts", () => {
    // Mostly what is allowed, now and then something that is not; {year} and {number} go in somewhere.
    const piece = fc.oneof(
      { arbitrary: fc.constantFrom("-", "/", ".", "_", "K", "KASSE", "Z9", "{prefix}"), weight: 12 },
      { arbitrary: fc.constantFrom(" ", "{", "}", "ä", "{x}", "{year}", "{number}", "{prefix}"), weight: 1 },
    );
    const pattern = fc
      .tuple(fc.array(piece, { maxLength: 10 }), fc.nat(), fc.nat())
      .map(([pieces, year, number]) => {
        pieces.splice(year % (pieces.length + 1), 0, "{year}");
        pieces.splice(number % (pieces.length + 1), 0, "{number}");
        return pieces.join("");
      });
    const prefix = fc.stringMatching(/^[A-Z]{2,6}$/);
    fc.assert(
      fc.property(pattern, prefix, fc.integer({ min: 1, max: 9_999_999 }), (text, code, number) => {
        if (kassenzeichenPatternProblem(text) !== undefined) return;
        expect(formatReference(code, 2026, number, text)).toMatch(tableCheck);
      }),
      { numRuns: 2000 },
    );
  });
});
