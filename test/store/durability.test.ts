/**
 * Nothing the store acknowledged is lost when the process is killed outright (`kill -9`).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';

/** Votes to see acknowledged before the kill: enough for a burst to be in flight. */
const ACKS_BEFORE_KILL = 300;
const WRITER = join(import.meta.dirname, 'fixtures', 'vote-writer.ts');

it('given a process writing votes in bursts, when it is killed with SIGKILL, then every vote it acknowledged is in the reopened database', async () => {
  // given
  const dir = await mkdtemp(join(tmpdir(), 'footnote-kill9-'));
  const url = `sqlite:${join(dir, 'footnote.db')}`;
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        // when: killed in the middle of a burst, as soon as enough writes were acknowledged
        if ((stdout.match(/^ack /gm) ?? []).length >= ACKS_BEFORE_KILL) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`the writer exited early: ${stderr}`)));
    });
    expect(await exited).toBe('SIGKILL');
    // Only complete lines count: a line cut by the kill was not acknowledged.
    const acknowledged = stdout
      .split('\n')
      .slice(0, -1)
      .filter((line) => line.startsWith('ack '))
      .map((line) => line.slice('ack '.length));

    // then
    const store = await openStore(url);
    try {
      const missing: string[] = [];
      for (const id of acknowledged) if ((await store.vote(id, 'v')) === undefined) missing.push(id);
      expect(acknowledged.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
      expect(missing).toEqual([]);
    } finally {
      await store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 60_000);
