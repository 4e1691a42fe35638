/**
 * Migrations: every numbered file is listed (they are listed in code, not globbed, so a
 * forgotten line would silently skip one), and each can be undone and redone.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, NO_MIGRATIONS, SqliteDialect } from 'kysely';
import { expect, it } from 'vitest';
import { MIGRATIONS, migrationProvider } from '../../src/store/migrations/index.js';

const FOLDER = join(import.meta.dirname, '..', '..', 'src', 'store', 'migrations');

it('given the migrations folder, when its numbered files are listed, then each is in MIGRATIONS, in order, with unique numbers', () => {
  // given
  const files = readdirSync(FOLDER)
    .filter((name) => /^\d{3}-[a-z0-9-]+\.ts$/.test(name))
    .map((name) => name.replace(/\.ts$/, ''))
    .sort();
  // then
  expect(files.length).toBeGreaterThan(0);
  expect(Object.keys(MIGRATIONS).sort()).toEqual(files);
  expect(new Set(files.map((f) => f.slice(0, 3))).size).toBe(files.length);
});

it('given a migrated database, when every migration is undone and redone, then both directions succeed and the tables come back', async () => {
  // given
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }) });
  const migrator = new Migrator({ db, provider: migrationProvider('sqlite') });
  const tables = async () => (await db.introspection.getTables()).map((t) => t.name).sort();
  expect((await migrator.migrateToLatest()).error).toBeUndefined();
  const migrated = await tables();
  // when
  const down = await migrator.migrateTo(NO_MIGRATIONS);
  const empty = await tables();
  const up = await migrator.migrateToLatest();
  // then
  expect(down.error).toBeUndefined();
  expect(empty).toEqual([]);
  expect(up.error).toBeUndefined();
  expect(await tables()).toEqual(migrated);
  expect(migrated).toEqual(expect.arrayContaining(['meta', 'channel_settings', 'feedback_votes', 'gaps', 'tags', 'posted_answers']));
  await db.destroy();
});
