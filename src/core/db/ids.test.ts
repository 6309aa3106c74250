import { describe, expect, it } from "vitest";
import { uuidv7 } from "./ids.ts";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function timestampOf(id: string): number {
  return Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16);
}

describe("uuidv7", () => {
  it("has the canonical 8-4-4-4-12 lower-case hex form", () => {
    for (let i = 0; i < 100; i++) expect(uuidv7()).toMatch(uuidPattern);
  });

  it("sets version 7 and the RFC 9562 variant", () => {
    for (let i = 0; i < 100; i++) {
      const hex = uuidv7().replaceAll("-", "");
      expect(hex[12]).toBe("7");
      expect(["8", "9", "a", "b"]).toContain(hex[16]);
    }
  });

  it("carries the given Unix milliseconds in its first 48 bits", () => {
    const now = Date.UTC(2026, 10, 27, 12, 34, 56, 789);
    expect(timestampOf(uuidv7(now))).toBe(now);
    expect(timestampOf(uuidv7(0))).toBe(0);
    expect(timestampOf(uuidv7(2 ** 48 - 1))).toBe(2 ** 48 - 1);
  });

  it("defaults to the current time", () => {
    const before = Date.now();
    const stamp = timestampOf(uuidv7());
    const after = Date.now();
    expect(stamp).toBeGreaterThanOrEqual(before);
    expect(stamp).toBeLessThanOrEqual(after);
  });

  it("sorts by creation time as text", () => {
    const start = Date.UTC(2026, 0, 1);
    const ids = Array.from({ length: 200 }, (_, i) => uuidv7(start + i * 37));
    const shuffled = [...ids].sort(() => Math.random() - 0.5);
    expect(shuffled.sort()).toEqual(ids);
  });

  it("keeps creation order within one millisecond", () => {
    const now = Date.now() + 60_000;
    const ids = Array.from({ length: 2000 }, () => uuidv7(now));
    expect([...ids].sort()).toEqual(ids);
  });

  it("is unique within one millisecond", () => {
    const now = Date.now();
    const ids = new Set(Array.from({ length: 1000 }, () => uuidv7(now)));
    expect(ids.size).toBe(1000);
  });
});
