/**
 * Keeps `git fetch` of an http(s) remote on the address ingestion checked. Left alone, git (through
 * libcurl) resolves the host name again itself, and a hostile DNS server could answer that second
 * lookup with 127.0.0.1 or 169.254.169.254 (DNS rebinding); it would also follow a redirect to a
 * host nobody checked. `http.curloptResolve` (curl's `--resolve`) hands curl the checked address
 * for the host and port, and `http.followRedirects=false` refuses every redirect.
 */
import { isIP } from 'node:net';
import { IngestError } from './errors.js';
import { requireGitVersion, type GitVersion } from './git-version.js';
import type { ResolvedAddress } from './safe-fetch.js';

/** The first git that honours `http.curloptResolve`; older ones ignore it without a word. */
export const PINNING_GIT_VERSION: GitVersion = { major: 2, minor: 37 };

const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443' };
// The curl error git prints for a redirect it was told not to follow ("returned error: 302"),
// or, mid-fetch, "RPC failed; HTTP 302".
const REFUSED_REDIRECT = /(?:returned error:|HTTP) (30[12378])\b/;

/**
 * Whether fetching `url` needs the connection pinned: only a host name is looked up again;
 * an IP literal is connected to as written.
 *
 * @example needsPinning(new URL('https://docs.example.org/handbook.git')) // true
 * @example needsPinning(new URL('http://[2001:db8::1]/handbook.git')) // false
 */
export function needsPinning(url: URL): boolean {
  return isIP(url.hostname.replace(/^\[|\]$/g, '')) === 0;
}

/**
 * The `git -c` settings (`key=value`) for fetching an http(s) `url` from the checked `address`:
 * git inherits no other resolve entries, connects for the URL's host and port (80/443 by default)
 * to `address` only, and follows no redirect.
 *
 * @example
 * pinnedHttpConfig(new URL('https://docs.example.org/handbook.git'), { address: '2001:db8::1', family: 6 })
 * // ['http.followRedirects=false', 'http.curloptResolve=', 'http.curloptResolve=docs.example.org:443:[2001:db8::1]']
 */
export function pinnedHttpConfig(url: URL, address: ResolvedAddress): string[] {
  const noRedirects = 'http.followRedirects=false';
  if (!needsPinning(url)) return [noRedirects];
  const port = url.port === '' ? DEFAULT_PORTS[url.protocol] : url.port;
  if (port === undefined) throw new IngestError(`refused: ${url.protocol} is not an http(s) remote`);
  const pinned = address.family === 6 ? `[${address.address}]` : address.address;
  // curl may or may not drop a trailing dot before it looks the name up; both spellings are pinned.
  const names = new Set([url.hostname, url.hostname.replace(/\.$/, '')]);
  // An empty value first: entries from the user's or system's git config never take part.
  return [noRedirects, 'http.curloptResolve=', ...[...names].map((name) => `http.curloptResolve=${name}:${port}:${pinned}`)];
}

/**
 * Refuses, naming the git needed, when `version` cannot pin a connection (unknown counts as too old).
 *
 * @example requirePinningGit({ major: 2, minor: 36 }) // throws 'refused: … needs git 2.37 or newer (this is git 2.36) …'
 */
export function requirePinningGit(version: GitVersion | undefined): void {
  requireGitVersion(version, PINNING_GIT_VERSION, 'over http(s)', 'connects to the address checked instead of looking the name up again');
}

/**
 * The error to report when git failed because the remote redirected (and redirects are refused);
 * undefined for any other failure.
 *
 * @example redirectRefusal(new IngestError("git fetch: fatal: unable to access '…': The requested URL returned error: 301"))?.message
 * // 'refused: the repository redirected (HTTP 301), and git remotes do not follow redirects; use its final address as the source'
 */
export function redirectRefusal(error: unknown): IngestError | undefined {
  if (!(error instanceof IngestError)) return undefined;
  const status = REFUSED_REDIRECT.exec(error.message)?.[1];
  if (status === undefined) return undefined;
  return new IngestError(`refused: the repository redirected (HTTP ${status}), and git remotes do not follow redirects; use its final address as the source`);
}
