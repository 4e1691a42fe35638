/**
 * Opens the SQLite backend (the default): one file, WAL mode, every commit synced.
 *
 * Durability: `journal_mode=WAL` with `synchronous=FULL` syncs the WAL on every commit, so a
 * write whose promise resolved is on disk and survives `kill -9` (and a power cut, which
 * NORMAL would not promise). Footnote writes a few rows per interaction, so the cost of one
 * fsync per commit is invisible next to a Discord round trip.
 *
 * Several processes (shards) may share one file: writers wait up to SQLITE_BUSY_TIMEOUT_MS for
 * each other. Within one process, open one store per file: better-sqlite3 waits for a lock
 * synchronously, so two stores of one process on one file can block each other's transactions.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from './kysely-runtime.js';
import { createKyselyStore, migrateToLatest } from './kysely-store.js';
import type { Database } from './schema.js';
import { type Store, StoreError } from './store.js';

/** The path that keeps the database in memory (tests). */
export const SQLITE_MEMORY = ':memory:';
/** How long a write waits for another process's write lock (shards sharing one file). */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

type SqliteHandle = InstanceType<typeof BetterSqlite3>;

/** SQLite's result codes that mean "this file is damaged or is not a database". */
const CORRUPT_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A start-up failure in words a person can act on. */
function problem(path: string, error: unknown): StoreError {
  const code = codeOf(error);
  const reason = `${messageOf(error)}${code === undefined ? '' : ` (${code})`}`;
  if (code !== undefined && CORRUPT_CODES.has(code)) {
    return new StoreError(`The database file "${path}" is corrupt or is not a SQLite database: ${reason}. Restore it from a backup, or move it away to start with an empty one.`, { cause: error });
  }
  return new StoreError(`Cannot open the database file "${path}": ${reason}. Check that the path is a file this process can read and write.`, { cause: error });
}

function openHandle(path: string): SqliteHandle {
  if (path !== SQLITE_MEMORY) {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (error) {
      throw new StoreError(`Cannot create the folder "${dirname(path)}" for the database file "${path}": ${messageOf(error)}`, { cause: error });
    }
  }
  try {
    return new BetterSqlite3(path);
  } catch (error) {
    throw problem(path, error);
  }
}

/** Settings, an integrity check, and the migrations, all before the store is handed out. */
async function prepare(handle: SqliteHandle, db: Kysely<Database>): Promise<void> {
  handle.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  handle.pragma('journal_mode = WAL');
  handle.pragma('synchronous = FULL');
  // quick_check reads every page once: a damaged file is found now, not at the first vote.
  const check = handle.pragma('quick_check(1)', { simple: true });
  if (check !== 'ok') throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' });
  // Shards may start together on one new file: the migrations run under the write lock, so
  // the second process waits and then finds them done.
  handle.exec('BEGIN IMMEDIATE');
  try {
    await migrateToLatest(db, 'sqlite');
    handle.exec('COMMIT');
  } catch (error) {
    if (handle.inTransaction) handle.exec('ROLLBACK');
    throw error;
  }
}

/**
 * Opens (creating it and its folder on first start) the SQLite database at `path`, or an
 * in-memory one for {@link SQLITE_MEMORY}, migrated to the latest schema.
 * Throws a {@link StoreError} naming the file and the problem when it cannot be used.
 *
 * @example const store = await openSqliteStore('data/footnote.db');
 */
export async function openSqliteStore(path: string): Promise<Store> {
  const handle = openHandle(path);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: handle }) });
  try {
    await prepare(handle, db);
    return await createKyselyStore(db, 'sqlite');
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error instanceof StoreError ? error : problem(path, error);
  }
}
