/**
 * A database that cannot be used is a clear start-up error naming the problem: a corrupt or
 * unreadable SQLite file, an unreachable PostgreSQL (never with its password), and `npm start`
 * exits once with that message instead of crashing again and again.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { StoreError } from '../../src/store/store.js';
import { freePort } from '../helpers/postgres.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'footnote-faults-'));
  dirs.push(dir);
  return dir;
}

async function openError(url: string): Promise<StoreError> {
  try {
    const store = await openStore(url);
    await store.close();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a StoreError');
}

describe('a SQLite file that cannot be used', () => {
  it('given a file that is not a database, when opened, then the error names the file and says it is corrupt', async () => {
    // given
    const path = join(await tempDir(), 'footnote.db');
    await writeFile(path, 'these are my notes, not a database\n'.repeat(200));
    // when
    const error = await openError(`sqlite:${path}`);
    // then
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/corrupt or is not a SQLite database/);
  });

  it('given a real database whose pages were damaged, when opened, then the error names the file and says it is corrupt', async () => {
    // given: a database with some rows, then garbage written over its middle
    const path = join(await tempDir(), 'footnote.db');
    const store = await openStore(`sqlite:${path}`);
    for (let i = 0; i < 200; i++) await store.recordGap({ guildId: 'g', channelId: 'c', kind: 'abstained', question: `question number ${i} `.repeat(20), missingTerms: ['x'], at: i });
    await store.close();
    const file = await open(path, 'r+');
    const { size } = await file.stat();
    await file.write(Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    await file.close();
    // when
    const error = await openError(`sqlite:${path}`);
    // then
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/corrupt/);
  });

  it('given a folder where the file should be, when opened, then the error names the path and says it cannot be opened', async () => {
    // given
    const path = join(await tempDir(), 'footnote.db');
    await mkdir(path);
    // when
    const error = await openError(`sqlite:${path}`);
    // then
    expect(error.message).toContain(`Cannot open the database file "${path}"`);
  });

  it('given a file where the database folder should be, when opened, then the error says the folder cannot be created', async () => {
    // given
    const dir = await tempDir();
    await writeFile(join(dir, 'data'), 'a file, not a folder');
    // when
    const error = await openError(`sqlite:${join(dir, 'data', 'footnote.db')}`);
    // then
    expect(error.message).toContain(`Cannot create the folder "${join(dir, 'data')}"`);
  });
});

describe('an unreachable PostgreSQL', () => {
  it('given no server on the port, when opened, then the error names the server and never the password', async () => {
    // given
    const port = await freePort();
    const url = `postgres://footnote:s3cret-pg-password@127.0.0.1:${port}/footnote`;
    // when
    const error = await openError(url);
    // then
    expect(error.message).toContain(`127.0.0.1:${port}/footnote`);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).not.toContain('s3cret-pg-password');
    expect(JSON.stringify({ message: error.message, stack: error.stack })).not.toContain('s3cret-pg-password');
  });
});

describe('npm start with a database that cannot be used', () => {
  it('given a corrupt database file, when the bot starts, then it exits once with code 1 and a message naming the file', async () => {
    // given
    const path = join(await tempDir(), 'footnote.db');
    await writeFile(path, 'not a database'.repeat(100));
    const env = { ...process.env, DISCORD_TOKEN: 'a.token.value', DISCORD_CLIENT_ID: '816899285844103168', DISCORD_API_URL: 'http://127.0.0.1:9/api', DATABASE_URL: `sqlite:${path}` };
    // when
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/bot.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const [code] = await once(child, 'exit');
    // then
    expect(code).toBe(1);
    expect(output).toContain('The database cannot be used');
    expect(output).toContain(path);
    expect(output).not.toContain('a.token.value');
  });
});
