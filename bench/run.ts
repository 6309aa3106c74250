/**
 * `npm run bench`: throughput of the real app against a raw node:http baseline that sends the same bytes.
 *
 * The app runs exactly as in the tests (in-memory PGlite, migrated, demo seeded, logging off) on
 * 127.0.0.1. The baseline is a bare node:http server on 127.0.0.1 that answers each measured path with the
 * response body the app produced for it, captured once before the run (so it does no rendering, routing,
 * tenant lookup, header work or database call). Both are driven by the same bounded closed-loop load
 * generator (bench/load.ts) in a worker thread. Results are printed and written to BENCHMARKS.md.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { buildApp, createServices } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { openDatabase } from "../src/core/db/connect.ts";
import { migrateToLatest } from "../src/core/db/migrate.ts";
import { createCatalogServices } from "../src/modules/catalog/index.ts";
import { seedDemo } from "../src/seed/seed.ts";
import type { LoadOptions, LoadResult } from "./load.ts";

const concurrency = 32;
const warmupMs = 1_000;
const durationMs = 5_000;
const servicePage = "/usingen/leistungen/hundesteuer-anmeldung";
/**
 * What is measured. Catalog pages (the municipality's home, a service page) come from the rendered-HTML cache
 * after the first request; `pageCache: false` measures the same page on a second app over the same database
 * whose cache keeps nothing, so it renders every time.
 */
const targets = [
  { path: "/usingen", pageCache: true },
  { path: servicePage, pageCache: true },
  { path: servicePage, pageCache: false },
  { path: "/", pageCache: true },
  { path: "/health", pageCache: true },
];
const paths = [...new Set(targets.map((t) => t.path))];
const labelOf = (target: (typeof targets)[number]) =>
  target.pageCache ? target.path : `${target.path} (no page cache)`;
/** Each path is measured this many times, alternating baseline and app; the median round is reported. */
const rounds = 3;
const host = "127.0.0.1";
const loadModule = new URL("./load.ts", import.meta.url).href;
/** The whole run must end by itself; this guard ends it should anything hang. */
const overallLimitMs = 5 * 60_000;

interface Captured {
  body: Buffer;
  contentType: string;
}

/** A load result plus how busy the server's event loop (this main thread) was while measured. */
interface Measured extends LoadResult {
  serverBusy: number;
}

interface Row {
  path: string;
  bytes: number;
  /** The median round by req/s, and all rounds for the spread. */
  baseline: Measured;
  app: Measured;
  baselineRounds: Measured[];
  appRounds: Measured[];
}

function median(runs: Measured[]): Measured {
  const sorted = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (!middle) throw new Error("no measurement");
  return middle;
}

function spread(runs: Measured[]): string {
  const rates = runs.map((r) => r.requestsPerSecond);
  return `${fmt(Math.min(...rates))}–${fmt(Math.max(...rates))}`;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => resolve(`http://${host}:${(server.address() as AddressInfo).port}`));
  });
}

async function startApp() {
  const database = await openDatabase({ driver: "pglite" });
  await migrateToLatest(database.db);
  const config = loadConfig(
    { NODE_ENV: "test", PORT: "0", LOG_LEVEL: "silent", DATA_DIR: "/nonexistent" },
    { persistSecrets: false },
  );
  const services = createServices(database, config);
  await seedDemo(services);
  const app = await buildApp(config, database, services);
  const uncachedServices = {
    ...createServices(database, config),
    catalog: createCatalogServices(database.db, { maxCachedPagesPerTenant: 0 }),
  };
  const uncached = await buildApp(config, database, uncachedServices);
  await app.listen({ port: 0, host });
  await uncached.listen({ port: 0, host });
  const urlOf = (server: typeof app) => `http://${host}:${(server.server.address() as AddressInfo).port}`;
  return {
    url: urlOf(app),
    uncachedUrl: urlOf(uncached),
    close: async () => {
      await uncached.close();
      await app.close();
      await database.close();
    },
  };
}

async function capture(baseUrl: string): Promise<Map<string, Captured>> {
  const captured = new Map<string, Captured>();
  for (const path of paths) {
    const response = await fetch(`${baseUrl}${path}`);
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}, expected 200`);
    captured.set(path, {
      body: Buffer.from(await response.arrayBuffer()),
      contentType: response.headers.get("content-type") ?? "application/octet-stream",
    });
  }
  return captured;
}

function baselineServer(captured: Map<string, Captured>): Server {
  return createServer((req, res) => {
    const hit = captured.get(req.url ?? "");
    if (!hit) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": hit.contentType, "content-length": hit.body.length });
    res.end(hit.body);
  });
}

/** Runs the load generator in a worker thread against `url`; meanwhile samples this thread's event loop. */
function load(url: string): Promise<Measured> {
  const options: LoadOptions = { url, concurrency, warmupMs, durationMs };
  // tsx does not carry over into worker threads on Node 20, so the worker registers it, as bin/rathaus.js does.
  const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(loadModule)}); });`;
  const worker = new Worker(bootstrap, { eval: true, workerData: options });
  let serverElu = performance.eventLoopUtilization();
  return new Promise((resolve, reject) => {
    const limit = setTimeout(
      () => {
        void worker.terminate();
        reject(new Error(`load on ${url} did not finish in time`));
      },
      warmupMs + durationMs + 20_000,
    );
    worker.on("message", (message: { measuring?: true; result?: LoadResult; error?: string }) => {
      if (message.measuring) {
        serverElu = performance.eventLoopUtilization();
        return;
      }
      clearTimeout(limit);
      const serverBusy = performance.eventLoopUtilization(serverElu).utilization;
      void worker.terminate();
      if (message.result) resolve({ ...message.result, serverBusy });
      else reject(new Error(message.error ?? "load generator failed"));
    });
    worker.once("error", (error) => {
      clearTimeout(limit);
      reject(error);
    });
  });
}

const fmt = (n: number, digits = 0) => n.toFixed(digits).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** Busy time of the server's thread per answered request, in microseconds. */
const serverMicros = (m: Measured) => (m.serverBusy * m.elapsedMs * 1000) / Math.max(1, m.ok);

function table(rows: Row[]): string {
  const header = [
    "request",
    "body bytes",
    "baseline req/s",
    "app req/s",
    "app / baseline",
    "p50 / p99 ms baseline",
    "p50 / p99 ms app",
    "server busy baseline / app",
    "client busy baseline / app",
    "server µs per request baseline / app",
    "capacity app / baseline",
  ];
  const lines = rows.map(({ path, bytes, baseline: b, app: a }) => [
    `GET ${path}`,
    fmt(bytes),
    fmt(b.requestsPerSecond),
    fmt(a.requestsPerSecond),
    `${(a.requestsPerSecond / b.requestsPerSecond).toFixed(2)}×`,
    `${b.p50Ms.toFixed(1)} / ${b.p99Ms.toFixed(1)}`,
    `${a.p50Ms.toFixed(1)} / ${a.p99Ms.toFixed(1)}`,
    `${pct(b.serverBusy)} / ${pct(a.serverBusy)}`,
    `${pct(b.clientBusy)} / ${pct(a.clientBusy)}`,
    `${fmt(serverMicros(b))} / ${fmt(serverMicros(a))}`,
    `${(serverMicros(b) / serverMicros(a)).toFixed(2)}×`,
  ]);
  const rule = header.map((_, i) => (i === 0 ? "---" : "---:"));
  return [header, rule, ...lines].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  const memory = `${Math.round(totalmem() / 2 ** 30)} GiB RAM`;
  return `${availableParallelism()} cores (${cpu}), ${memory}, ${platform()} ${release()}, Node ${process.version}`;
}

/** Other work on the machine skews the numbers; the report records how busy it was. */
function busy(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(" / ");
}

function report(rows: Row[], date: string, loadBefore: string): string {
  const errors = rows
    .flatMap((r) => [...r.appRounds, ...r.baselineRounds])
    .reduce((sum, m) => sum + m.errors, 0);
  const spreads = rows
    .map((r) => `GET ${r.path} baseline ${spread(r.baselineRounds)}, app ${spread(r.appRounds)}`)
    .join("; ");
  return `# Benchmarks

Produced by \`npm run bench\` (bench/run.ts); running it again overwrites this file.

- Date: ${date}
- Machine: ${machine()}
- Load average (1 / 5 / 15 min) before the run: ${loadBefore}; after: ${busy()}
- Load generator: closed loop, ${concurrency} concurrent keep-alive connections (node:http Agent), ${warmupMs / 1000} s
  warm-up, then ${durationMs / 1000} s measured, over loopback (127.0.0.1) only. It runs in a worker thread, so it does
  not share the server's event loop; both servers run on the main thread, one at a time.
- Rounds: every path ${rounds} times, alternating baseline and app; each row shows the median round by req/s.
  Spread of req/s over the rounds: ${spreads}.
- App: the real Fastify app as in the tests (in-memory PGlite, migrated, demo municipalities seeded,
  \`LOG_LEVEL=silent\`), default German pages; for "(no page cache)" a second app over the same database
  whose rendered-HTML cache is off.
- Baseline: a bare node:http server answering each path with the exact body bytes the app sent for it,
  captured once before the run (no routing, rendering, security headers or database).
- Non-200 responses or socket errors during the measured windows: ${errors}.

${table(rows)}

## How to read it

The ratio is the price of everything the app does per request on top of writing the bytes: routing,
tenant lookup (in-memory cache), security headers, cookie and language handling, metrics, rendering the
TSX page, and for \`/health\` a \`select 1\` on the database (PGlite runs on the server's thread).
\`GET /usingen\` and the service page are catalog pages: after the first request they are sent from the
rendered-HTML cache (src/modules/catalog/catalog.page-cache.ts), so the page is neither queried nor rendered;
the row marked "(no page cache)" is the same service page from a second app whose cache keeps nothing, i.e.
two database queries and the TSX rendering on every request. \`GET /\` (the landing page) still renders
every time.

"Server busy" is the event-loop utilisation of the thread running the server during the measured window,
"client busy" that of the load generator. A server near 100% is the bottleneck, so its req/s is its limit
on this machine. When the baseline server stays well below 100% while the client is near 100%, the load
generator (node:http client on one core) is the limit: the baseline req/s is then a lower bound for raw
node:http, and the ratio flatters the app. The last two columns correct for that: the server thread's
busy time per request, and its inverse ratio, i.e. how many requests the app could answer with a fully
busy core relative to the baseline. They are estimates (a lightly loaded event loop batches less, which
makes the baseline look a little dearer than it is).

## How to run

\`\`\`sh
npm run bench
\`\`\`

It starts both servers on 127.0.0.1 ports chosen by the system, runs each measurement for a fixed time,
stops by itself (about ${Math.round((rounds * targets.length * 2 * (warmupMs + durationMs)) / 1000) + 5} s), prints the table and rewrites this file.
Numbers move with the machine and its load: compare ratios, and run it on an otherwise idle machine.
`;
}

/** Aligns the tables the way `biome check` (part of `npm test`) expects, so a fresh report passes lint. */
function formatMarkdown(file: string): void {
  const biome = createRequire(import.meta.url).resolve("@biomejs/biome/bin/biome");
  execFileSync(process.execPath, [biome, "format", "--write", file], { stdio: "ignore", timeout: 30_000 });
}

async function main(): Promise<void> {
  const guard = setTimeout(() => {
    console.error("bench: overall time limit reached, stopping");
    process.exit(1);
  }, overallLimitMs);
  guard.unref();

  const loadBefore = busy();
  const app = await startApp();
  const captured = await capture(app.url);
  const baseline = baselineServer(captured);
  const baselineUrl = await listen(baseline);
  console.log(
    `app ${app.url}, baseline ${baselineUrl}; ${concurrency} connections, ${durationMs / 1000} s each`,
  );

  const runs = new Map<string, { baseline: Measured[]; app: Measured[] }>(
    targets.map((target) => [labelOf(target), { baseline: [], app: [] }]),
  );
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const target of targets) {
        const { path } = target;
        const base = await load(`${baselineUrl}${path}`);
        const measured = await load(`${target.pageCache ? app.url : app.uncachedUrl}${path}`);
        runs.get(labelOf(target))?.baseline.push(base);
        runs.get(labelOf(target))?.app.push(measured);
        console.log(
          `round ${round} GET ${labelOf(target)}: baseline ${fmt(base.requestsPerSecond)} req/s, app ${fmt(measured.requestsPerSecond)} req/s`,
        );
      }
    }
  } finally {
    baseline.closeAllConnections();
    await new Promise<void>((resolve) => baseline.close(() => resolve()));
    await app.close();
  }

  const rows: Row[] = targets.map((target) => {
    const label = labelOf(target);
    const { baseline: baselineRounds, app: appRounds } = runs.get(label) ?? { baseline: [], app: [] };
    const bytes = captured.get(target.path)?.body.length ?? 0;
    return {
      path: label,
      bytes,
      baseline: median(baselineRounds),
      app: median(appRounds),
      baselineRounds,
      appRounds,
    };
  });
  const date = new Date().toISOString().slice(0, 10);
  const file = fileURLToPath(new URL("../BENCHMARKS.md", import.meta.url));
  writeFileSync(file, report(rows, date, loadBefore));
  formatMarkdown(file);
  const formatted = readFileSync(file, "utf8");
  console.log(`\n${formatted.slice(formatted.indexOf("| request"), formatted.indexOf("## How to read"))}`);
  console.log(`written to ${file}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
