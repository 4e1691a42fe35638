import { parseGitRemote } from '../../src/ingest/git-remote.js';

/**
 * The host git would connect to for `remote`, as ingestion reads it (undefined for a local
 * remote): how the tests state what `parseGitRemote` makes of an address in one value.
 *
 * @example remoteHost('git@github.com:acme/docs.git') // 'github.com'
 */
export function remoteHost(remote: string, platform: NodeJS.Platform = process.platform): string | undefined {
  const parsed = parseGitRemote(remote, platform);
  if (parsed.kind === 'local') return undefined;
  return parsed.kind === 'http' ? parsed.url.hostname : parsed.host;
}
