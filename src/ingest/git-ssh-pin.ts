/**
 * Keeps `git fetch` of an ssh remote on the address ingestion checked. Left alone, ssh resolves
 * the host name again itself, and a hostile DNS server could answer that second lookup with an
 * internal address (DNS rebinding). git runs `GIT_SSH_COMMAND` from its environment (which wins
 * over `core.sshCommand`) through a shell, with its own arguments after it; OpenSSH takes the first
 * value it finds for each option, and `-o` options on the command line come before
 * `~/.ssh/config` and `/etc/ssh/ssh_config`. So the command sets:
 * - `HostName=<checked address>`: ssh connects there and looks nothing up.
 * - `HostKeyAlias=<host as written>`: the server's key is still checked against known_hosts under
 *   the name ssh would have used (`[host]:port` for a port other than 22), not under the address.
 * - `CheckHostIP=no`: the "host IP" check would compare the address with itself, and older
 *   OpenSSH (before 8.5, where it was on by default) would write the address into known_hosts.
 * - `ProxyCommand=none`: no proxy, as for every other ingestion request (it also turns off a
 *   `ProxyJump` from the configuration, which OpenSSH ignores once a ProxyCommand is set).
 */
import { isIP } from 'node:net';
import { IngestError } from './errors.js';
import type { ResolvedAddress } from './safe-fetch.js';

/** The port ssh uses unless told otherwise, and leaves out of known_hosts names. */
const SSH_DEFAULT_PORT = 22;
// Letters, digits, `-`, `.` and `_` (common on intranets): nothing a shell or ssh reads specially.
const HOST_NAME = /^[A-Za-z0-9._-]+$/;

/**
 * The environment variables that make git's ssh connect for `host` (and `port`, as git passes it
 * with `-p`) to the checked `address` only. Refuses a host with characters no host name has.
 *
 * @example
 * pinnedSshEnvironment('github.com', undefined, { address: '140.82.121.4', family: 4 })
 * // { GIT_SSH_COMMAND: "ssh -o 'HostName=140.82.121.4' -o 'HostKeyAlias=github.com' -o 'CheckHostIP=no' -o 'ProxyCommand=none'" }
 */
export function pinnedSshEnvironment(host: string, port: string | undefined, address: ResolvedAddress): { GIT_SSH_COMMAND: string } {
  if (isIP(host) === 0 && !HOST_NAME.test(host)) throw new IngestError(`refused: the ssh host ${JSON.stringify(host)} has characters a host name cannot have`);
  const options = [`HostName=${address.address}`, `HostKeyAlias=${knownHostsName(host, port)}`, 'CheckHostIP=no', 'ProxyCommand=none'];
  return { GIT_SSH_COMMAND: ['ssh', ...options.flatMap((option) => ['-o', shellQuoted(option)])].join(' ') };
}

/** The name ssh records a host's key under in known_hosts: lower case, `[host]:port` off port 22. */
function knownHostsName(host: string, port: string | undefined): string {
  const name = host.toLowerCase();
  const number = port === undefined ? SSH_DEFAULT_PORT : Number.parseInt(port.trim(), 10);
  return number === SSH_DEFAULT_PORT ? name : `[${name}]:${number}`;
}

/** `text` as one shell word; the checked host and address never need it, but nothing is left to chance. */
function shellQuoted(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
