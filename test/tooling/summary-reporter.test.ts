/**
 * The plain closing line (`N passed, N failed, N skipped`) must count every way a run can fail,
 * not only failed tests: a bug once printed "380 passed, 0 failed" for a run whose browser
 * suite's beforeAll had thrown (its tests were then counted as skipped).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/knowledge.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'summary');
const VITEST = join(REPO_ROOT, 'node_modules', 'vitest', 'vitest.mjs');

interface Run {
  code: number;
  stdout: string;
}

/** Runs vitest over the fixture folder in a child process, as `npm test` would. */
async function runFixtures(): Promise<Run> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [VITEST, 'run', '--config', join(FIXTURES, 'vitest.config.ts')], {
      cwd: REPO_ROOT,
      env: { ...process.env, CI: '', FORCE_COLOR: '0' },
      timeout: 120_000,
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '' };
  }
}

it('given a failing test, a failing beforeAll and a broken import beside a passing file, when the run ends, then the closing line counts three failures and the run exits 1', async () => {
  // given: passing.fixture.ts (1 passed, 2 skipped, one with a note), failing-test.fixture.ts, failing-hook.fixture.ts, broken-import.fixture.ts
  // when
  const run = await runFixtures();
  // then: the test after the failed hook is skipped, but the hook itself is a failure
  const lines = run.stdout.trim().split('\n');
  expect(lines.at(-1)).toBe('1 passed, 3 failed, 3 skipped');
  expect(lines.at(-2)).toBe('skipped: the resource test: missing /nonexistent; to run it, install it');
  expect(run.code).toBe(1);
}, 120_000);
