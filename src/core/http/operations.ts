import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { DatabaseHandle } from "#core/db/connect.ts";

/**
 * `/health` answers 200 only when the database answers; `/metrics` is Prometheus text with request
 * counts, latencies, the database pool and the process. One registry per app, so tests can build many apps.
 */
export const operationsPlugin = fp(operations, { name: "operations" });

async function operations(app: FastifyInstance, opts: { database: DatabaseHandle }) {
  const { database } = opts;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests by method, route pattern and status code",
    labelNames: ["method", "route", "status"],
    registers: [registry],
  });
  const latency = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request latency by method and route pattern",
    labelNames: ["method", "route"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: "db_pool_connections",
    help: "Database connections by state (total, idle, waiting clients)",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const stats = database.poolStats();
      this.set({ state: "total" }, stats.total);
      this.set({ state: "idle" }, stats.idle);
      this.set({ state: "waiting" }, stats.waiting);
    },
  });
  new Gauge({
    name: "db_driver_info",
    help: "Database driver in use (pglite or pg)",
    labelNames: ["driver"],
    registers: [registry],
  }).set({ driver: database.driver }, 1);

  app.addHook("onResponse", async (request, reply) => {
    // The route pattern, not the URL, keeps label cardinality bounded; unmatched requests share one label.
    const route = request.routeOptions.url ?? "unmatched";
    const seconds = reply.elapsedTime / 1000;
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    latency.observe({ method: request.method, route }, seconds);
  });

  app.get("/health", async (_request, reply) => {
    try {
      await database.ping();
      return reply.header("cache-control", "no-store").send({ status: "ok", database: database.driver });
    } catch {
      return reply
        .status(503)
        .header("cache-control", "no-store")
        .send({ status: "unavailable", database: "down" });
    }
  });

  app.get("/metrics", async (_request, reply) =>
    reply
      .header("content-type", registry.contentType)
      .header("cache-control", "no-store")
      .send(await registry.metrics()),
  );
}
