import { describe, expect, it } from "vitest";
import { meetsTrustLevel, trustLevelName, trustLevelOf } from "./trust-level.ts";

describe("trustLevelOf", () => {
  it.each([
    ["STORK-QAA-Level-1", "basisregistrierung"],
    ["STORK-QAA-Level-2", "basisregistrierung"],
    ["STORK-QAA-Level-3", "substantiell"],
    ["STORK-QAA-Level-4", "hoch"],
    ["http://eidas.europa.eu/LoA/low", "basisregistrierung"],
    ["http://eidas.europa.eu/LoA/substantial", "substantiell"],
    ["http://eidas.europa.eu/LoA/high", "hoch"],
  ])("maps %s to %s", (acr, level) => {
    expect(trustLevelOf(acr)).toBe(level);
  });

  it.each([undefined, null, "", "urn:unknown", "stork-qaa-level-4", "toString", "__proto__", 4, ["hoch"]])(
    "counts %j as the lowest level",
    (acr) => {
      expect(trustLevelOf(acr)).toBe("basisregistrierung");
    },
  );
});

describe("meetsTrustLevel", () => {
  it("accepts the required level and higher ones only, and names them", () => {
    expect(meetsTrustLevel("hoch", "substantiell")).toBe(true);
    expect(meetsTrustLevel("substantiell", "substantiell")).toBe(true);
    expect(meetsTrustLevel("basisregistrierung", "substantiell")).toBe(false);
    expect(meetsTrustLevel("substantiell", "hoch")).toBe(false);
    expect([trustLevelName("substantiell", "de"), trustLevelName("hoch", "en")]).toEqual([
      "substantiell",
      "high",
    ]);
  });
});
