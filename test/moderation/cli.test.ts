/**
 * `npm run gaps` and the tag check of `npm run validate-knowledge`, as real programs over a
 * SQLite file written through the store.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressOf, contentHash } from '../../src/moderation/address.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { openStore } from '../../src/store/open-store.js';
import { ensureBuilt } from '../helpers/cli.js';
import { REPO_ROOT, SHIPPED_KNOWLEDGE } from '../helpers/knowledge.js';

let folder: string;
let databaseUrl: string;
const GUILD = '111111111111111111';
beforeAll(async () => {
  ensureBuilt();
  folder = await mkdtemp(join(tmpdir(), 'footnote-gaps-'));
  databaseUrl = `sqlite:${join(folder, 'footnote.db')}`;
  const store = await openStore(databaseUrl);
  const knowledge = await loadKnowledge(SHIPPED_KNOWLEDGE);
  const now = Date.now();
  const gap = { guildId: GUILD, channelId: '2', kind: 'abstained' as const, nearestSection: 'Foreign interference › Background', at: now - 1000 };
  await store.recordGap({ ...gap, question: 'How do I vote by mail?', missingTerms: ['mail'] });
  await store.recordGap({ ...gap, question: '=HYPERLINK("http://x") mail ballots?', missingTerms: ['mail', 'ballots'], at: now });
  await store.recordGap({ ...gap, question: 'Who won the Super Bowl?', missingTerms: ['super', 'bowl'], kind: 'downvoted' });
  await store.createTag({ guildId: GUILD, name: 'intro', address: addressOf(knowledge, knowledge.passages[0]!), createdByHash: 'h', createdAt: now });
  const gone = { passageId: 'gone:0000000000', documentPath: 'nowhere.md', section: '', paragraph: 1, contentHash: contentHash('x') };
  await store.createTag({ guildId: GUILD, name: 'lost', address: gone, createdByHash: 'h', createdAt: now });
  await store.close();
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, [join(REPO_ROOT, 'dist', script), ...args], { cwd: folder, encoding: 'utf8', env: { ...process.env, DATABASE_URL: databaseUrl } });

describe('npm run gaps', () => {
  it('given gap records, when exported as JSON, then they are grouped by the missing word with counts and examples', () => {
    const result = run('src/cli/gaps.js', ['--json', '--days', '7']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { days: number; guilds: { guildId: string; groups: { words: string[]; count: number; examples: string[] }[] }[] };
    expect(report.days).toBe(7);
    expect(report.guilds[0]?.guildId).toBe(GUILD);
    expect(report.guilds[0]?.groups.map((g) => [g.words[0], g.count])).toEqual([['mail', 2], ['super', 1]]);
    expect(report.guilds[0]?.groups[0]?.examples).toEqual(['=HYPERLINK("http://x") mail ballots?', 'How do I vote by mail?']);
  });

  it('given a question that looks like a formula, when exported as CSV, then the cell is quoted and defused', () => {
    const result = run('src/cli/gaps.js', ['--csv']);
    expect(result.status).toBe(0);
    const [header, first] = result.stdout.split('\n');
    expect(header).toBe('guild_id,group_key,words,nearest_section,count,abstained,downvoted,first_at,last_at,examples,votes_up,votes_down');
    expect(first).toContain(`"'=HYPERLINK(""http://x"") mail ballots? | How do I vote by mail?"`);
  });

  it('given both --json and --csv, then it is a usage error', () => {
    expect(run('src/cli/gaps.js', ['--json', '--csv'])).toMatchObject({ status: 2, stderr: 'choose one of --json and --csv\n' });
  });
});

describe('validate-knowledge with a database', () => {
  it('given a tag whose paragraph is gone, then it is listed as an error and the check fails', () => {
    const result = run('scripts/validate-knowledge.js', [SHIPPED_KNOWLEDGE]);
    expect(result.stderr).toContain(`error: tag "lost" (server ${GUILD}): its paragraph nowhere.md › (top) ¶1 was removed from the sources`);
    expect(result.stderr).not.toContain('"intro"');
    expect(result.stdout).toContain('tags: 2 tags checked, 1 error');
    expect(result.status).toBe(1);
  });
});
