import type { FastifyInstance } from "fastify";

/**
 * Runs a clean-up at start and then hourly while the server runs, logging what it did. For idempotent
 * tasks only: every instance runs its own schedule.
 */
export function runHourly(
  app: FastifyInstance,
  name: string,
  task: () => Promise<Record<string, number>>,
): void {
  let timer: NodeJS.Timeout | undefined;
  const run = () =>
    task().then(
      (deleted) => app.log.info({ deleted }, `${name} purged`),
      (error) => app.log.error({ err: error }, `${name} purge failed`),
    );
  app.addHook("onReady", async () => {
    void run();
    timer = setInterval(run, 3_600_000).unref();
  });
  app.addHook("onClose", async () => clearInterval(timer));
}
