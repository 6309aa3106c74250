import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export class DataDirInUse extends Error {}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite is one process's database: a second process opening the same data dir (say `rathaus seed` while the
 * server runs) would corrupt it. A lock file beside the data dir holds the owner's pid; a lock whose process
 * has died (kill -9, power loss) is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = `${dataDir}.lock`;
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(file, "utf8").trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
        throw new DataDirInUse(
          `The embedded database ${dataDir} is in use by process ${owner}. Stop that process first ` +
            `(PGlite serves one process at a time; use PostgreSQL via DATABASE_URL for more). ` +
            `If no such process runs, delete ${file}.`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new DataDirInUse(`Could not lock ${dataDir}: ${file} keeps reappearing.`);
}
