/**
 * /sources dates (issue 14 item 10): when the text was fetched (front matter), else its last git
 * commit, else the file's time.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { lastCommitTimes, parseGitLog, summarizeDocuments } from '../../src/answer/documents.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { removeScratch, writeKnowledge } from '../helpers/knowledge.js';

afterAll(removeScratch);

describe('document dates', () => {
  it('given fetched_at and revision in front matter, then the document says when it was fetched', async () => {
    const root = await writeKnowledge({ 'a.md': '---\ntitle: A\nfetched_at: 2024-11-05T10:00:00Z\nrevision: "1254"\n---\nText.\n' });
    const [a] = summarizeDocuments(await loadKnowledge(root), { commits: new Map([['a.md', 1]]) });
    expect(a?.date).toEqual({ kind: 'fetched', ms: Date.parse('2024-11-05T10:00:00Z'), revision: '1254' });
  });

  it('given no front matter date, then the last commit wins over the file time', async () => {
    const root = await writeKnowledge({ 'a.md': '# A\n\nText.\n', 'b.md': '# B\n\nText.\n' });
    const [a, b] = summarizeDocuments(await loadKnowledge(root), { commits: new Map([['a.md', 1_700_000_000_000]]) });
    expect(a?.date).toEqual({ kind: 'committed', ms: 1_700_000_000_000 });
    expect(b?.date.kind).toBe('file');
  });

  it('given git log output, then each file gets its newest commit', () => {
    expect(parseGitLog('\0 1700000200\n\nb.md\n\0 1700000100\n\na.md\nb.md\n')).toEqual(new Map([['b.md', 1_700_000_200_000], ['a.md', 1_700_000_100_000]]));
  });

  it('given a knowledge folder in a git repository, then its files are dated by their last commit; outside one, by nothing', async () => {
    const root = await writeKnowledge({ 'a.md': '# A\n\nText.\n' });
    expect(await lastCommitTimes(root)).toEqual(new Map());
    const git = (...args: string[]): string => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', env: { ...process.env, GIT_COMMITTER_DATE: '2024-01-02T03:04:05Z', GIT_AUTHOR_DATE: '2024-01-02T03:04:05Z' } });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'knowledge');
    expect(await lastCommitTimes(root)).toEqual(new Map([['a.md', Date.parse('2024-01-02T03:04:05Z')]]));
  });
});
