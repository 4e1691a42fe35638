/**
 * Every migration, in order, listed in code (not found by globbing a folder) so that the
 * transpiled `dist/` and any bundle carry them. A new migration gets the next number and a line
 * here; a released one is never edited.
 */
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { initial } from './001-initial.js';
import type { DialectMigration, DialectName } from './dialect.js';

export type { DialectName } from './dialect.js';

/** The migrations by name; kysely runs them in name order. */
export const MIGRATIONS: Readonly<Record<string, DialectMigration>> = {
  '001-initial': initial,
};

/**
 * A kysely migration provider over {@link MIGRATIONS} for one dialect.
 *
 * @example new Migrator({ db, provider: migrationProvider('sqlite') })
 */
export function migrationProvider(dialect: DialectName): MigrationProvider {
  const migrations: Record<string, Migration> = Object.fromEntries(
    Object.entries(MIGRATIONS).map(([name, m]) => [
      name,
      { up: (db: Kysely<unknown>) => m.up(db, dialect), down: (db: Kysely<unknown>) => m.down(db, dialect) },
    ]),
  );
  return { getMigrations: () => Promise.resolve(migrations) };
}
