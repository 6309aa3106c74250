import { describe, expect, it } from "vitest";
import { berlinDate, berlinDateTime } from "./berlin.ts";

describe("Berlin dates", () => {
  it("writes dd.mm.yyyy HH:mm in Berlin time, summer and winter", () => {
    expect(berlinDateTime(new Date("2026-11-27T13:05:00Z"))).toBe("27.11.2026 14:05");
    expect(berlinDateTime(new Date("2026-07-01T22:30:00Z"))).toBe("02.07.2026 00:30");
    expect(berlinDate(new Date("2026-12-31T23:30:00Z"))).toBe("01.01.2027");
  });
});
