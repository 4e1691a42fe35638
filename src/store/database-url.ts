/**
 * Reading `DATABASE_URL` without opening anything: which backend it names, how to show it,
 * and which part of it is secret. No database driver is imported here, so the config can
 * validate the URL cheaply.
 */

/** Where the store lives when `DATABASE_URL` is not set. */
export const DEFAULT_DATABASE_URL = 'sqlite:data/footnote.db';
/** An in-memory SQLite store (tests, the playground). */
export const MEMORY_DATABASE_URL = 'sqlite::memory:';
/** What a SQLite URL starts with; the rest is the file's path. */
export const SQLITE_PREFIX = 'sqlite:';
const POSTGRES_URL = /^postgres(ql)?:\/\//;

/**
 * Which backend a URL names; undefined when it names none.
 *
 * @example databaseKind('sqlite:data/footnote.db') // 'sqlite'
 */
export function databaseKind(databaseUrl: string): 'sqlite' | 'postgres' | undefined {
  if (databaseUrl.startsWith(SQLITE_PREFIX) && databaseUrl.length > SQLITE_PREFIX.length) return 'sqlite';
  if (POSTGRES_URL.test(databaseUrl) && parses(databaseUrl)) return 'postgres';
  return undefined;
}

function parses(url: string): boolean {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * A PostgreSQL URL as it may be shown: host, port, database and user, never the password.
 *
 * @example describePostgresUrl('postgres://bot:s3cret@db:5432/footnote') // 'postgres://bot:***@db:5432/footnote'
 */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    parsed.search = ''; // query parameters may carry a password too
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

/** The password in a PostgreSQL URL, if any (for scrubbing it from messages). */
export function postgresPassword(url: string): string | undefined {
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password === '' ? undefined : password;
  } catch {
    return undefined;
  }
}

/**
 * A database URL as it may appear in logs and errors (a PostgreSQL password is masked).
 *
 * @example describeDatabaseUrl('postgres://u:pw@h/db') // 'postgres://u:***@h/db'
 */
export function describeDatabaseUrl(databaseUrl: string): string {
  return databaseKind(databaseUrl) === 'postgres' ? describePostgresUrl(databaseUrl) : databaseUrl;
}

/**
 * Secrets inside a database URL, for the logger to redact.
 *
 * @example databaseSecrets('postgres://u:pw@h/db') // ['pw']
 */
export function databaseSecrets(databaseUrl: string): string[] {
  const password = databaseKind(databaseUrl) === 'postgres' ? postgresPassword(databaseUrl) : undefined;
  return password === undefined ? [] : [password];
}
