/**
 * The system `git`, run without a shell, with dangerous transports off, no prompts, and none of
 * the machine's git configuration (see git-env.ts).
 */
import { execFile } from 'node:child_process';
import { IngestError } from './errors.js';
import { gitEnvironment } from './git-env.js';
import { GIT_TIMEOUT_MS } from './limits.js';

/** Largest output read from one git command (a docs folder's blobs are far smaller). */
const GIT_MAX_BUFFER = 64 * 1024 * 1024;
// `ext::` would run a command and is never allowed; only these transports are.
const SAFE_TRANSPORTS = ['-c', 'protocol.allow=never', '-c', 'protocol.https.allow=always', '-c', 'protocol.http.allow=always', '-c', 'protocol.ssh.allow=always', '-c', 'protocol.file.allow=always'];

/** What one git command is given beyond its arguments. */
export interface GitSettings {
  /** `key=value` settings, passed as `-c`; the safety settings above win over them. */
  readonly config?: readonly string[];
  /** Environment variables on top of the isolated environment (e.g. `GIT_SSH_COMMAND`). */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Runs `git ARGS` and resolves with its stdout (as a Buffer); a failure becomes an IngestError with git's own message.
 * `settings` apply to this command only.
 *
 * @example (await runGit(['-C', dir, 'rev-parse', 'FETCH_HEAD'])).toString().trim()
 */
export function runGit(args: readonly string[], signal?: AbortSignal, settings: GitSettings = {}): Promise<Buffer> {
  const config = settings.config ?? [];
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [...config.flatMap((setting) => ['-c', setting]), ...SAFE_TRANSPORTS, '-c', 'core.askPass=', '-c', 'credential.helper=', ...args],
      {
        encoding: 'buffer',
        maxBuffer: GIT_MAX_BUFFER,
        timeout: GIT_TIMEOUT_MS,
        ...(signal === undefined ? {} : { signal }),
        // Not configuration: the child inherits PATH, HOME and the like, without git's own variables.
        env: gitEnvironment(process.env, settings.env),
      },
      (error, stdout, stderr) => {
        if (error) {
          const message = stderr.toString('utf8').trim().split('\n').slice(-2).join(' ') || error.message;
          reject(new IngestError(`git ${args.find((a) => !a.startsWith('-') && !a.includes('/')) ?? ''}: ${message}`));
        } else resolve(stdout);
      },
    );
  });
}
