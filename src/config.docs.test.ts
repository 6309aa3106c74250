import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configDocs } from "./config.ts";

describe("README configuration table", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const rows = new Map(
    [...readme.matchAll(/^\|\s*`([A-Z_]+)`\s*\|\s*(.+?)\s*\|\s*$/gm)].map((m) => [m[1], m[2]?.trim()]),
  );

  it("documents exactly the variables config.ts reads, with the same words", () => {
    expect([...rows.keys()].sort()).toEqual(Object.keys(configDocs).sort());
    for (const [name, doc] of Object.entries(configDocs)) expect(rows.get(name), name).toBe(doc);
  });

  it("has an entry for every variable the code reads", () => {
    const source = readFileSync(new URL("./config.ts", import.meta.url), "utf8");
    const read = new Set([...source.matchAll(/env\.([A-Z_]+)|env, "([A-Z_]+)"/g)].map((m) => m[1] ?? m[2]));
    expect([...read].sort()).toEqual(Object.keys(configDocs).sort());
  });
});
