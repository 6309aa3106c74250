import { type Expression, sql } from "kysely";
import { uuidv7 } from "#core/db/ids.ts";
import type { Db } from "#core/db/transaction.ts";
import type { JobRow } from "./jobs.schema.ts";

/** The database's clock plus `ms`: due times are compared with now() in SQL, so they never mix clocks. */
function nowPlus(ms: number): Expression<Date> {
  return sql<Date>`now() + ${ms}::double precision * interval '1 millisecond'`;
}

export async function insertJob(
  executor: Db,
  job: { queue: string; payload: unknown; delayMs: number; maxAttempts: number },
): Promise<string> {
  const id = uuidv7();
  await executor
    .insertInto("jobs")
    .values({
      id,
      queue: job.queue,
      payload: JSON.stringify(job.payload ?? null),
      run_at: nowPlus(job.delayMs),
      max_attempts: job.maxAttempts,
    })
    .execute();
  return id;
}

/**
 * Claims up to `limit` due jobs of the given queues for `lockMs` and counts the attempt. `skip locked` lets
 * concurrent workers (other processes on PostgreSQL) pass over rows another worker is claiming right now,
 * so each due job goes to exactly one of them.
 */
export async function claimDueJobs(
  db: Db,
  queues: string[],
  limit: number,
  lockMs: number,
): Promise<JobRow[]> {
  if (queues.length === 0) return [];
  return db
    .updateTable("jobs")
    .set((eb) => ({ attempts: eb("attempts", "+", 1), locked_until: nowPlus(lockMs) }))
    .where("id", "in", (eb) =>
      eb
        .selectFrom("jobs")
        .select("id")
        .where("queue", "in", queues)
        .where("done_at", "is", null)
        .where("dead_at", "is", null)
        .where("run_at", "<=", sql<Date>`now()`)
        .where((w) => w.or([w("locked_until", "is", null), w("locked_until", "<=", sql<Date>`now()`)]))
        .orderBy("run_at")
        .orderBy("id")
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
}

/**
 * The attempt number is the claim's fencing token: a worker whose lock expired (and whose job another worker
 * has claimed since) changes nothing when it finally finishes.
 */
function ownClaim(db: Db, job: Pick<JobRow, "id" | "attempts">) {
  return db.updateTable("jobs").where("id", "=", job.id).where("attempts", "=", job.attempts);
}

export async function markDone(db: Db, job: Pick<JobRow, "id" | "attempts">): Promise<void> {
  await ownClaim(db, job).set({ done_at: sql<Date>`now()`, locked_until: null }).execute();
}

export async function scheduleRetry(
  db: Db,
  job: Pick<JobRow, "id" | "attempts">,
  error: string,
  delayMs: number,
): Promise<void> {
  await ownClaim(db, job)
    .set({ last_error: error, locked_until: null, run_at: nowPlus(delayMs) })
    .execute();
}

export async function markDead(db: Db, job: Pick<JobRow, "id" | "attempts">, error: string): Promise<void> {
  await ownClaim(db, job).set({ last_error: error, locked_until: null, dead_at: sql<Date>`now()` }).execute();
}

/** Finished jobs are deleted after `keepMs`: mail payloads hold addresses and links that should not linger. */
export async function purgeDoneJobs(db: Db, keepMs: number): Promise<number> {
  const result = await db
    .deleteFrom("jobs")
    .where("done_at", "<", sql<Date>`now() - ${keepMs}::double precision * interval '1 millisecond'`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function jobById(db: Db, id: string): Promise<JobRow | undefined> {
  return db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirst();
}
