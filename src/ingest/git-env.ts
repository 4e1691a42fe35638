/**
 * The environment ingestion runs git in. Left alone, git takes part of its behaviour from the
 * machine: `~/.gitconfig` and `/etc/gitconfig` (where `url.<base>.insteadOf` sends a checked URL
 * to another host, a URL-specific `http.<url>.followRedirects=true` beats the generic `false`
 * ingestion passes, `http.proxy` or `core.sshCommand` route the connection elsewhere) and git's
 * own variables (`GIT_CONFIG_PARAMETERS` and `GIT_CONFIG_COUNT` add settings, `GIT_SSH_COMMAND`
 * replaces ssh, `GIT_DIR` picks another repository, `GIT_ALLOW_PROTOCOL` overrides the allowed
 * transports). None of that takes part here: git sees only the settings ingestion gives it.
 * `GIT_CONFIG_GLOBAL` needs git 2.32 (see `requireIsolatingGit`); older ones read `~/.gitconfig` anyway.
 *
 * No proxy either: libcurl takes one from `http_proxy`, `HTTPS_PROXY`, `ALL_PROXY` and the like,
 * and a proxy looks the host name up again itself, so the address ingestion checked and pinned
 * would mean nothing. Ingestion over plain HTTP (safe-fetch.ts) never uses a proxy; git does not either.
 */
import { devNull } from 'node:os';

// git's variables that only say which certificates to trust: they cannot send git anywhere else,
// and an intranet with its own certificate authority needs them.
const KEPT_GIT_VARIABLES: ReadonlySet<string> = new Set(['GIT_SSL_CAINFO', 'GIT_SSL_CAPATH']);
// curl reads `<scheme>_proxy`, `ALL_PROXY` and `NO_PROXY` in either case.
const PROXY_VARIABLE = /_proxy$/i;

/**
 * The environment for a git command: `inherited` (PATH, HOME, SSH_AUTH_SOCK, locale…) without
 * git's own variables (`GIT_*`, but the certificate ones) or proxy variables, with the system and
 * user configuration files ignored, no proxy for any host, and no prompt for a password; `extra`
 * (e.g. `GIT_SSH_COMMAND`) goes on top.
 *
 * @example gitEnvironment({ PATH: '/usr/bin', GIT_DIR: '/elsewhere', https_proxy: 'http://proxy:3128' }) // { PATH: '/usr/bin', NO_PROXY: '*', … }
 */
export function gitEnvironment(inherited: NodeJS.ProcessEnv, extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(inherited)) {
    if (name.startsWith('GIT_') && !KEPT_GIT_VARIABLES.has(name)) continue;
    if (PROXY_VARIABLE.test(name)) continue;
    environment[name] = value;
  }
  return {
    ...environment,
    // Nothing is left to name a proxy; should anything still do so, no host goes through it.
    NO_PROXY: '*',
    no_proxy: '*',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: devNull,
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: 'true',
    SSH_ASKPASS: 'true',
    ...extra,
  };
}
