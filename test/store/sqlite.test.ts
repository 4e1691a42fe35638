import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { MEMORY_DATABASE_URL, openStore } from '../../src/store/open-store.js';
import { sqliteBackend } from '../helpers/store-backends.js';
import { describeStoreContract } from './contract.js';

describeStoreContract('sqlite file', sqliteBackend);

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

  it('given several processes opening one new file at once (shards), when they start, then the migrations run once and all share one salt', async () => {
    // given
    const database = await sqliteBackend.fresh();
    try {
      // when
      const outputs = await Promise.all([1, 2, 3].map(() => run(OPEN_AND_HASH, database.url)));
      // then
      expect(new Set(outputs.map((o) => o.trim())).size).toBe(1);
      expect(outputs[0]!.trim()).toMatch(/^[0-9a-f]{64}$/);
      const store = await database.open();
      expect(await store.gaps('g', 0)).toHaveLength(3);
      await store.close();
    } finally {
      await database.remove();
    }
  }, 60_000);
});

const OPEN_AND_HASH = join(import.meta.dirname, 'fixtures', 'open-and-hash.ts');

/** Runs a fixture script with tsx; resolves with its stdout, rejects when it fails. */
async function run(script: string, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, ...args], { timeout: 50_000 });
  return stdout;
}
