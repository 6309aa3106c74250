import { describe, expect, it } from "vitest";
import { accessibleOnWhite, contrastWithWhite, luminance } from "./colour.ts";

const hexPattern = /^#[0-9a-f]{6}$/;

describe("luminance and contrast", () => {
  it("matches the WCAG reference points", () => {
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#ffffff")).toBeCloseTo(1, 10);
    expect(contrastWithWhite("#000000")).toBeCloseTo(21, 5);
    expect(contrastWithWhite("#ffffff")).toBeCloseTo(1, 5);
    // #767676 is the well-known lightest grey that passes 4.5:1 on white.
    expect(contrastWithWhite("#767676")).toBeGreaterThanOrEqual(4.5);
    expect(contrastWithWhite("#777777")).toBeLessThan(4.5);
  });
});

describe("accessibleOnWhite", () => {
  it("keeps colours that already reach 4.5:1 (lower-cased)", () => {
    for (const colour of ["#000000", "#1f4e8c", "#2f6b2f", "#0b5394", "#767676"]) {
      expect(accessibleOnWhite(colour)).toBe(colour);
    }
    expect(accessibleOnWhite("#1F4E8C")).toBe("#1f4e8c");
  });

  it("darkens light colours until they reach 4.5:1", () => {
    for (const colour of ["#ffffff", "#ffff00", "#f2c200", "#00ff00", "#87ceeb", "#777777", "#ff0000"]) {
      const result = accessibleOnWhite(colour);
      expect(result).toMatch(hexPattern);
      expect(result).not.toBe(colour);
      expect(contrastWithWhite(result)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("keeps the hue when darkening (channels shrink in proportion)", () => {
    const result = accessibleOnWhite("#ff0000");
    expect(result.slice(3)).toBe("0000");
    expect(Number.parseInt(result.slice(1, 3), 16)).toBeLessThan(255);
  });

  it("honours a stricter ratio", () => {
    const aaa = accessibleOnWhite("#1f78d1", 7);
    expect(contrastWithWhite(aaa)).toBeGreaterThanOrEqual(7);
    expect(contrastWithWhite(accessibleOnWhite("#1f78d1"))).toBeLessThan(7);
  });

  it("reaches 4.5:1 for every grey level", () => {
    for (let level = 0; level < 256; level += 5) {
      const hex = `#${level.toString(16).padStart(2, "0").repeat(3)}`;
      expect(contrastWithWhite(accessibleOnWhite(hex))).toBeGreaterThanOrEqual(4.5);
    }
  });
});
