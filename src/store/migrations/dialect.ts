/**
 * What a migration may need to know about the database it runs on. Only column definitions
 * that SQL dialects spell differently (an auto-numbered id) branch on it.
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

/** The two supported databases. */
export type DialectName = 'sqlite' | 'postgres';

/** A migration step; `dialect` says which database it runs on. */
export interface DialectMigration {
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
  down(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
}

/**
 * An auto-numbered integer primary key: `AUTOINCREMENT` in SQLite (ids are never reused after
 * a delete), an identity column in PostgreSQL.
 *
 * @example table.addColumn('id', 'integer', autoId('sqlite'))
 */
export function autoId(dialect: DialectName): (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return dialect === 'postgres' ? (c) => c.primaryKey().generatedByDefaultAsIdentity() : (c) => c.primaryKey().autoIncrement();
}
