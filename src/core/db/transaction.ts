import type { Kysely, Transaction } from "kysely";
import type { Database } from "./database.ts";

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

/**
 * Runs `work` in one transaction: all its writes land together or not at all. On PGlite the single
 * connection is held for the whole callback, so never await outside I/O (HTTP, mail, files) inside it.
 */
export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Tx);
  return db.transaction().execute(work);
}
