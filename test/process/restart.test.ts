import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { emptyPgDatabase } from "../db.ts";
import { rawRequest } from "../raw-request.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const running = new Set<ChildProcess>();

/** The environment of a fresh operator shell: nothing from the test run's own configuration leaks in. */
function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  return { ...base, NODE_ENV: "development", LOG_LEVEL: "warn", ...env };
}

function rathaus(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ["bin/rathaus.js", ...args], { cwd: root, env: cleanEnv(env) });
  running.add(child);
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  return { child, exited, output: () => output };
}

async function run(args: string[], env: Record<string, string>) {
  const proc = rathaus(args, env);
  const { code } = await proc.exited;
  return { code, output: proc.output() };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/** Starts the server and resolves once /health answers 200; fails when the process dies first. */
async function startServer(dataDir: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const proc = rathaus(["start"], { PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, ...env });
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  void proc.exited.then(() => {
    exited = true;
  });
  for (;;) {
    if (exited) throw new Error(`server exited before it was healthy:\n${proc.output()}`);
    const healthy = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return { ...proc, url };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function tenantSlugs(url: string): Promise<string[]> {
  const body = (await (await fetch(`${url}/api/v1/tenants`)).json()) as { items: { slug: string }[] };
  return body.items.map((i) => i.slug).sort();
}

/**
 * Each test starts real processes: a first start runs initdb, every migration and the whole demo seed
 * (catalog, forms, staff passwords hashed with argon2), which on a busy 2-core machine takes over a minute.
 */
const processTimeout = 240_000;

afterEach(() => {
  for (const child of running) child.kill("SIGKILL");
});

describe("embedded mode (PGlite on disk) across restarts", { timeout: processTimeout }, () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "rathaus-restart-"));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("keeps the data after kill -9 and after a graceful restart", async () => {
    const first = await startServer(dataDir);
    const home = await fetch(`${first.url}/usingen`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Digitales Rathaus Usingen");
    expect(await tenantSlugs(first.url)).toEqual(["neu-anspach", "usingen"]);
    first.child.kill("SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");

    // Without seeding, so lost data could not be silently recreated by the seed.
    const second = await startServer(dataDir, { SEED_DEMO: "false" });
    const landing = await (await fetch(`${second.url}/`)).text();
    expect(landing).toContain("Stadt Usingen");
    expect(landing).toContain("Stadt Neu-Anspach");
    expect(await tenantSlugs(second.url)).toEqual(["neu-anspach", "usingen"]);

    second.child.kill("SIGTERM");
    const stopped = await second.exited;
    expect(stopped, second.output()).toEqual({ code: 0, signal: null });

    const third = await startServer(dataDir, { SEED_DEMO: "false" });
    expect(await tenantSlugs(third.url)).toEqual(["neu-anspach", "usingen"]);
    expect((await fetch(`${third.url}/neu-anspach/impressum`)).status).toBe(200);
    third.child.kill("SIGTERM");
    expect((await third.exited).code).toBe(0);
  });

  it("refuses a second process on the running server's data dir, and serves a custom hostname from the first request", async () => {
    const hostnames = await run(["set-hostnames", "usingen", "rathaus.usingen.example"], {
      DATA_DIR: dataDir,
    });
    expect(hostnames.code, hostnames.output).toBe(0);

    const server = await startServer(dataDir, { SEED_DEMO: "false" });
    const seedMeanwhile = await run(["seed"], { DATA_DIR: dataDir });
    expect(seedMeanwhile.code).not.toBe(0);
    expect(seedMeanwhile.output).toContain(`in use by process ${server.child.pid}`);

    const { port } = new URL(server.url);
    const first = await rawRequest(server.url, "/", { headers: { host: `rathaus.usingen.example:${port}` } });
    expect(first.status).toBe(200);
    expect(first.body).toContain("Digitales Rathaus Usingen");
    server.child.kill("SIGTERM");
    expect((await server.exited).code).toBe(0);

    const removed = await run(["set-hostnames", "usingen"], { DATA_DIR: dataDir });
    expect(removed.code, removed.output).toBe(0);
  });

  it("starts again with seeding enabled and still has exactly the two municipalities", async () => {
    const fourth = await startServer(dataDir);
    expect(await tenantSlugs(fourth.url)).toEqual(["neu-anspach", "usingen"]);
    fourth.child.kill("SIGTERM");
    expect((await fourth.exited).code).toBe(0);
  });
});

describe("operator CLI", { timeout: processTimeout }, () => {
  it("check-config in production without secrets fails and names both problems", async () => {
    const { code, output } = await run(["check-config"], { NODE_ENV: "production" });
    expect(code).not.toBe(0);
    expect(output).toContain("DATABASE_URL");
    expect(output).toContain("SESSION_SECRET");
    expect(output).not.toContain("Configuration is valid");
  });

  it("check-config accepts a complete production config and hides the secrets", async () => {
    const secret = "x".repeat(40);
    const { code, output } = await run(["check-config"], {
      NODE_ENV: "production",
      DATABASE_URL: "postgres://rathaus:geheim@db.example:5432/rathaus",
      SESSION_SECRET: secret,
      SMTP_URL: "smtp://rathaus:postgeheimnis@mail.example:587",
      EPAY_URL: "https://epay.example.de",
      EPAY_SECRET: "e".repeat(40),
      STRIPE_SECRET_KEY: "sk_live_zahlgeheim",
      STRIPE_WEBHOOK_SECRET: "whsec_hookgeheim",
    });
    expect(code, output).toBe(0);
    expect(output).toContain("Configuration is valid");
    expect(output).not.toContain(secret);
    expect(output).not.toContain("e".repeat(40));
    expect(output).not.toContain("geheim");
    expect(output).toContain("smtp://rathaus:***@mail.example:587");
  });

  it("--help lists the commands", async () => {
    const { code, output } = await run(["--help"], {});
    expect(code).toBe(0);
    for (const command of ["start", "migrate", "seed", "check-config"]) {
      expect(output).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
    }
  });

  it("rejects an unknown command", async () => {
    const { code, output } = await run(["frobnicate"], {});
    expect(code).not.toBe(0);
    expect(output).toContain("frobnicate");
  });

  it.skipIf(inject("pgTemplate") === "")(
    "seeds PostgreSQL idempotently: twice gives two tenants",
    async () => {
      const database = await emptyPgDatabase();
      const dataDir = await mkdtemp(join(tmpdir(), "rathaus-seed-"));
      try {
        const env = { DATABASE_URL: database.url, DATA_DIR: dataDir };
        for (let i = 0; i < 2; i++) {
          const { code, output } = await run(["seed"], env);
          expect(code, output).toBe(0);
          expect(output).toContain("usingen");
        }
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        try {
          const { rows } = await client.query<{ slug: string }>("select slug from tenants order by slug");
          expect(rows.map((r) => r.slug)).toEqual(["neu-anspach", "usingen"]);
          const pages = await client.query<{ n: number }>("select count(*)::int as n from tenant_pages");
          expect(pages.rows[0]?.n).toBeGreaterThan(0);
          const perKey = await client.query(
            "select tenant_id, page_key, lang from tenant_pages group by 1, 2, 3 having count(*) > 1",
          );
          expect(perKey.rowCount).toBe(0);
        } finally {
          await client.end();
        }
      } finally {
        await database.drop();
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  );
});
