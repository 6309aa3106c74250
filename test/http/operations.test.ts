import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, createServices } from "#src/app.ts";
import { dropUnderOpenConnections, freshDatabase, testDrivers } from "../db.ts";
import { startTestApp, type TestApp, testConfig } from "../server.ts";

/** The value of one sample line of Prometheus text, e.g. `http_requests_total{method="GET",...}`. */
function sample(metrics: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = metrics
    .split("\n")
    .find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(" ") + 1));
}

describe.each(testDrivers())("operations on %s", (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(() => t?.close());

  it("answers /health with 200 while the database answers", async () => {
    const response = await fetch(`${t.url}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", database: driver });
  });

  it("exposes request counts, latencies and the database pool on /metrics", async () => {
    for (const path of [
      "/usingen",
      "/usingen",
      "/neu-anspach/impressum",
      "/gibt-es-nicht-xyz123",
      "/health",
    ]) {
      await (await fetch(`${t.url}${path}`)).arrayBuffer();
    }
    const response = await fetch(`${t.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const metrics = await response.text();

    expect(metrics).toContain("# TYPE http_requests_total counter");
    expect(metrics).toContain("# TYPE http_request_duration_seconds histogram");
    expect(metrics).toContain("# TYPE db_pool_connections gauge");
    expect(
      sample(metrics, "http_requests_total", { route: "/:tenant", status: "200" }),
    ).toBeGreaterThanOrEqual(2);
    expect(
      sample(metrics, "http_requests_total", { route: "/:tenant/:page", status: "200" }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(metrics, "http_requests_total", { route: "/health", status: "200" }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(metrics, "http_requests_total", { status: "404" })).toBeGreaterThanOrEqual(1);
    expect(
      sample(metrics, "http_request_duration_seconds_count", { method: "GET", route: "/:tenant" }),
    ).toBeGreaterThanOrEqual(2);
    expect(
      sample(metrics, "http_request_duration_seconds_bucket", { route: "/:tenant", le: "+Inf" }),
    ).toBeGreaterThanOrEqual(2);
    for (const state of ["total", "idle", "waiting"]) {
      expect(sample(metrics, "db_pool_connections", { state }), state).toBeGreaterThanOrEqual(0);
    }
    expect(sample(metrics, "db_driver_info", { driver })).toBe(1);
    expect(metrics).toContain("process_resident_memory_bytes");
  });

  it("labels metrics by route pattern, never by the requested URL", async () => {
    await (await fetch(`${t.url}/unknown-path-abc987`)).arrayBuffer();
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).not.toContain("abc987");
    expect(metrics).not.toContain("xyz123");
    expect(metrics).not.toMatch(/route="\/usingen/);
  });

  it("counts each request once", async () => {
    const before = await (await fetch(`${t.url}/metrics`)).text();
    const count = (m: string) =>
      sample(m, "http_requests_total", { route: "/api/v1/tenants", status: "200" }) ?? 0;
    for (let i = 0; i < 3; i++) await (await fetch(`${t.url}/api/v1/tenants`)).arrayBuffer();
    const after = await (await fetch(`${t.url}/metrics`)).text();
    expect(count(after) - count(before)).toBe(3);
  });
});

// Only a database server can go away under a running app: the embedded PGlite lives and dies with the
// process. Closing the client pool instead would not be an outage but a shutdown in the wrong order, which
// strands the app's own start-up jobs waiting for a connection the ended pool never hands out.
describe.skipIf(!testDrivers().includes("pg"))("/health without a database on pg", () => {
  it("answers 503 once the database server drops the database, and 200 before", async () => {
    const database = await freshDatabase("pg");
    const config = testConfig();
    const app = await buildApp(config, database, createServices(database, config));
    try {
      const up = await app.inject({ method: "GET", url: "/health" });
      expect(up.statusCode).toBe(200);
      await dropUnderOpenConnections(database);
      const down = await app.inject({ method: "GET", url: "/health" });
      expect(down.statusCode).toBe(503);
      expect(down.headers["cache-control"]).toBe("no-store");
      expect(down.json()).toEqual({ status: "unavailable", database: "down" });
      const metrics = await app.inject({ method: "GET", url: "/metrics" });
      expect(metrics.statusCode).toBe(200);
      expect(metrics.body).toContain('status="503"');
    } finally {
      await app.close();
      await database.close();
    }
  });
});
