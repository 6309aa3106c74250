import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type DatabaseHandle, type Driver, openDatabase } from "#core/db/connect.ts";
import { type Db, inTransaction } from "#core/db/transaction.ts";
import { createJobQueue, PermanentJobError, retryDelayMs } from "#core/jobs/index.ts";
import { claimDueJobs, purgeDoneJobs } from "#core/jobs/jobs.repo.ts";
import { freshDatabase, testDrivers } from "../db.ts";
import { pgUrlFor } from "../pg-test-server.ts";

interface JobState {
  attempts: number;
  last_error: string | null;
  done: boolean;
  dead: boolean;
  locked: boolean;
  /** Milliseconds until the job is due, by the database's clock. */
  due_in_ms: number;
}

async function stateOf(db: Db, id: string): Promise<JobState> {
  const { rows } = await sql<JobState>`
    select attempts, last_error, done_at is not null as done, dead_at is not null as dead,
           locked_until is not null as locked,
           (extract(epoch from run_at - now()) * 1000)::float8 as due_in_ms
    from jobs where id = ${id}`.execute(db);
  if (!rows[0]) throw new Error(`job ${id} not found`);
  return rows[0];
}

async function statesOf(db: Db, queue: string): Promise<JobState[]> {
  const ids = await db.selectFrom("jobs").select("id").where("queue", "=", queue).orderBy("id").execute();
  return Promise.all(ids.map((row) => stateOf(db, row.id)));
}

/** Lets time pass for one job: makes it due now (after a failure) or lets its claim expire (after a crash). */
async function makeDue(db: Db, id: string): Promise<void> {
  await sql`update jobs set run_at = now(), locked_until = case when locked_until is null then null
            else now() - interval '1 second' end where id = ${id}`.execute(db);
}

async function databaseName(db: Db): Promise<string> {
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
  return rows[0]?.name ?? "";
}

/** A database that can be closed and opened again, like a server restart: PGlite on disk, or PostgreSQL. */
async function restartableDatabase(driver: Driver) {
  if (driver === "pg") {
    const owner = await freshDatabase("pg"); // its close() drops the database: only at the very end
    const url = pgUrlFor(await databaseName(owner.db));
    const open = () => openDatabase({ driver: "pg", url, poolSize: 2 });
    return { first: await open(), reopen: open, cleanup: owner.close };
  }
  const dir = await mkdtemp(join(tmpdir(), "rathaus-jobs-"));
  const dataDir = join(dir, "db");
  const template = new Blob([await readFile(inject("pgliteTemplate"))]);
  const first = await openDatabase({ driver: "pglite", dataDir, loadDataDir: template });
  return {
    first,
    reopen: () => openDatabase({ driver: "pglite", dataDir }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

describe("retryDelayMs", () => {
  it("doubles from the first delay up to the cap, adding at most 20 % jitter", () => {
    for (const [attempt, base] of [
      [1, 1000],
      [2, 2000],
      [3, 4000],
      [4, 8000],
      [10, 60_000],
    ] as const) {
      for (let i = 0; i < 50; i++) {
        const delay = retryDelayMs(attempt, 1000, 60_000);
        expect(delay).toBeGreaterThanOrEqual(base);
        expect(delay).toBeLessThanOrEqual(base * 1.2);
      }
    }
  });
});

describe.each(testDrivers())("job queue on %s", (driver) => {
  let database: DatabaseHandle;
  let db: Db;
  beforeAll(async () => {
    database = await freshDatabase(driver);
    db = database.db;
  });
  afterAll(() => database?.close());

  it("runs a job enqueued in a committed transaction once, and never one whose transaction rolled back", async () => {
    const queue = createJobQueue(db);
    const ran: unknown[] = [];
    queue.handle<{ n: number }>("t.commit", async (payload) => void ran.push(payload));

    await expect(
      inTransaction(db, async (tx) => {
        await queue.enqueue(tx, "t.commit", { n: 1 });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await inTransaction(db, (tx) => queue.enqueue(tx, "t.commit", { n: 2, text: "Grüße aus Usingen" }));

    expect(await queue.runDue()).toBe(1);
    expect(await queue.runDue()).toBe(0);
    expect(ran).toEqual([{ n: 2, text: "Grüße aus Usingen" }]);
    const [job, ...others] = await statesOf(db, "t.commit");
    expect(others).toEqual([]);
    expect(job).toMatchObject({ attempts: 1, done: true, dead: false, locked: false, last_error: null });
  });

  it.skipIf(driver === "pglite")(
    "does not let a worker see a job before its transaction commits",
    async () => {
      const queue = createJobQueue(db);
      const ran: unknown[] = [];
      queue.handle("t.invisible", async (payload) => void ran.push(payload));
      await inTransaction(db, async (tx) => {
        await queue.enqueue(tx, "t.invisible", { n: 1 });
        expect(await queue.runDue()).toBe(0); // through the pool: another connection
      });
      expect(await queue.runDue()).toBe(1);
      expect(ran).toEqual([{ n: 1 }]);
    },
  );

  it("runs every job exactly once while two workers poll the same database at the same time", async () => {
    // On PostgreSQL the second worker has its own pool, as another server process would.
    const other =
      driver === "pg" ? await openDatabase({ driver, url: pgUrlFor(await databaseName(db)) }) : database;
    const runs = new Map<number, string[]>();
    // Each worker's first job waits until the other worker is inside a job too: proof that both claimed
    // concurrently. A worker that never gets a job makes this time out (and the job retried, caught below).
    const arrived: Record<string, () => void> = {};
    const arrival = (name: string) => new Promise<void>((resolve) => (arrived[name] = resolve));
    const bothArrived = { a: arrival("a"), b: arrival("b") };
    const worker = (name: "a" | "b", workerDb: Db) => {
      const queue = createJobQueue(workerDb, { pollIntervalMs: 10, batchSize: 3 });
      queue.handle<{ n: number }>(
        "t.once",
        async ({ n }) => {
          runs.set(n, [...(runs.get(n) ?? []), name]);
          arrived[name]?.();
          const otherName = name === "a" ? "b" : "a";
          await Promise.race([
            bothArrived[otherName],
            sleep(15_000).then(() => Promise.reject(new Error(`worker ${otherName} never ran a job`))),
          ]);
        },
        { maxAttempts: 1 },
      );
      return queue;
    };
    const a = worker("a", db);
    const b = worker("b", other.db);
    try {
      await inTransaction(db, async (tx) => {
        for (let n = 0; n < 60; n++) await a.enqueue(tx, "t.once", { n });
      });
      a.start();
      b.start();
      await expect
        .poll(async () => (await statesOf(db, "t.once")).filter((j) => j.done || j.dead).length, {
          timeout: 30_000,
          interval: 50,
        })
        .toBe(60);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      if (other !== database) await other.close();
    }
    expect([...runs.keys()].sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, n) => n));
    for (const [n, workers] of runs) expect(workers, `job ${n}`).toHaveLength(1);
    const byWorker = [...runs.values()].flat();
    expect(byWorker).toContain("a");
    expect(byWorker).toContain("b");
    for (const job of await statesOf(db, "t.once")) expect(job).toMatchObject({ attempts: 1, done: true });
  }, 60_000);

  it("retries a failing job with exponential backoff and keeps it, dead, after its last attempt", async () => {
    const queue = createJobQueue(db);
    let calls = 0;
    queue.handle(
      "t.fail",
      async () => {
        calls += 1;
        throw new Error(`SMTP down (${calls})`);
      },
      { maxAttempts: 3, backoffMs: 60_000, maxBackoffMs: 3600_000 },
    );
    const id = await queue.enqueue(db, "t.fail", {});

    expect(await queue.runDue()).toBe(1);
    let job = await stateOf(db, id);
    expect(job).toMatchObject({ attempts: 1, done: false, dead: false, locked: false });
    expect(job.last_error).toBe("Error: SMTP down (1)");
    expect(job.due_in_ms).toBeGreaterThan(59_000);
    expect(job.due_in_ms).toBeLessThanOrEqual(72_000);
    expect(await queue.runDue(), "not due before its backoff").toBe(0);

    await makeDue(db, id);
    expect(await queue.runDue()).toBe(1);
    job = await stateOf(db, id);
    expect(job).toMatchObject({ attempts: 2, dead: false, last_error: "Error: SMTP down (2)" });
    expect(job.due_in_ms).toBeGreaterThan(119_000);
    expect(job.due_in_ms).toBeLessThanOrEqual(144_000);

    await makeDue(db, id);
    expect(await queue.runDue()).toBe(1);
    job = await stateOf(db, id);
    expect(job).toMatchObject({ attempts: 3, done: false, dead: true, last_error: "Error: SMTP down (3)" });

    await makeDue(db, id);
    expect(await queue.runDue(), "a dead job is never claimed again").toBe(0);
    expect(calls).toBe(3);
  });

  it("retries on its own while the worker runs, until the handler succeeds", async () => {
    const queue = createJobQueue(db, { pollIntervalMs: 10 });
    let calls = 0;
    queue.handle(
      "t.flaky",
      async () => {
        calls += 1;
        if (calls < 3) throw new Error("not yet");
      },
      { maxAttempts: 5, backoffMs: 20 },
    );
    const id = await queue.enqueue(db, "t.flaky", {});
    queue.start();
    try {
      await expect.poll(async () => (await stateOf(db, id)).done, { timeout: 10_000 }).toBe(true);
    } finally {
      await queue.stop();
    }
    expect(await stateOf(db, id)).toMatchObject({ attempts: 3, dead: false, last_error: "Error: not yet" });
    expect(calls).toBe(3);
  });

  it("makes a job dead at once when its handler says retrying cannot help", async () => {
    const queue = createJobQueue(db);
    queue.handle("t.permanent", async () => {
      throw new PermanentJobError("550 mailbox unavailable");
    });
    const id = await queue.enqueue(db, "t.permanent", {});
    expect(await queue.runDue()).toBe(1);
    expect(await stateOf(db, id)).toMatchObject({
      attempts: 1,
      dead: true,
      last_error: "Error: 550 mailbox unavailable",
    });
  });

  it("starts a job right after it is enqueued, without waiting for the next poll", async () => {
    const queue = createJobQueue(db, { pollIntervalMs: 120_000 });
    const ran: unknown[] = [];
    queue.handle("t.nudge", async (payload) => void ran.push(payload));
    queue.start();
    try {
      await queue.enqueue(db, "t.nudge", { n: 1 });
      await expect.poll(() => ran, { timeout: 10_000 }).toEqual([{ n: 1 }]);
      // Enqueued in a transaction that commits a little later: the nudged poll comes too early and a
      // second look shortly after finds it.
      await inTransaction(db, async (tx) => {
        await queue.enqueue(tx, "t.nudge", { n: 2 });
        await sleep(30);
      });
      await expect.poll(() => ran, { timeout: 10_000 }).toEqual([{ n: 1 }, { n: 2 }]);
    } finally {
      await queue.stop();
    }
  });

  it("claims only jobs of queues this process handles", async () => {
    const queue = createJobQueue(db);
    queue.handle("t.mine", async () => {});
    const foreign = await queue.enqueue(db, "t.someone-else", { n: 1 });
    await queue.enqueue(db, "t.mine", {});
    expect(await queue.runDue()).toBe(1);
    expect(await stateOf(db, foreign)).toMatchObject({ attempts: 0, done: false, locked: false });
  });

  it("lets stop() wait for the job being run", async () => {
    const queue = createJobQueue(db, { pollIntervalMs: 10 });
    let release = () => {};
    const started = new Promise<void>((resolve) =>
      queue.handle("t.stop", async () => {
        resolve();
        await new Promise<void>((r) => (release = r));
      }),
    );
    const id = await queue.enqueue(db, "t.stop", {});
    queue.start();
    await started;
    let stopped = false;
    const stopping = queue.stop().then(() => (stopped = true));
    await sleep(50);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await stateOf(db, id)).toMatchObject({ attempts: 1, done: true });
  });

  it("refuses malformed queue names and a second handler for a queue", async () => {
    const queue = createJobQueue(db);
    for (const name of ["", "Mail", "mail queue", "x".repeat(101), "1mail", "mail;drop"])
      await expect(queue.enqueue(db, name, {}), name).rejects.toThrow("Invalid queue name");
    queue.handle("t.twice", async () => {});
    expect(() => queue.handle("t.twice", async () => {})).toThrow("already has a handler");
  });

  it("deletes finished jobs after the retention time and keeps pending and dead ones", async () => {
    const queue = createJobQueue(db);
    queue.handle("t.purge", async () => {});
    const old = await queue.enqueue(db, "t.purge", {});
    const recent = await queue.enqueue(db, "t.purge", {});
    await queue.runDue();
    await sql`update jobs set done_at = now() - interval '2 days' where id = ${old}`.execute(db);
    const pending = await queue.enqueue(db, "t.purge-pending", {});
    expect(await purgeDoneJobs(db, 24 * 3600_000)).toBeGreaterThanOrEqual(1);
    const left = await db.selectFrom("jobs").select("id").where("id", "in", [old, recent, pending]).execute();
    expect(left.map((r) => r.id).sort()).toEqual([recent, pending].sort());
  });
});

describe.each(testDrivers())("job queue across a restart on %s", (driver) => {
  let restartable: Awaited<ReturnType<typeof restartableDatabase>>;
  beforeAll(async () => {
    restartable = await restartableDatabase(driver);
  });
  afterAll(() => restartable?.cleanup());

  it("picks up pending jobs and the claims of a worker that died, and buries a crash on the last attempt", async () => {
    const before = restartable.first;
    const first = createJobQueue(before.db);
    const pending = await first.enqueue(before.db, "t.restart", { name: "pending" });
    const crashed = await first.enqueue(before.db, "t.restart", { name: "crashed" }, { maxAttempts: 3 });
    const lastTry = await first.enqueue(before.db, "t.restart", { name: "last try" }, { maxAttempts: 1 });
    // A worker claims two jobs and dies before finishing them (its claims stay in the table).
    await sql`update jobs set run_at = now() - interval '1 minute' where id in (${crashed}, ${lastTry})`.execute(
      before.db,
    );
    const claimed = await claimDueJobs(before.db, ["t.restart"], 2, 60_000);
    expect(claimed.map((j) => j.id).sort()).toEqual([crashed, lastTry].sort());
    await before.close();

    const after = await restartable.reopen();
    try {
      const second = createJobQueue(after.db);
      const ran: string[] = [];
      second.handle<{ name: string }>("t.restart", async ({ name }) => void ran.push(name));
      expect(await second.runDue(), "claimed jobs wait for their claim to expire").toBe(1);
      expect(ran).toEqual(["pending"]);

      await makeDue(after.db, crashed);
      await makeDue(after.db, lastTry);
      expect(await second.runDue()).toBe(2);
      expect(ran.sort()).toEqual(["crashed", "pending"]);
      expect(await stateOf(after.db, pending)).toMatchObject({ attempts: 1, done: true });
      expect(await stateOf(after.db, crashed)).toMatchObject({ attempts: 2, done: true });
      const buried = await stateOf(after.db, lastTry);
      expect(buried).toMatchObject({ attempts: 2, done: false, dead: true });
      expect(buried.last_error).toContain("stopped during the last attempt");
    } finally {
      await after.close();
    }
  });
});
