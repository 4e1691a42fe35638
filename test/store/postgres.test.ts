/**
 * The store's contract on a real PostgreSQL server (a throwaway cluster), plus what only
 * PostgreSQL has: a wrong password, and several processes (shards) sharing one database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { StoreError } from '../../src/store/store.js';
import { POSTGRES_REQUIRED, POSTGRES_START_TIMEOUT_MS, postgresBinDir, type PostgresCluster, startPostgres } from '../helpers/postgres.js';
import { describeStoreContract } from './contract.js';

const available = postgresBinDir() !== undefined;
if (!available && !POSTGRES_REQUIRED) console.warn('PostgreSQL store tests skipped: no initdb/pg_ctl found (install Debian\'s postgresql; required when CI=true).');

describe.runIf(!available && POSTGRES_REQUIRED)('PostgreSQL under CI', () => {
  it('has server binaries (initdb, pg_ctl) to test against', () => {
    expect.fail('CI=true but no PostgreSQL server binaries were found on PATH or in /usr/lib/postgresql/*/bin: .ci/run must install postgresql');
  });
});

describe.runIf(available)('PostgreSQL', () => {
  let cluster: PostgresCluster | undefined;
  let databases = 0;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, POSTGRES_START_TIMEOUT_MS);
  afterAll(async () => {
    await cluster?.stop();
  }, POSTGRES_START_TIMEOUT_MS);

  const fresh = async () => {
    if (cluster === undefined) throw new Error('the PostgreSQL cluster did not start');
    const name = `footnote_test_${++databases}`;
    const c = cluster;
    const url = await c.createDatabase(name);
    return { url, open: () => openStore(url), remove: () => c.dropDatabase(name) };
  };

  describeStoreContract('postgres', { fresh });

  it('given a wrong password, when opened, then the error says authentication failed and prints no password', async () => {
    // given
    const { url: rightUrl, remove } = await fresh();
    const url = rightUrl.replace(cluster!.password, 'wrong-password-42');
    try {
      // when
      const error = await openStore(url).then(
        () => undefined,
        (e: unknown) => e,
      );
      // then
      expect(error).toBeInstanceOf(StoreError);
      const message = (error as StoreError).message;
      expect(message).toContain('Cannot connect to the PostgreSQL database');
      expect(message).toContain('password authentication failed');
      expect(message).not.toContain('wrong-password-42');
      expect(message).not.toContain(cluster!.password);
    } finally {
      await remove();
    }
  });

  it('given several stores opening one new database at once (shards), when they start, then the schema is made once and they share one salt and the data', async () => {
    // given
    const { open, remove } = await fresh();
    try {
      // when
      const stores = await Promise.all([open(), open(), open()]);
      // then
      expect(new Set(stores.map((s) => s.hashUser('123456789012345678'))).size).toBe(1);
      expect(stores[0]!.kind).toBe('postgres');
      await stores[0]!.recordGap({ guildId: 'g', channelId: 'c', kind: 'abstained', question: 'shared?', missingTerms: [], at: 1 });
      expect((await stores[2]!.gaps('g', 0)).map((g) => g.question)).toEqual(['shared?']);
      for (const store of stores) await store.close();
    } finally {
      await remove();
    }
  });
});
