/**
 * The store backends a test can run over: SQLite (a file in a temp folder) always, and
 * PostgreSQL (a fresh database in a throwaway cluster, started once per test file) when the
 * server binaries are there. Without them the PostgreSQL cases are skipped with one line,
 * and under `CI=true` a failing test says they are missing.
 *
 * @example
 * for (const backend of storeBackends()) {
 *   describe(backend.name, () => {
 *     it('keeps settings across a restart', async () => { const db = await backend.fresh(); … await db.remove(); });
 *   });
 * }
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { POSTGRES_REQUIRED, POSTGRES_START_TIMEOUT_MS, postgresBinDir, type PostgresCluster, startPostgres } from './postgres.js';

/** A new, empty database: its `DATABASE_URL`, a way to open it (again), and to remove it. */
export interface TestDatabase {
  readonly url: string;
  open(): Promise<Store>;
  remove(): Promise<void>;
}

/** One backend: makes fresh databases. */
export interface StoreBackend {
  readonly name: 'sqlite' | 'postgres';
  fresh(): Promise<TestDatabase>;
}

/** A SQLite database file in a new temp folder (in a subfolder, which the store must create). */
export const sqliteBackend: StoreBackend = {
  name: 'sqlite',
  async fresh() {
    const dir = await mkdtemp(join(tmpdir(), 'footnote-store-'));
    const url = `sqlite:${join(dir, 'data', 'footnote.db')}`;
    return { url, open: () => openStore(url), remove: () => rm(dir, { recursive: true, force: true }) };
  },
};

let databases = 0;

/**
 * A PostgreSQL backend over a cluster started before the current file's (or describe block's)
 * tests and stopped after them; undefined (after one skip line, or a failing test under CI)
 * when there are no server binaries. Call it at the top level of a test file or a describe.
 */
export function postgresBackend(): StoreBackend | undefined {
  if (postgresBinDir() === undefined) {
    if (POSTGRES_REQUIRED) {
      it('PostgreSQL server binaries are installed (required when CI=true)', () => {
        expect.fail('no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin: .ci/run must install postgresql');
      });
    } else {
      console.warn("PostgreSQL store tests skipped: no initdb/pg_ctl found (Debian's postgresql package; required when CI=true).");
    }
    return undefined;
  }
  let cluster: PostgresCluster | undefined;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, POSTGRES_START_TIMEOUT_MS);
  afterAll(async () => {
    await cluster?.stop();
  }, POSTGRES_START_TIMEOUT_MS);
  return {
    name: 'postgres',
    async fresh() {
      const c = cluster;
      if (c === undefined) throw new Error('the PostgreSQL test cluster did not start');
      const name = `footnote_test_${process.pid}_${++databases}`;
      const url = await c.createDatabase(name);
      return { url, open: () => openStore(url), remove: () => c.dropDatabase(name) };
    },
  };
}

/**
 * Every backend available here: SQLite, then PostgreSQL when it can run (see {@link postgresBackend}).
 */
export function storeBackends(): StoreBackend[] {
  const postgres = postgresBackend();
  return postgres === undefined ? [sqliteBackend] : [sqliteBackend, postgres];
}
