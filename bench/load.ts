/**
 * A bounded closed-loop HTTP load generator. It runs in a worker thread so that it does not share the
 * event loop of the server it measures: `concurrency` loops each send one GET over a keep-alive connection,
 * wait for the whole response, and send the next, until the time is up. Only loopback targets are accepted.
 */
import { Agent, request } from "node:http";
import { parentPort, workerData } from "node:worker_threads";

export interface LoadOptions {
  url: string;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
}

export interface LoadResult {
  /** Responses with status 200 completed inside the measured window. */
  ok: number;
  /** Other statuses, socket errors and timeouts inside the measured window. */
  errors: number;
  /** Length of the measured window in milliseconds. */
  elapsedMs: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Share of the measured window the load generator's own event loop was busy (1 = saturated). */
  clientBusy: number;
}

const requestTimeoutMs = 10_000;

function assertLoopback(url: URL): void {
  if (url.protocol !== "http:" || url.hostname !== "127.0.0.1") {
    throw new Error(`The load generator only targets http://127.0.0.1, not ${url.href}`);
  }
}

function once(agent: Agent, url: URL): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { agent, method: "GET", timeout: requestTimeoutMs }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", () => resolve(0));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", () => resolve(0));
    req.end();
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

export async function runLoad(options: LoadOptions, onMeasuring?: () => void): Promise<LoadResult> {
  const url = new URL(options.url);
  assertLoopback(url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const stopAt = measureFrom + options.durationMs;
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;

  async function loop(): Promise<void> {
    while (performance.now() < stopAt) {
      const sent = performance.now();
      const status = await once(agent, url);
      const done = performance.now();
      // Count the responses completed inside the measured window (warm-up and drain are left out).
      if (done < measureFrom || done > stopAt) continue;
      if (status === 200) {
        ok++;
        latencies.push(done - sent);
      } else {
        errors++;
      }
    }
  }

  let eluStart = performance.eventLoopUtilization();
  const eluTimer = setTimeout(() => {
    eluStart = performance.eventLoopUtilization();
    onMeasuring?.();
  }, options.warmupMs);
  await Promise.all(Array.from({ length: options.concurrency }, loop));
  clearTimeout(eluTimer);
  const clientBusy = performance.eventLoopUtilization(eluStart).utilization;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    ok,
    errors,
    elapsedMs: options.durationMs,
    requestsPerSecond: ok / (options.durationMs / 1000),
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    clientBusy,
  };
}

if (parentPort && workerData) {
  const port = parentPort;
  runLoad(workerData as LoadOptions, () => port.postMessage({ measuring: true })).then(
    (result) => port.postMessage({ result }),
    (error: unknown) => port.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
}
