import type { ColumnType, Generated, Selectable } from "kysely";

export interface JobsTable {
  id: string;
  queue: string;
  /** Written as JSON text, read back parsed by the driver. */
  payload: ColumnType<unknown, string, string>;
  run_at: ColumnType<Date, Date | undefined, Date>;
  attempts: Generated<number>;
  max_attempts: number;
  last_error: string | null;
  locked_until: Date | null;
  done_at: Date | null;
  dead_at: Date | null;
  created_at: Generated<Date>;
}

export interface JobsTables {
  jobs: JobsTable;
}

export type JobRow = Selectable<JobsTable>;
