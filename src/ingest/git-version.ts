/**
 * The version of the system `git`, read once per process: some safety settings are silently
 * ignored by older versions, so ingestion has to know which git it runs before relying on them.
 */
import { IngestError } from './errors.js';
import { runGit } from './git.js';

/** A git release, as far as feature checks need it. */
export interface GitVersion {
  readonly major: number;
  readonly minor: number;
}

/**
 * The version in `git --version` output; undefined when it does not say.
 *
 * @example parseGitVersion('git version 2.39.3 (Apple Git-146)') // { major: 2, minor: 39 }
 */
export function parseGitVersion(output: string): GitVersion | undefined {
  const match = /^git version (\d+)\.(\d+)/.exec(output.trim());
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/**
 * Whether `version` is `required` or newer.
 *
 * @example isAtLeast({ major: 2, minor: 39 }, { major: 2, minor: 37 }) // true
 */
export function isAtLeast(version: GitVersion, required: GitVersion): boolean {
  return version.major !== required.major ? version.major > required.major : version.minor >= required.minor;
}

/**
 * Formats a version as git prints it.
 *
 * @example formatGitVersion({ major: 2, minor: 37 }) // '2.37'
 */
export function formatGitVersion(version: GitVersion): string {
  return `${version.major}.${version.minor}`;
}

/** The first git that honours `GIT_CONFIG_GLOBAL` (see git-env.ts); older ones read `~/.gitconfig` whatever it says. */
export const ISOLATING_GIT_VERSION: GitVersion = { major: 2, minor: 32 };

/**
 * Refuses, naming the git needed, when `version` would still read the user's git configuration
 * (unknown counts as too old): a remote over the network is not fetched with settings ingestion did not choose.
 *
 * @example requireIsolatingGit({ major: 2, minor: 31 }) // throws 'refused: … needs git 2.32 or newer (this is git 2.31) …'
 */
export function requireIsolatingGit(version: GitVersion | undefined): void {
  requireGitVersion(version, ISOLATING_GIT_VERSION, 'over the network', "can be told to leave the user's and the system's git configuration out");
}

/**
 * Refuses a fetch `over` some transport, naming the git `needed` and what it `does` that older
 * ones do not, when `version` is older (unknown counts as too old).
 *
 * @example requireGitVersion({ major: 2, minor: 36 }, { major: 2, minor: 37 }, 'over http(s)', 'pins the address') // throws 'refused: fetching a git repository over http(s) safely needs git 2.37 or newer (this is git 2.36), which pins the address'
 */
export function requireGitVersion(version: GitVersion | undefined, needed: GitVersion, over: string, does: string): void {
  if (version !== undefined && isAtLeast(version, needed)) return;
  const found = version === undefined ? 'its version is unknown' : `this is git ${formatGitVersion(version)}`;
  throw new IngestError(`refused: fetching a git repository ${over} safely needs git ${formatGitVersion(needed)} or newer (${found}), which ${does}`);
}

// A fact about this machine, not configuration: one `git --version` serves the whole process.
// A failed probe is forgotten, so the next sync asks again.
let systemVersion: Promise<GitVersion | undefined> | undefined;

/**
 * The version of the `git` on the PATH (undefined if its output names none), probed on first use.
 *
 * @example const version = await systemGitVersion(); // { major: 2, minor: 39 }
 */
export function systemGitVersion(): Promise<GitVersion | undefined> {
  systemVersion ??= runGit(['--version']).then(
    (output) => parseGitVersion(output.toString('utf8')),
    (error: unknown) => {
      systemVersion = undefined;
      throw error;
    },
  );
  return systemVersion;
}
