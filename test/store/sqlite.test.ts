import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEMORY_DATABASE_URL, openStore } from '../../src/store/open-store.js';
import { describeStoreContract, type FreshDatabase } from './contract.js';

/** A database file in a new temp folder (a subfolder, to check it is created). */
async function freshSqliteFile(): Promise<FreshDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'footnote-store-'));
  const url = `sqlite:${join(dir, 'data', 'footnote.db')}`;
  return { open: () => openStore(url), remove: () => rm(dir, { recursive: true, force: true }) };
}

describeStoreContract('sqlite file', { fresh: freshSqliteFile });

describe('sqlite in memory', () => {
  it('given sqlite::memory:, when opened twice, then each is its own empty database', async () => {
    // given
    const one = await openStore(MEMORY_DATABASE_URL);
    const two = await openStore(MEMORY_DATABASE_URL);
    // when
    await one.createTag({ guildId: 'g', name: 'x', address: { passageId: 'p', documentPath: 'a.md', section: 'A', paragraph: 1, contentHash: 'h' }, createdByHash: 'u', createdAt: 1 });
    // then
    expect(one.kind).toBe('sqlite');
    expect(await one.allTags()).toHaveLength(1);
    expect(await two.allTags()).toHaveLength(0);
    await one.close();
    await two.close();
  });
});
