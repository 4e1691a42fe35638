/**
 * Tests that need something outside the repository (a browser, the shared evaluation data beside
 * the checkout, later PostgreSQL) run when it is there. Elsewhere they are skipped with one line
 * saying how to enable them, except where the resource is required (`CI=true`, or a resource's own
 * variable such as `FOOTNOTE_REQUIRE_BROWSER=1`): there a missing resource is a failing test.
 *
 * Variables read here (tests only; the application reads its environment in src/config.ts):
 * - `CI` (`true` or `1`): every resource is required.
 * - `FOOTNOTE_REQUIRE_BROWSER=1`: the browser is required.
 * - `CHROMIUM_PATH`: the browser to use, looked at first.
 * - `FOOTNOTE_CHROMIUM_CANDIDATES`: replaces the usual browser locations (colon-separated; empty
 *   means none), e.g. `CHROMIUM_PATH=/nonexistent FOOTNOTE_CHROMIUM_CANDIDATES= npm test` acts
 *   like a machine without Chromium.
 * - `FOOTNOTE_SHARED_DIR`: the shared evaluation data (default `../shared` beside the checkout).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';

/** Where Debian, Ubuntu and Google Chrome put their browsers, in order of preference. */
const USUAL_CHROMIUM_PATHS = [
  '/usr/bin/chromium', // Debian's `chromium`
  '/usr/bin/chromium-browser', // Ubuntu's `chromium-browser`
  '/snap/bin/chromium', // Ubuntu's snap
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
] as const;

/** How to make a browser available, shown whenever one is missing. */
const ENABLE_BROWSER = 'install Debian\'s chromium (apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable';

type Env = Readonly<Record<string, string | undefined>>;

/** Whether `path` is a regular file this process may execute. */
function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The places looked at for a browser: `CHROMIUM_PATH`, then the usual locations (or their override). */
export function chromiumCandidates(env: Env = process.env): string[] {
  const override = env.FOOTNOTE_CHROMIUM_CANDIDATES;
  const usual = override === undefined ? [...USUAL_CHROMIUM_PATHS] : override.split(':').filter((path) => path !== '');
  return [...(env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : []), ...usual];
}

/**
 * The first usable browser: it counts only if the file exists and is executable.
 *
 * @example findChromium({ CHROMIUM_PATH: '/nonexistent', FOOTNOTE_CHROMIUM_CANDIDATES: '' }) // undefined
 */
export function findChromium(env: Env = process.env): string | undefined {
  return chromiumCandidates(env).find(isExecutableFile);
}

const isSet = (value: string | undefined): boolean => value === 'true' || value === '1';

/** Whether this run must have every resource (CI), or this one (its own variable). */
function isRequired(env: Env, ownVariable?: string): boolean {
  return isSet(env.CI) || (ownVariable !== undefined && isSet(env[ownVariable]));
}

/** What a test file needs, and whether it is there. */
export interface Requirement {
  /** What the skipped or failing test is called, e.g. "the playground in Chromium". */
  what: string;
  /** Why it is not available, or `undefined` when it is. */
  missing: string | undefined;
  /** How to make it available (one short sentence). */
  enable: string;
  /** Whether a missing resource fails the run instead of skipping. */
  required: boolean;
}

/** The decision for a requirement: run the tests, skip them with one line, or fail. */
export type Decision = { action: 'run' } | { action: 'skip'; line: string } | { action: 'fail'; message: string };

/** Decides, without side effects, what to do about a requirement. */
export function decide(requirement: Requirement): Decision {
  const { what, missing, enable, required } = requirement;
  if (missing === undefined) return { action: 'run' };
  if (required) return { action: 'fail', message: `${what} is required here (CI) but cannot run: ${missing}; ${enable}` };
  return { action: 'skip', line: `${what}: ${missing}; to run it, ${enable}` };
}

/**
 * Registers what a test file does about a requirement and returns whether its tests may run.
 * When missing, it registers one test in their place: skipped with a note that the summary
 * reporter prints as one line, or, when required, failing with the same explanation.
 * Use the result with `describe.runIf(...)`, and guard file-level hooks with it.
 */
export function gate(requirement: Requirement): boolean {
  const decision = decide(requirement);
  if (decision.action === 'skip') it(requirement.what, (context) => context.skip(decision.line));
  if (decision.action === 'fail') {
    it(requirement.what, () => {
      throw new Error(decision.message);
    });
  }
  return decision.action === 'run';
}

/** The browser requirement of the playground's browser tests, with the browser found (if any). */
export function browserRequirement(env: Env = process.env): Requirement & { path: string | undefined } {
  const path = findChromium(env);
  return {
    what: 'the playground in Chromium',
    missing: path === undefined ? `no executable Chromium at ${chromiumCandidates(env).join(', ') || '(no candidates)'}` : undefined,
    enable: ENABLE_BROWSER,
    required: isRequired(env, 'FOOTNOTE_REQUIRE_BROWSER'),
    path,
  };
}

/** The requirement of tests over files of the shared evaluation data (`../shared`). */
export function sharedRequirement(what: string, paths: readonly string[], env: Env = process.env): Requirement {
  const absent = paths.filter((path) => !exists(path));
  return {
    what,
    missing: absent.length === 0 ? undefined : `missing ${absent.join(', ')}`,
    enable: 'put the shared evaluation data in ../shared beside the checkout or set FOOTNOTE_SHARED_DIR',
    required: isRequired(env),
  };
}

/** The requirement of tests that serve repositories over HTTP with `git http-backend`. */
export function gitHttpBackendRequirement(what: string, env: Env = process.env): Requirement {
  return {
    what,
    missing: gitHttpBackendMissing(),
    enable: "install git with its http-backend (Debian's git package has it)",
    required: isRequired(env),
  };
}

/** The requirement of tests that ask the real OpenSSH client what it would do (`ssh -G`, OpenSSH 6.8+), without connecting. */
export function openSshRequirement(what: string, env: Env = process.env): Requirement {
  const probe = spawnSync('ssh', ['-G', '-F', '/dev/null', 'localhost'], { encoding: 'utf8' });
  return {
    what,
    missing: probe.error !== undefined ? 'ssh is not installed' : probe.status !== 0 ? `ssh -G failed: ${probe.stderr.trim()}` : undefined,
    enable: "install OpenSSH's client 6.8 or newer (Debian's openssh-client)",
    required: isRequired(env),
  };
}

/** Why `git http-backend` cannot run here, or undefined when it can. */
function gitHttpBackendMissing(): string | undefined {
  let execPath: string;
  try {
    execPath = execFileSync('git', ['--exec-path'], { encoding: 'utf8' }).trim();
  } catch {
    return 'git is not installed';
  }
  return isExecutableFile(join(execPath, 'git-http-backend')) ? undefined : `no git-http-backend in ${execPath}`;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
