import { describe, expect, it } from "vitest";
import { isLang, negotiateLang } from "./lang.ts";

describe("isLang", () => {
  it("accepts only the supported languages", () => {
    expect(isLang("de")).toBe(true);
    expect(isLang("en")).toBe(true);
    for (const value of ["fr", "EN", "", "de-DE", undefined, null, 1, ["en"]])
      expect(isLang(value)).toBe(false);
  });
});

describe("negotiateLang", () => {
  it("is German without any hint", () => {
    expect(negotiateLang(undefined, undefined)).toBe("de");
    expect(negotiateLang(undefined, "")).toBe("de");
  });

  it("prefers an explicit choice over the header", () => {
    expect(negotiateLang("en", "de-DE,de;q=0.9")).toBe("en");
    expect(negotiateLang("de", "en-GB,en;q=0.9")).toBe("de");
  });

  it("ignores an unsupported explicit choice", () => {
    expect(negotiateLang("xx", "en")).toBe("en");
    expect(negotiateLang("fr", undefined)).toBe("de");
    expect(negotiateLang(42, undefined)).toBe("de");
  });

  it("follows Accept-Language with region subtags and any case", () => {
    expect(negotiateLang(undefined, "en")).toBe("en");
    expect(negotiateLang(undefined, "en-US")).toBe("en");
    expect(negotiateLang(undefined, "EN-gb")).toBe("en");
    expect(negotiateLang(undefined, "de-AT")).toBe("de");
  });

  it("ranks by q-value, then by order", () => {
    expect(negotiateLang(undefined, "de;q=0.5, en;q=0.8")).toBe("en");
    expect(negotiateLang(undefined, "en;q=0.5, de;q=0.8")).toBe("de");
    expect(negotiateLang(undefined, "en, de")).toBe("en");
    expect(negotiateLang(undefined, "de, en")).toBe("de");
  });

  it("skips unsupported languages and those with q=0", () => {
    expect(negotiateLang(undefined, "fr-FR, fr;q=0.9, en;q=0.8")).toBe("en");
    expect(negotiateLang(undefined, "en;q=0, de;q=0.1")).toBe("de");
    expect(negotiateLang(undefined, "en;q=0")).toBe("de");
    expect(negotiateLang(undefined, "fr, it, es")).toBe("de");
  });

  it("falls back to German for garbage", () => {
    const garbage = [
      "*",
      ";;;",
      ",,,,",
      "en;q=abc",
      "en;q=",
      "q=1",
      "\u0000\u0001",
      "💥;q=1",
      "-en",
      "de;q=NaN,en;q=Infinity",
    ];
    for (const header of garbage) expect(["de", "en"]).toContain(negotiateLang(undefined, header));
    expect(negotiateLang(undefined, "*")).toBe("de");
    expect(negotiateLang(undefined, ";;;")).toBe("de");
    expect(negotiateLang(undefined, "en;q=abc")).toBe("de");
  });

  it("does not parse huge headers and answers German", () => {
    expect(negotiateLang(undefined, `en,${"x,".repeat(5000)}`)).toBe("de");
    expect(negotiateLang(undefined, "en;q=1".padEnd(10_000, " "))).toBe("de");
    expect(negotiateLang("en", "x".repeat(100_000))).toBe("en");
  });
});
