/**
 * What a git remote address means, read the way git itself reads it, so that the host ingestion
 * checks is the host git connects to. git's rules (transport.c, connect.c) are stranger than a URL
 * parser's: `host:path` with no user is an ssh remote, `[host:port]` and `user@[host]` are too,
 * `ssh://` hosts are percent-decoded, and ssh is handed `user@host` (it takes the host after the
 * last `@`). Whatever git would fetch over the network yields a host here, or is refused.
 */
import { IngestError } from './errors.js';

/** How git reaches a remote. */
export type GitRemote =
  /** A path or a `file://` URL: nothing leaves the machine. */
  | { readonly kind: 'local' }
  /** An http(s) URL (git is given this URL, as parsed here). */
  | { readonly kind: 'http'; readonly url: URL }
  /**
   * `ssh://…` or scp-style `[user@]host:path`: `host` is the one ssh is asked to connect to,
   * `port` what git passes ssh as `-p` (as written, e.g. `2222`), when the remote names one.
   */
  | { readonly kind: 'ssh'; readonly host: string; readonly port?: string };

/** The refusal of git's `<transport>::<address>` syntax, which runs a remote helper with no host of its own to check. */
export const REMOTE_HELPER_REFUSAL = 'git remote-helper addresses (transport::address) are not supported; use the https://, ssh:// or git@host: address';

// git's is_url(): a scheme of URL characters followed by `://`.
const URL_SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
const SSH_SCHEMES: ReadonlySet<string> = new Set(['ssh', 'git+ssh', 'ssh+git']);
const HTTP_SCHEMES: ReadonlySet<string> = new Set(['http', 'https']);
// A Windows drive (`C:\docs`, `C:/docs`), which git for Windows takes as a local path.
const WINDOWS_DRIVE = /^[A-Za-z]:/;
// strtol() as git's get_port() uses it: C white space, a sign, digits, and nothing after.
const PORT = /^[ \t\n\v\f\r]*[+-]?[0-9]+$/;
const PORT_MAX = 65_535;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Reads a git remote the way git does. Refuses (IngestError) the remote-helper syntax
 * (`transport::address`, anything with `::` before its first `/`), URL schemes other than
 * http(s), ssh and file, and remotes whose host cannot be read.
 *
 * `platform` decides whether `C:…` is a Windows drive (local) or an ssh host named `C`.
 *
 * @example parseGitRemote('10.0.0.1:docs.git') // { kind: 'ssh', host: '10.0.0.1' }
 * @example parseGitRemote('ssh://git@docs.example.org:2222/docs.git') // { kind: 'ssh', host: 'docs.example.org', port: '2222' }
 * @example parseGitRemote('https://github.com/acme/docs.git').kind // 'http'
 * @example parseGitRemote('file:///srv/docs.git') // { kind: 'local' }
 */
export function parseGitRemote(remote: string, platform: NodeJS.Platform = process.platform): GitRemote {
  if (isRemoteHelperAddress(remote)) throw new IngestError(REMOTE_HELPER_REFUSAL);
  const scheme = URL_SCHEME.exec(remote)?.[1];
  if (scheme !== undefined) return urlRemote(remote, scheme);
  // git's url_is_local_not_ssh(): a path unless a `:` comes before any `/`.
  const colon = remote.indexOf(':');
  const slash = remote.indexOf('/');
  if (colon === -1 || (slash !== -1 && slash < colon)) return { kind: 'local' };
  if (platform === 'win32' && WINDOWS_DRIVE.test(remote)) return { kind: 'local' };
  return sshRemote(remote, scpHostAndPort(remote));
}

/** Whether `remote` uses `<transport>::<address>`; wider than git's own test (URL characters, then `::`) on purpose. */
function isRemoteHelperAddress(remote: string): boolean {
  const slash = remote.indexOf('/');
  return (slash === -1 ? remote : remote.slice(0, slash)).includes('::');
}

function urlRemote(remote: string, scheme: string): GitRemote {
  if (scheme === 'file') return { kind: 'local' };
  if (HTTP_SCHEMES.has(scheme)) {
    // git hands curl the URL as parsed here; one git cannot read the same way is refused.
    if (!URL.canParse(remote)) throw new IngestError(`refused: ${remote} is not a valid http(s) URL`);
    return { kind: 'http', url: new URL(remote) };
  }
  // git's scheme names are case-sensitive: `SSH://` is an unknown transport to it, as here.
  if (!SSH_SCHEMES.has(scheme)) throw new IngestError(`refused: git remotes over ${scheme}:// are not supported; use the https://, ssh:// or git@host: address`);
  const address = percentDecoded(remote.slice(scheme.length + '://'.length));
  const bracket = bracketedHost(address);
  const slash = address.indexOf('/', bracket?.close ?? 0);
  return sshRemote(remote, slash === -1 ? address : address.slice(0, slash));
}

/** The checked form of an ssh remote: the host ssh connects to, which must not be empty, and its port. */
function sshRemote(remote: string, hostAndPort: string): GitRemote {
  const { destination, port } = sshDestination(hostAndPort);
  const host = destination.slice(destination.lastIndexOf('@') + 1);
  if (host === '') throw new IngestError(`refused: the git remote ${remote} names no host`);
  // git decodes `%C3%A9` to bytes, this module to characters: past ASCII the two could name different hosts.
  if (NON_ASCII.test(host)) throw new IngestError(`refused: the git remote ${remote} names a host that is not plain ASCII`);
  return port === undefined ? { kind: 'ssh', host } : { kind: 'ssh', host, port };
}

/** Where git (host_end) sees a bracketed host: `[…]` at the start, or after the first `@[` anywhere. */
function bracketedHost(text: string): { readonly open: number; readonly close: number } | undefined {
  const at = text.indexOf('@[');
  const open = at === -1 ? 0 : at + 1;
  const close = text.indexOf(']', open + 1);
  return text[open] === '[' && close !== -1 ? { open, close } : undefined;
}

/** The `user@host` (and port) part of an scp-style remote: before the first `:`, or the brackets' content. */
function scpHostAndPort(remote: string): string {
  const bracket = bracketedHost(remote);
  // git drops the brackets and whatever stands between `]` and the `:` before the path.
  if (bracket !== undefined) return remote.slice(0, bracket.open) + remote.slice(bracket.open + 1, bracket.close);
  return remote.slice(0, remote.indexOf(':'));
}

/** What git hands ssh as the destination (`user@host`) and as `-p`, the port taken off (get_host_and_port, then get_port). */
function sshDestination(hostAndPort: string): { readonly destination: string; readonly port?: string } {
  const bracket = bracketedHost(hostAndPort);
  let destination = hostAndPort;
  let port: string | undefined;
  if (bracket !== undefined) {
    destination = hostAndPort.slice(0, bracket.open) + hostAndPort.slice(bracket.open + 1, bracket.close);
    const colon = hostAndPort.indexOf(':', bracket.close + 1);
    if (colon !== -1 && isPort(hostAndPort.slice(colon + 1))) port = hostAndPort.slice(colon + 1);
  } else {
    const colon = hostAndPort.indexOf(':');
    const written = colon === -1 ? undefined : hostAndPort.slice(colon + 1);
    if (written !== undefined && isPort(written)) port = written;
    if (port !== undefined || written === '') destination = hostAndPort.slice(0, colon);
  }
  if (port !== undefined) return { destination, port };
  const colon = destination.indexOf(':');
  if (colon === -1 || !isPort(destination.slice(colon + 1))) return { destination };
  return { destination: destination.slice(0, colon), port: destination.slice(colon + 1) };
}

function isPort(text: string): boolean {
  if (!PORT.test(text)) return false;
  const port = Number.parseInt(text, 10);
  return port >= 0 && port <= PORT_MAX;
}

/** git's url_decode(): every `%XX` but `%00` becomes its byte. */
function percentDecoded(text: string): string {
  return text.replace(/%([0-9a-fA-F]{2})/g, (escape, hex: string) => (hex === '00' ? escape : String.fromCharCode(Number.parseInt(hex, 16))));
}
