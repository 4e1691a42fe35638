/**
 * A git repository (`https://…`, `file://…`, `git@host:owner/repo.git`): fetched shallowly into
 * a bare working copy, its Markdown files under `path` taken from the fetched commit. Each file is
 * pinned to the commit (`revision`), with a blob permalink for GitHub- and GitLab-style remotes.
 */
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { splitFrontMatter } from '../../knowledge/front-matter.js';
import { IngestError } from '../errors.js';
import { runGit, type GitSettings } from '../git.js';
import { needsPinning, pinnedHttpConfig, redirectRefusal, requirePinningGit } from '../git-pin.js';
import { parseGitRemote, type GitRemote } from '../git-remote.js';
import { pinnedSshEnvironment } from '../git-ssh-pin.js';
import { requireIsolatingGit, systemGitVersion } from '../git-version.js';
import { contentHash, renderMarkdown } from '../knowledge-file.js';
import { checkedHostAddress } from '../safe-fetch.js';
import type { Connector, ConnectorContext, ListedItem, SourceSpec } from '../types.js';

const MARKDOWN_FILE = /\.(?:md|markdown)$/i;
const COMMIT = /^[0-9a-f]{40,64}$/;

/**
 * The web address of a repository, for GitHub- and GitLab-style remotes; undefined for others (file://).
 *
 * @example webRepository('git@github.com:acme/docs.git') // { base: 'https://github.com/acme/docs', blob: '/blob/' }
 */
export function webRepository(remote: string): { base: string; blob: string } | undefined {
  const scp = /^git@([^:]+):(.+?)(?:\.git)?\/?$/.exec(remote);
  const https = /^https:\/\/([^/]+)\/(.+?)(?:\.git)?\/?$/.exec(remote);
  const match = scp ?? https;
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  const host = match[1].replace(/^[^@]*@/, '').toLowerCase();
  if (host === 'github.com') return { base: `https://${host}/${match[2]}`, blob: '/blob/' };
  if (/(^|\.)gitlab\./.test(host)) return { base: `https://${host}/${match[2]}`, blob: '/-/blob/' };
  return undefined;
}

/**
 * The blob URL of a file at a commit (or `HEAD`).
 *
 * @example blobUrl({ base: 'https://github.com/acme/docs', blob: '/blob/' }, 'abc123', 'docs/a b.md') // 'https://github.com/acme/docs/blob/abc123/docs/a%20b.md'
 */
export function blobUrl(repository: { base: string; blob: string }, ref: string, path: string): string {
  return `${repository.base}${repository.blob}${ref}/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * The connector of a git source.
 *
 * @example gitConnector({ source: 'https://github.com/acme/docs.git', kind: 'git', path: 'docs/' })
 */
export function gitConnector(spec: SourceSpec): Connector {
  const remote = spec.source;
  if (remote.startsWith('-')) throw new IngestError('not a repository URL');
  // Refuses `transport::address` and any remote whose host cannot be read the way git reads it.
  const parsed = parseGitRemote(remote);
  const folder = (spec.path ?? '').replace(/^\/+|\/+$/g, '');
  const web = webRepository(remote);
  const blobs = new Map<string, string>();
  let commit = '';
  let checkout = '';
  return {
    async list(context) {
      const checked = await checkedRemote(remote, parsed, context);
      checkout = join(context.cacheDir, 'git', contentHash(remote, spec.branch ?? '').slice(0, 16));
      commit = await fetchShallow(checkout, checked, spec.branch, context.signal);
      const listing = await runGit(['-C', checkout, 'ls-tree', '-r', '-z', commit, '--', ...(folder === '' ? [] : [folder])], context.signal);
      const items: ListedItem[] = [];
      for (const record of listing.toString('utf8').split('\0')) {
        const match = /^\d+ blob ([0-9a-f]+)\t(.+)$/s.exec(record);
        if (match?.[1] === undefined || match[2] === undefined || !MARKDOWN_FILE.test(match[2])) continue;
        blobs.set(match[2], match[1]);
        items.push({ key: match[2], url: web === undefined ? `${remote}#${match[2]}` : blobUrl(web, 'HEAD', match[2]), depth: 0 });
      }
      return { items, goneReason: 'deleted from the repository' };
    },
    async fetch(item, previous, context) {
      const blob = blobs.get(item.key);
      if (blob === undefined) return { kind: 'gone', reason: 'deleted from the repository' };
      if (previous?.version === blob) return { kind: 'unchanged' };
      const text = (await runGit(['-C', checkout, 'cat-file', 'blob', blob], context.signal)).toString('utf8');
      const { title, body } = markdownFile(text, item.key);
      const rendered = renderMarkdown(
        {
          title,
          ...(web === undefined ? {} : { source: blobUrl(web, 'HEAD', item.key), permalink: blobUrl(web, commit, item.key) }),
          docId: `${remote}#${item.key}`,
          fetchedAt: context.now().toISOString(),
          revision: commit,
        },
        body,
      );
      const repositoryName = remote.replace(/\.git\/?$/, '').split(/[/:]/).filter(Boolean).pop() ?? 'repo';
      return { kind: 'document', name: `${repositoryName}/${item.key.replace(MARKDOWN_FILE, '')}`, rendered, hash: contentHash(title, body), validators: { version: blob } };
    },
  };
}

/** A remote whose host passed the address policy, and how git must fetch it (`config`, `env`) to stay on the checked address. */
interface CheckedRemote extends GitSettings {
  /** What git is given to fetch. */
  readonly url: string;
}

/**
 * Checks the remote's host against the policy and says how to fetch it:
 * - http(s): git connects to the checked address itself (no second lookup, so no DNS-rebinding
 *   window) and follows no redirect; git is given the URL as parsed here, so the host it connects
 *   for is the host that was checked.
 * - ssh (`ssh://`, scp-style `git@host:owner/repo.git` or `host:repo.git`): ssh is told to connect
 *   to the checked address (`GIT_SSH_COMMAND` with `-o HostName=…`) and to check the host key under
 *   the host's own name, so here too there is no second lookup.
 * - local (`file://`, a path): nothing to check.
 * Over the network, git must be one that leaves the machine's git configuration out (2.32+).
 */
async function checkedRemote(remote: string, parsed: GitRemote, context: ConnectorContext): Promise<CheckedRemote> {
  if (parsed.kind === 'local') return { url: remote };
  if (parsed.kind === 'ssh') {
    const address = await checkedHostAddress(parsed.host, context.policy, context.resolve);
    requireIsolatingGit(await systemGitVersion());
    return { url: remote, env: pinnedSshEnvironment(parsed.host, parsed.port, address) };
  }
  const address = await checkedHostAddress(parsed.url.hostname, context.policy, context.resolve);
  const version = await systemGitVersion();
  requireIsolatingGit(version);
  if (needsPinning(parsed.url)) requirePinningGit(version);
  return { url: parsed.url.href, config: pinnedHttpConfig(parsed.url, address) };
}

/** Fetches the branch's newest commit into a bare repository at `checkout`; returns the commit id. */
async function fetchShallow(checkout: string, remote: CheckedRemote, branch: string | undefined, signal: AbortSignal | undefined): Promise<string> {
  const attempt = async (): Promise<string> => {
    if ((await stat(join(checkout, 'HEAD')).catch(() => undefined)) === undefined) {
      await mkdir(checkout, { recursive: true });
      await runGit(['init', '--bare', '--quiet', checkout], signal);
    }
    await runGit(['-C', checkout, 'fetch', '--depth', '1', '--no-tags', '--quiet', '--', remote.url, branch ?? 'HEAD'], signal, remote).catch((error: unknown) => {
      throw redirectRefusal(error) ?? error;
    });
    const commit = (await runGit(['-C', checkout, 'rev-parse', 'FETCH_HEAD'], signal)).toString('utf8').trim();
    if (!COMMIT.test(commit)) throw new IngestError(`git: unexpected commit id ${commit}`);
    return commit;
  };
  try {
    return await attempt();
  } catch (error) {
    // A working copy left broken by a killed fetch (stale lock files): start it afresh once.
    signal?.throwIfAborted();
    await rm(checkout, { recursive: true, force: true });
    if (error instanceof IngestError && /Could not read from remote|not found|does not appear|^refused:/i.test(error.message)) throw error;
    return attempt();
  }
}

/** A repository Markdown file: front matter dropped (its title kept), title from it, the first H1 or the file name. */
function markdownFile(text: string, path: string): { title: string; body: string } {
  const { frontMatter } = splitFrontMatter(text);
  const body = frontMatter === undefined ? text : text.slice(frontMatter.bodyStart);
  const declared = frontMatter === undefined ? undefined : /^title:\s*["']?(.+?)["']?\s*$/m.exec(frontMatter.yaml)?.[1];
  const heading = /^#\s+(.+?)\s*#*\s*$/m.exec(body)?.[1];
  const fileName = (path.split('/').pop() ?? path).replace(MARKDOWN_FILE, '').replace(/[-_]+/g, ' ');
  return { title: (declared ?? heading ?? fileName).trim(), body };
}
