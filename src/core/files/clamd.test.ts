import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "#src/config.ts";
import { closedPort, eicar, startFakeClamd } from "#test/fake-clamd.ts";
import { clamdScanner, parseClamdReply } from "./clamd.ts";

describe("clamd client (INSTREAM over TCP)", () => {
  let dir: string;
  let clean: string;
  let infected: string;
  let large: Buffer;
  let largePath: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "rathaus-clamd-"));
    clean = join(dir, "clean.pdf");
    infected = join(dir, "eicar.pdf");
    largePath = join(dir, "large.bin");
    large = randomBytes(300 * 1024 + 17);
    await writeFile(clean, "%PDF-1.7 harmless");
    await writeFile(infected, eicar);
    await writeFile(largePath, large);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("sends the whole file in chunks and reads OK and FOUND", async () => {
    const clamd = await startFakeClamd();
    try {
      const scanner = clamdScanner({ host: clamd.host, port: clamd.port });
      expect(await scanner.scan(clean)).toEqual({ verdict: "clean" });
      expect(await scanner.scan(infected)).toEqual({
        verdict: "infected",
        signature: "Eicar-Test-Signature",
      });
      expect(await scanner.scan(largePath)).toEqual({ verdict: "clean" });
      expect(clamd.received.map((content) => content.length)).toEqual([17, eicar.length, large.length]);
      expect(clamd.received[2]?.equals(large)).toBe(true);
    } finally {
      await clamd.close();
    }
  });

  it("has no verdict when clamd is unreachable, refuses the stream or does not answer", async () => {
    const unreachable = clamdScanner({ host: "127.0.0.1", port: await closedPort() });
    expect(await unreachable.scan(clean)).toMatchObject({ verdict: "unavailable", reason: /ECONNREFUSED/ });

    const limited = await startFakeClamd("size-limit");
    const silent = await startFakeClamd("silent");
    try {
      expect(await clamdScanner({ host: limited.host, port: limited.port }).scan(largePath)).toMatchObject({
        verdict: "unavailable",
      });
      expect(
        await clamdScanner({ host: silent.host, port: silent.port, timeoutMs: 200 }).scan(clean),
      ).toEqual({
        verdict: "unavailable",
        reason: "no answer within 200 ms",
      });
    } finally {
      await limited.close();
      await silent.close();
    }
  });

  it("reads clamd's answers", () => {
    expect(parseClamdReply("stream: OK")).toEqual({ verdict: "clean" });
    expect(parseClamdReply("stream: Win.Test.EICAR_HDB-1 FOUND\0")).toEqual({
      verdict: "infected",
      signature: "Win.Test.EICAR_HDB-1",
    });
    expect(parseClamdReply("INSTREAM size limit exceeded. ERROR")).toEqual({
      verdict: "unavailable",
      reason: "INSTREAM size limit exceeded. ERROR",
    });
    expect(parseClamdReply("")).toEqual({ verdict: "unavailable", reason: "no answer" });
  });
});

describe("clamd configuration", () => {
  const load = (env: Record<string, string>) => loadConfig(env, { persistSecrets: false }).clamd;

  it("scans only when CLAMD_HOST is set, on port 3310 unless CLAMD_PORT says otherwise", () => {
    expect(load({})).toBeUndefined();
    expect(load({ CLAMD_HOST: "clamav.internal" })).toEqual({ host: "clamav.internal", port: 3310 });
    expect(load({ CLAMD_HOST: "10.0.0.5", CLAMD_PORT: "3311" })).toEqual({ host: "10.0.0.5", port: 3311 });
  });

  it("refuses a malformed host or port", () => {
    expect(() => load({ CLAMD_HOST: "clam av" })).toThrow(ConfigError);
    expect(() => load({ CLAMD_HOST: "clamav", CLAMD_PORT: "70000" })).toThrow(/CLAMD_PORT/);
  });
});
