/**
 * The environment ingestion runs git in. Left alone, git takes part of its behaviour from the
 * machine: `~/.gitconfig` and `/etc/gitconfig` (where `url.<base>.insteadOf` sends a checked URL
 * to another host, a URL-specific `http.<url>.followRedirects=true` beats the generic `false`
 * ingestion passes, `http.proxy` or `core.sshCommand` route the connection elsewhere) and git's
 * own variables (`GIT_CONFIG_PARAMETERS` and `GIT_CONFIG_COUNT` add settings, `GIT_SSH_COMMAND`
 * replaces ssh, `GIT_DIR` picks another repository, `GIT_ALLOW_PROTOCOL` overrides the allowed
 * transports). None of that takes part here: git sees only the settings ingestion gives it.
 * `GIT_CONFIG_GLOBAL` needs git 2.32 (see `requireIsolatingGit`); older ones read `~/.gitconfig` anyway.
 */
import { devNull } from 'node:os';

// git's variables that only say which certificates to trust: they cannot send git anywhere else,
// and an intranet with its own certificate authority needs them.
const KEPT_GIT_VARIABLES: ReadonlySet<string> = new Set(['GIT_SSL_CAINFO', 'GIT_SSL_CAPATH']);

/**
 * The environment for a git command: `inherited` (PATH, HOME, SSH_AUTH_SOCK, locale…) without
 * git's own variables (`GIT_*`, but the certificate ones), with the system and user configuration
 * files ignored and no prompt for a password; `extra` (e.g. `GIT_SSH_COMMAND`) goes on top.
 *
 * @example gitEnvironment({ PATH: '/usr/bin', GIT_DIR: '/elsewhere' }).GIT_DIR // undefined
 */
export function gitEnvironment(inherited: NodeJS.ProcessEnv, extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(inherited)) {
    if (name.startsWith('GIT_') && !KEPT_GIT_VARIABLES.has(name)) continue;
    environment[name] = value;
  }
  return {
    ...environment,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: devNull,
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: 'true',
    SSH_ASKPASS: 'true',
    ...extra,
  };
}
