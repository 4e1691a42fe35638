/**
 * A throwaway PostgreSQL cluster for tests: `initdb` in a temp folder (as a non-root user, since
 * PostgreSQL refuses to run as root), started on a free local port, one fresh database per
 * test, stopped and removed after. Uses the server binaries on this machine (Debian's
 * `postgresql` package); when there are none, tests skip with one line, except under `CI=true`,
 * where they are required.
 */
import { execFile as execFileCallback, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const execFile = promisify(execFileCallback);

/** Where Debian installs each major version's server binaries. */
const DEBIAN_POSTGRES = '/usr/lib/postgresql';
/** The cluster's superuser (not a system account: a database role only). */
const SUPERUSER = 'footnote';
/** Ports tried before giving up on starting the server. */
const START_ATTEMPTS = 3;
/** Generous: initdb and start-up on a loaded two-core machine. */
export const POSTGRES_START_TIMEOUT_MS = 120_000;

/** Whether tests that need PostgreSQL must run (CI) rather than skip. */
export const POSTGRES_REQUIRED = process.env.CI === 'true';

/** The folder holding `initdb`, `pg_ctl` and `postgres`: on PATH first, then Debian's, newest first. */
export function postgresBinDir(): string | undefined {
  const hasAll = (dir: string): boolean => ['initdb', 'pg_ctl', 'postgres'].every((name) => existsSync(join(dir, name)));
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const initdb = join(dir, 'initdb');
    if (!existsSync(initdb)) continue;
    // /usr/local/bin/initdb may be a link: the server binaries sit beside its target.
    const real = dirname(realpathSync(initdb));
    if (hasAll(real)) return real;
  }
  if (!existsSync(DEBIAN_POSTGRES)) return undefined;
  const versions = readdirSync(DEBIAN_POSTGRES)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(DEBIAN_POSTGRES, v, 'bin')).find(hasAll);
}

/** A running cluster. */
export interface PostgresCluster {
  /** A URL for a database, with the superuser's password in it (as an operator would write it). */
  url(database: string): string;
  /** The superuser's password (tests check it is never printed). */
  readonly password: string;
  readonly port: number;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Drops a database, closing any connection left to it. */
  dropDatabase(name: string): Promise<void>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

/** A local port with nothing listening on it (just freed by the OS). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** How to run a server binary as a non-root user, and that user's ids (for the folder's owner). */
function asUnprivileged(): { prefix: string[]; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string, user: string): number | undefined => {
    const out = spawnSync('id', [flag, user], { encoding: 'utf8' });
    return out.status === 0 ? Number(out.stdout.trim()) : undefined;
  };
  const uid = id('-u', 'postgres');
  const gid = id('-g', 'postgres');
  if (uid !== undefined && gid !== undefined) return { prefix: ['runuser', '-u', 'postgres', '--'], uid, gid };
  // No postgres account: any unprivileged ids will do for a throwaway cluster.
  const nobody = 65534;
  return { prefix: ['setpriv', `--reuid=${nobody}`, `--regid=${nobody}`, '--clear-groups', '--'], uid: nobody, gid: nobody };
}

/**
 * Starts a cluster, or returns undefined when this machine has no PostgreSQL server binaries.
 *
 * @example const cluster = await startPostgres(); const url = await cluster?.createDatabase('t1');
 */
export async function startPostgres(): Promise<PostgresCluster | undefined> {
  const bin = postgresBinDir();
  if (bin === undefined) return undefined;
  const user = asUnprivileged();
  const run = (name: string, args: string[]) => {
    const command = [...(user?.prefix ?? []), join(bin, name), ...args];
    return execFile(command[0]!, command.slice(1), { timeout: POSTGRES_START_TIMEOUT_MS });
  };

  const dir = await mkdtemp(join(tmpdir(), 'footnote-pg-'));
  const data = join(dir, 'data');
  const password = randomBytes(12).toString('hex');
  const passwordFile = join(dir, 'password');
  writeFileSync(passwordFile, `${password}\n`);
  if (user !== undefined) {
    chownSync(dir, user.uid, user.gid);
    chownSync(passwordFile, user.uid, user.gid);
  }
  chmodSync(dir, 0o700);
  let port = 0;
  try {
    // No fsync: a throwaway cluster need not survive a power cut, and tests run faster.
    await run('initdb', ['-D', data, '-U', SUPERUSER, `--pwfile=${passwordFile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--no-locale', '--no-sync']);
    // Another test file may take the free port before the server binds it: try a few.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=50`;
      try {
        await run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '90', 'start']);
        break;
      } catch (error) {
        if (attempt >= START_ATTEMPTS) throw error;
      }
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  const url = (database: string): string => `postgres://${SUPERUSER}:${password}@127.0.0.1:${port}/${database}`;
  const admin = async (statement: string): Promise<void> => {
    const client = new pg.Client({ connectionString: url('postgres') });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const identifier = (name: string): string => {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
    return name;
  };
  return {
    url,
    password,
    port,
    async createDatabase(name) {
      await admin(`create database ${identifier(name)}`);
      return url(name);
    },
    async dropDatabase(name) {
      await admin(`drop database if exists ${identifier(name)} with (force)`);
    },
    async stop() {
      try {
        await run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
