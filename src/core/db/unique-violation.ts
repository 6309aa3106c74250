/** Whether a database error is PostgreSQL's unique_violation (23505), on node-postgres and PGlite alike. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "23505";
}

/**
 * Runs an insert that a unique index guards; when a concurrent request won the race between the check and
 * the insert, `onTaken` turns the violation into the same answer the check gives (not a 500).
 */
export async function insertOrTaken<T>(insert: () => Promise<T>, onTaken: () => never): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    if (isUniqueViolation(error)) onTaken();
    throw error;
  }
}
