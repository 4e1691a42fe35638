/**
 * The store's contract on a real PostgreSQL server (a throwaway cluster), plus what only
 * PostgreSQL has: a wrong password, and several processes (shards) sharing one database.
 */
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { StoreError } from '../../src/store/store.js';
import { postgresBackend } from '../helpers/store-backends.js';
import { describeStoreContract } from './contract.js';

const postgres = postgresBackend();

describe.runIf(postgres !== undefined)('PostgreSQL', () => {
  const backend = postgres!;

  describeStoreContract('postgres', backend);

  it('given a wrong password, when opened, then the error says authentication failed and prints no password', async () => {
    // given
    const database = await backend.fresh();
    const url = new URL(database.url);
    const rightPassword = url.password;
    url.password = 'wrong-password-42';
    try {
      // when
      const error = await openStore(url.toString()).then(
        () => undefined,
        (e: unknown) => e,
      );
      // then
      expect(error).toBeInstanceOf(StoreError);
      const message = (error as StoreError).message;
      expect(message).toContain('Cannot connect to the PostgreSQL database');
      expect(message).toContain('password authentication failed');
      expect(message).not.toContain('wrong-password-42');
      expect(message).not.toContain(rightPassword);
    } finally {
      await database.remove();
    }
  });

  it('given several stores opening one new database at once (shards), when they start, then the schema is made once and they share one salt and the data', async () => {
    // given
    const database = await backend.fresh();
    try {
      // when
      const stores = await Promise.all([database.open(), database.open(), database.open()]);
      // then
      expect(new Set(stores.map((s) => s.hashUser('123456789012345678'))).size).toBe(1);
      expect(stores[0]!.kind).toBe('postgres');
      await stores[0]!.recordGap({ guildId: 'g', channelId: 'c', kind: 'abstained', question: 'shared?', missingTerms: [], at: 1 });
      expect((await stores[2]!.gaps('g', 0)).map((g) => g.question)).toEqual(['shared?']);
      for (const store of stores) await store.close();
    } finally {
      await database.remove();
    }
  });
});
