/**
 * Opens the PostgreSQL backend, for several bot processes (shards, machines) sharing one
 * database. Same schema, same queries as SQLite (see `kysely-store.ts`).
 */
import { Kysely, PostgresDialect, sql } from './kysely-runtime.js';
import pg from 'pg';
import { describePostgresUrl, postgresPassword } from './database-url.js';
import { createKyselyStore, migrateToLatest } from './kysely-store.js';
import type { Database } from './schema.js';
import { type Store, StoreError } from './store.js';

/** How long to wait for a connection before calling the server unreachable. */
export const POSTGRES_CONNECT_TIMEOUT_MS = 10_000;
/** Connections per process; the bot's writes are small and short. */
export const POSTGRES_POOL_SIZE = 5;

/** Options of {@link openPostgresStore}. */
export interface PostgresOptions {
  /** An idle connection failed (the server restarted); default: ignored, the pool reconnects. */
  readonly onBackgroundError?: (error: Error) => void;
  readonly connectTimeoutMs?: number;
}

// bigint columns (our millisecond timestamps, counts) come back as numbers, not strings:
// every value we store fits in a double exactly.
const INT8_OID = 20;
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * Connects to PostgreSQL, migrates it to the latest schema and returns the store. Throws a
 * {@link StoreError} naming the server (never the password) when it is unreachable or refuses.
 *
 * @example const store = await openPostgresStore('postgres://footnote@localhost/footnote');
 */
export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: options.connectTimeoutMs ?? POSTGRES_CONNECT_TIMEOUT_MS, max: POSTGRES_POOL_SIZE, types });
  // Without a listener, an idle connection dropped by the server would crash the process.
  pool.on('error', (error) => options.onBackgroundError?.(error));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const where = describePostgresUrl(url);
  const fail = async (what: string, error: unknown): Promise<never> => {
    await db.destroy().catch(() => undefined);
    throw new StoreError(`${what} ${where}: ${reasonOf(error, postgresPassword(url))}. Check that the server is running and DATABASE_URL is right.`, { cause: error });
  };
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    return fail('Cannot connect to the PostgreSQL database', error);
  }
  try {
    await migrateToLatest(db, 'postgres');
    return await createKyselyStore(db, 'postgres');
  } catch (error) {
    return fail('Cannot prepare the PostgreSQL database', error);
  }
}

/** An error's message with its code (when the message lacks it), the password masked. */
function reasonOf(error: unknown, password: string | undefined): string {
  let reason = error instanceof Error ? error.message : String(error);
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  if (code !== undefined && !reason.includes(code)) reason += ` (${code})`;
  return password === undefined ? reason : reason.split(password).join('***');
}
