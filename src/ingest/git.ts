/**
 * The system `git`, run without a shell, with dangerous transports off and no prompts.
 */
import { execFile } from 'node:child_process';
import { IngestError } from './errors.js';
import { GIT_TIMEOUT_MS } from './limits.js';

/** Largest output read from one git command (a docs folder's blobs are far smaller). */
const GIT_MAX_BUFFER = 64 * 1024 * 1024;
// `ext::` would run a command and is never allowed; only these transports are.
const SAFE_TRANSPORTS = ['-c', 'protocol.allow=never', '-c', 'protocol.https.allow=always', '-c', 'protocol.http.allow=always', '-c', 'protocol.ssh.allow=always', '-c', 'protocol.file.allow=always'];

/**
 * Runs `git ARGS` and resolves with its stdout (as a Buffer); a failure becomes an IngestError with git's own message.
 * `config` settings (`key=value`) are passed as `-c` to this command only; the safety settings above win over them.
 *
 * @example (await runGit(['-C', dir, 'rev-parse', 'FETCH_HEAD'])).toString().trim()
 */
export function runGit(args: readonly string[], signal?: AbortSignal, config: readonly string[] = []): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [...config.flatMap((setting) => ['-c', setting]), ...SAFE_TRANSPORTS, '-c', 'core.askPass=', '-c', 'credential.helper=', ...args],
      {
        encoding: 'buffer',
        maxBuffer: GIT_MAX_BUFFER,
        timeout: GIT_TIMEOUT_MS,
        ...(signal === undefined ? {} : { signal }),
        // Not configuration: the child inherits the environment, plus "never ask for a password".
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: 'true', SSH_ASKPASS: 'true' },
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
