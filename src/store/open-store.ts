/**
 * Opens the store named by `DATABASE_URL`: the one entry point the bot and the scripts use.
 */
import { databaseKind, SQLITE_PREFIX } from './database-url.js';
import type { PostgresOptions } from './postgres.js';
import { type Store, StoreError } from './store.js';

export { DEFAULT_DATABASE_URL, MEMORY_DATABASE_URL, databaseSecrets, describeDatabaseUrl } from './database-url.js';

/** Options of {@link openStore}. */
export type OpenStoreOptions = PostgresOptions;

/**
 * Opens and migrates the store: `sqlite:PATH` (the file and its folder are created on first
 * start), `sqlite::memory:`, or `postgres://user:password@host:port/database`.
 * Throws a {@link StoreError} that names the problem (never a password).
 *
 * @example const store = await openStore(config.databaseUrl); … await store.close();
 */
export async function openStore(databaseUrl: string, options: OpenStoreOptions = {}): Promise<Store> {
  switch (databaseKind(databaseUrl)) {
    // Each driver is loaded only when used: a SQLite bot never loads pg, and the other way round.
    case 'sqlite':
      return (await import('./sqlite.js')).openSqliteStore(databaseUrl.slice(SQLITE_PREFIX.length));
    case 'postgres':
      return (await import('./postgres.js')).openPostgresStore(databaseUrl, options);
    default:
      throw new StoreError('DATABASE_URL must be sqlite:PATH, sqlite::memory: or postgres://user:password@host:port/database');
  }
}
