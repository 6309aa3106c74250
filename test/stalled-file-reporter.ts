import { spawnSync } from "node:child_process";
import type { Reporter, TestCase, TestModule } from "vitest/node";

/** Far above the slowest file (the application journeys, about three minutes on CI). */
const limitMs = 20 * 60_000;

/**
 * Ends a run in which one test file has been busy for longer than any should, naming the file and the test it
 * was in, with exit code 1: CI then fails with a reason instead of running into its own time limit. Test and
 * hook timeouts cannot end such a file when its worker never yields (a loop that never awaits) or it
 * hangs while loading; this runs in the main process, which stays free.
 */
export default class StalledFileReporter implements Reporter {
  private readonly busy = new Map<string, { since: number; test?: string }>();
  private timer: NodeJS.Timeout | undefined;

  onTestRunStart(): void {
    this.timer = setInterval(() => this.check(), 30_000);
    this.timer.unref();
  }

  onTestModuleQueued(testModule: TestModule): void {
    this.busy.set(testModule.moduleId, { since: Date.now() });
  }

  onTestCaseReady(testCase: TestCase): void {
    const entry = this.busy.get(testCase.module.moduleId);
    if (entry) entry.test = testCase.fullName;
  }

  onTestModuleEnd(testModule: TestModule): void {
    this.busy.delete(testModule.moduleId);
  }

  onTestRunEnd(): void {
    clearInterval(this.timer);
  }

  private check(): void {
    for (const [file, entry] of this.busy) {
      const minutes = Math.round((Date.now() - entry.since) / 60_000);
      if (Date.now() - entry.since < limitMs) continue;
      process.stderr.write(
        `\nStalled: ${file} has been running for ${minutes} minutes (last test started: ${entry.test ?? "none reported"}). Ending the run.\n`,
      );
      // A worker that never yields ignores vitest's own shutdown and would outlive the run.
      spawnSync("pkill", ["-KILL", "-P", String(process.pid)]);
      process.exit(1);
    }
  }
}
