import type { FastifyInstance } from "fastify";

/**
 * Runs a task at start and then every `everyMs` while the server runs, logging the counts it returns (at
 * debug level when all are zero). A run still busy when the next is due makes that one skip. For
 * idempotent tasks only: every instance runs its own schedule.
 */
export function runPeriodically(
  app: FastifyInstance,
  name: string,
  everyMs: number,
  task: () => Promise<Record<string, number>>,
): void {
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;
  const run = () => {
    current ??= task()
      .then(
        (counts) => {
          const level = Object.values(counts).some((n) => n > 0) ? "info" : "debug";
          app.log[level]({ counts }, `${name} done`);
        },
        (error) => app.log.error({ err: error }, `${name} failed`),
      )
      .finally(() => {
        current = undefined;
      });
  };
  app.addHook("onReady", async () => {
    run();
    timer = setInterval(run, everyMs).unref();
  });
  // A run in progress finishes before the app (and then usually the database) closes.
  app.addHook("onClose", async () => {
    clearInterval(timer);
    await current;
  });
}

/** A clean-up at start and then hourly, logging how many rows of each kind it deleted. */
export function runHourly(
  app: FastifyInstance,
  name: string,
  task: () => Promise<Record<string, number>>,
): void {
  runPeriodically(app, `${name} purge`, 3_600_000, task);
}
