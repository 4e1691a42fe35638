import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/** What the closing line counts. */
export interface RunCounts {
  passed: number;
  failed: number;
  skipped: number;
}

/**
 * Counts a run the way a person reads it: every failed test, and also every failure that is not a
 * test — a file that could not be imported, a `beforeAll`/`afterAll` hook that threw (its tests
 * are then reported as skipped, which must not hide it), and errors outside any test.
 */
export function countRun(testModules: readonly TestModule[], unhandledErrors: readonly SerializedError[]): RunCounts {
  const counts: RunCounts = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
  for (const module of testModules) {
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') counts.passed++;
      else if (state === 'failed') counts.failed++;
      else counts.skipped++;
    }
    // Errors of the file itself (import errors, file-level hooks) and of its suites (their hooks).
    counts.failed += module.errors().length;
    for (const suite of module.children.allSuites()) counts.failed += suite.errors().length;
  }
  return counts;
}

/** The notes of tests skipped with `ctx.skip(note)` (how to enable a missing resource), once each. */
export function skipNotes(testModules: readonly TestModule[]): string[] {
  const notes = new Set<string>();
  for (const module of testModules) {
    for (const test of module.children.allTests()) {
      const result = test.result();
      if (result.state === 'skipped' && result.note !== undefined) notes.add(result.note);
    }
  }
  return [...notes];
}

/**
 * Prints one plain closing line, `N passed, N failed, N skipped`, that any CI log reader
 * understands, after vitest's own summary; above it, one line per resource whose tests were
 * skipped, saying how to enable them (see `test/helpers/requirements.ts`).
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[], unhandledErrors: readonly SerializedError[]): void {
    const notes = skipNotes(testModules).map((note) => `skipped: ${note}\n`);
    const counts = countRun(testModules, unhandledErrors);
    process.stdout.write(`\n${notes.join('')}${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
