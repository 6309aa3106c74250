import type { Db } from "#core/db/transaction.ts";
import { claimDueJobs, insertJob, markDead, markDone, purgeDoneJobs, scheduleRetry } from "./jobs.repo.ts";
import type { JobRow } from "./jobs.schema.ts";

export interface JobContext {
  id: string;
  queue: string;
  /** 1 for the first run. */
  attempt: number;
  maxAttempts: number;
}

/** Runs one job; throwing schedules a retry (or makes the job dead after its last attempt). */
export type JobHandler<P> = (payload: P, job: JobContext) => Promise<void>;

/** Thrown by a handler when retrying cannot help (e.g. the mail server rejects the address for good). */
export class PermanentJobError extends Error {}

export interface QueueOptions {
  /** Runs before a job is dead. Default 5. */
  maxAttempts?: number;
  /** Delay before the first retry; doubles with each further attempt. Default 10 s. */
  backoffMs?: number;
  /** Upper bound of the delay. Default 1 h. */
  maxBackoffMs?: number;
}

export interface EnqueueOptions {
  /** Run no earlier than this many milliseconds after the transaction's start. Default 0. */
  delayMs?: number;
  /** Overrides the queue's default. */
  maxAttempts?: number;
}

export interface JobLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface WorkerOptions {
  /** How often the worker looks for due jobs when nothing nudges it. Default 1 s. */
  pollIntervalMs?: number;
  /** Jobs claimed and run concurrently per round. Default 5. */
  batchSize?: number;
  /** How long a claim lasts; a job whose worker died is retried after this. Default 5 min. */
  lockMs?: number;
  /** Finished jobs are deleted after this. Default 1 day. */
  keepDoneMs?: number;
}

export interface JobQueue {
  /**
   * Adds a job through `executor`: inside a transaction it becomes visible, and runs, only if that
   * transaction commits. The payload must be JSON-serialisable. Returns the job id.
   */
  enqueue(executor: Db, queue: string, payload: unknown, options?: EnqueueOptions): Promise<string>;
  /** Registers the handler of a queue; this process only claims jobs of queues it has handlers for. */
  handle<P>(queue: string, handler: JobHandler<P>, options?: QueueOptions): void;
  /** Starts polling in the background (idempotent). */
  start(logger?: JobLogger): void;
  /** Stops polling and waits until the jobs being run have finished. */
  stop(): Promise<void>;
  /** Claims and runs due jobs until none is due; returns how many ran (for tests and one-off commands). */
  runDue(): Promise<number>;
}

const queueNamePattern = /^[a-z][a-z0-9._-]{0,99}$/;
const silentLogger: JobLogger = { info() {}, warn() {}, error() {} };
const purgeEveryMs = 10 * 60_000;

interface Registration {
  handler: JobHandler<unknown>;
  maxAttempts: number;
  backoffMs: number;
  maxBackoffMs: number;
}

/** Exponential backoff with up to 20 % added jitter, so failed jobs of one burst do not retry in lockstep. */
export function retryDelayMs(attempt: number, backoffMs: number, maxBackoffMs: number): number {
  const base = Math.min(backoffMs * 2 ** Math.max(0, attempt - 1), maxBackoffMs);
  return Math.round(base * (1 + Math.random() * 0.2));
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2000);
}

export function createJobQueue(db: Db, options: WorkerOptions = {}): JobQueue {
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const batchSize = options.batchSize ?? 5;
  const lockMs = options.lockMs ?? 5 * 60_000;
  const keepDoneMs = options.keepDoneMs ?? 24 * 3600_000;
  const registrations = new Map<string, Registration>();
  let log = silentLogger;
  let loop: Promise<void> | undefined;
  let stopping = false;
  let nudged = false;
  let wake: (() => void) | undefined;
  let lastPurge = 0;

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      wake = done;
    });
  }

  async function runJob(job: JobRow): Promise<void> {
    const registration = registrations.get(job.queue);
    if (!registration) return;
    const context = { id: job.id, queue: job.queue, attempt: job.attempts, maxAttempts: job.max_attempts };
    if (job.attempts > job.max_attempts) {
      // Claimed again after its last attempt's lock expired: that worker died while running it.
      await markDead(db, job, "The worker stopped during the last attempt (its claim expired).");
      log.error({ job: context }, "job dead: its last attempt never finished");
      return;
    }
    try {
      await registration.handler(job.payload, context);
    } catch (error) {
      const message = errorText(error);
      if (error instanceof PermanentJobError || job.attempts >= job.max_attempts) {
        await markDead(db, job, message);
        log.error({ job: context, error: message }, "job dead: no attempts left");
      } else {
        const delayMs = retryDelayMs(job.attempts, registration.backoffMs, registration.maxBackoffMs);
        await scheduleRetry(db, job, message, delayMs);
        log.warn({ job: context, error: message, retryInMs: delayMs }, "job failed: will retry");
      }
      return;
    }
    await markDone(db, job);
  }

  async function runBatch(): Promise<number> {
    const jobs = await claimDueJobs(db, [...registrations.keys()], batchSize, lockMs);
    // Settle all before returning, so stop() never returns while a job of this batch still runs.
    for (const result of await Promise.allSettled(jobs.map(runJob))) {
      if (result.status === "rejected")
        log.error({ err: result.reason }, "job queue: recording a result failed");
    }
    return jobs.length;
  }

  async function purgeNowAndThen(): Promise<void> {
    if (Date.now() - lastPurge < purgeEveryMs) return;
    lastPurge = Date.now();
    const purged = await purgeDoneJobs(db, keepDoneMs);
    if (purged > 0) log.info({ purged }, "finished jobs deleted");
  }

  async function work(): Promise<void> {
    while (!stopping) {
      let ran = 0;
      try {
        ran = await runBatch();
        await purgeNowAndThen();
      } catch (error) {
        log.error({ err: error }, "job queue: polling failed");
      }
      if (stopping) break;
      if (ran === batchSize) continue;
      // A nudge usually comes from inside a transaction that has not committed yet when the poll runs:
      // look again shortly instead of a full interval later.
      const recheck = nudged && ran === 0;
      nudged = false;
      await sleep(recheck ? Math.min(100, pollIntervalMs) : pollIntervalMs);
    }
  }

  return {
    async enqueue(executor, queue, payload, enqueueOptions = {}) {
      if (!queueNamePattern.test(queue)) throw new Error(`Invalid queue name "${queue}"`);
      const maxAttempts = enqueueOptions.maxAttempts ?? registrations.get(queue)?.maxAttempts ?? 5;
      const id = await insertJob(executor, {
        queue,
        payload,
        delayMs: Math.max(0, enqueueOptions.delayMs ?? 0),
        maxAttempts,
      });
      nudged = true;
      wake?.();
      return id;
    },

    handle(queue, handler, queueOptions = {}) {
      if (!queueNamePattern.test(queue)) throw new Error(`Invalid queue name "${queue}"`);
      if (registrations.has(queue)) throw new Error(`Queue "${queue}" already has a handler`);
      registrations.set(queue, {
        handler: handler as JobHandler<unknown>,
        maxAttempts: queueOptions.maxAttempts ?? 5,
        backoffMs: queueOptions.backoffMs ?? 10_000,
        maxBackoffMs: queueOptions.maxBackoffMs ?? 3600_000,
      });
    },

    start(logger) {
      if (logger) log = logger;
      if (loop) return;
      stopping = false;
      loop = work();
    },

    async stop() {
      stopping = true;
      wake?.();
      await loop;
      loop = undefined;
    },

    async runDue() {
      let total = 0;
      for (let ran = await runBatch(); ran > 0; ran = await runBatch()) total += ran;
      return total;
    },
  };
}
