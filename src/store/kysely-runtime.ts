/**
 * kysely's values (classes, `sql`), loaded from its CommonJS build. Why: the ESM build is
 * ~280 modules and the bot opens the store on every start; the CommonJS build loads about
 * twice as fast (measured on a loaded 2-core machine: 0.95 s vs 1.3 s under node, 1.1 s vs
 * 2.8 s under tsx). Every value the store uses comes from here, so one copy of kysely runs;
 * types may still be imported from 'kysely' (they are the same declarations).
 */
import { createRequire } from 'node:module';
import type * as KyselyModule from 'kysely';

const kysely = createRequire(import.meta.url)('kysely') as typeof KyselyModule;

export const { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } = kysely;
export type Kysely<DB> = KyselyModule.Kysely<DB>;
