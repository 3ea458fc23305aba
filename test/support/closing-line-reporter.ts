// Prints "N passed, N failed, N skipped" as the run's last line: the plain closing line that CI logs are
// read for (vitest's own summary is not one of the formats CI recognises). A test file that fails to load runs
// no test, so it counts as one failure: the line must never say "0 failed" for a red run.
import type { Reporter, SerializedError, TestModule } from "vitest/node";

export default class ClosingLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const counts = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
    for (const testModule of testModules) {
      let tests = 0;
      for (const testCase of testModule.children.allTests()) {
        tests++;
        const state = testCase.result().state;
        if (state === "passed") counts.passed++;
        else if (state === "failed") counts.failed++;
        else counts.skipped++;
      }
      if (tests === 0 && testModule.state() === "failed") counts.failed++;
    }
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
