/**
 * Runs the real command-line tools as other programs do: transpiled to `dist/` by
 * `scripts/build.mjs`, then started with Node (or through `npm run`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './knowledge.js';

/** The transpiled `ask` entry point. */
const ASK_JS = join(REPO_ROOT, 'dist', 'src', 'cli', 'ask.js');

const LOCK = join(tmpdir(), 'footnote-test-build.lock');
const LOCK_STALE_MS = 120_000;
const LOCK_WAIT_MS = 60_000;

/**
 * Brings `dist/` up to date. The build script empties `dist/` before writing it, so test files
 * running in parallel take turns (a lock folder) rather than delete each other's build.
 */
export function ensureBuilt(): void {
  const waitUntil = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > LOCK_STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > waitUntil) throw new Error(`timed out waiting for ${LOCK}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`scripts/build.mjs failed (${build.status}): ${build.stderr}`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** What a finished command printed and returned. */
export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runAsk}. */
export interface RunOptions {
  /** Working directory (default: the repository). */
  readonly cwd?: string;
  /** Text for standard input. */
  readonly input?: string;
  /** Through `npm run -s ask --`, exactly as the shared scorers call it (slower). */
  readonly viaNpm?: boolean;
}

// KNOWLEDGE_DIR from the test's own environment must not choose the folder.
const childEnv = (): NodeJS.ProcessEnv => ({ ...process.env, KNOWLEDGE_DIR: undefined, NO_COLOR: '1' });

/**
 * Runs `ask` with arguments and returns its exit status and output.
 *
 * @example runAsk(['--json', 'Who is the top threat?']).stdout
 */
export function runAsk(args: readonly string[], options: RunOptions = {}): Run {
  const command = options.viaNpm ? 'npm' : process.execPath;
  const prefix = options.viaNpm ? ['run', '-s', 'ask', '--'] : [ASK_JS];
  const run = spawnSync(command, [...prefix, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    encoding: 'utf8',
    env: childEnv(),
    timeout: 60_000,
    ...(options.input === undefined ? {} : { input: options.input }),
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
