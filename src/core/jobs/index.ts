export {
  createJobQueue,
  type EnqueueOptions,
  type JobContext,
  type JobHandler,
  type JobLogger,
  type JobQueue,
  PermanentJobError,
  type QueueOptions,
  retryDelayMs,
  type WorkerOptions,
} from "./job-queue.ts";
export type { JobRow, JobsTables } from "./jobs.schema.ts";
