/**
 * `npm start` and `npm run start:sharded` as real processes against the fake Discord: they
 * log in, answer, and shut down cleanly on SIGTERM without ever printing the token.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from '../../src/fake-discord/index.js';
import { replyOf, SHIPPED_KNOWLEDGE, TOKEN } from './harness.js';

/** A process start (tsx, discord.js, the index, the store) on a loaded two-core machine takes 10–20 s. */
const START_TIMEOUT_MS = 45_000;
const TEST_TIMEOUT_MS = 75_000;

let fake: FakeDiscord | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await fake?.close();
});

/** Runs an entry point with the fake's settings; collects its output. */
function run(script: string, f: FakeDiscord): { process: ChildProcess; output: () => string } {
  let output = '';
  const env = {
    ...process.env,
    DISCORD_TOKEN: TOKEN,
    DISCORD_CLIENT_ID: f.applicationId,
    DISCORD_GUILD_ID: f.guild.id,
    DISCORD_API_URL: f.apiUrl,
    KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE,
    LOG_LEVEL: 'info',
    // No database file left in the repository (test/store covers file databases).
    DATABASE_URL: 'sqlite::memory:',
  };
  const proc = spawn(process.execPath, ['--import', 'tsx', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  child = proc;
  return { process: proc, output: () => output };
}

describe('entry points', () => {
  it('given npm start (src/bot.ts), when it runs and gets SIGTERM, then it answers and then stops cleanly', async () => {
    // given
    fake = await startFakeDiscord();
    const bot = run('src/bot.ts', fake);
    await fake.waitForReady({ timeoutMs: START_TIMEOUT_MS });
    // when
    const reply = await replyOf(fake, fake.sendInteraction(fake.slashCommand('ask', { query: 'What did Russia do?' })));
    bot.process.kill('SIGTERM');
    const [code] = await once(bot.process, 'exit');
    // then
    expect(reply.embeds[0]?.title).toBe('What did Russia do?');
    expect(code).toBe(0);
    const events = bot.output().trim().split('\n').map((line) => (JSON.parse(line) as { event: string }).event);
    expect(events).toEqual(expect.arrayContaining(['ready', 'interaction', 'shutdown', 'stopped']));
    expect(bot.output()).not.toContain(TOKEN);
  }, TEST_TIMEOUT_MS);

  it('given npm run start:sharded, when it runs, then a shard with its own index answers, and SIGTERM stops it', async () => {
    // given
    fake = await startFakeDiscord();
    const manager = run('src/shard-manager.ts', fake);
    await fake.waitForReady({ timeoutMs: START_TIMEOUT_MS });
    // when
    const reply = await replyOf(fake, fake.sendInteraction(fake.slashCommand('sources')));
    manager.process.kill('SIGTERM');
    const [code] = await once(manager.process, 'exit');
    // then
    expect(reply.embeds[0]?.title).toBe('Sources (1 document)');
    expect(code).toBe(0);
    expect(manager.output()).toContain('"event":"shard-created"');
    expect(manager.output()).not.toContain(TOKEN);
  }, TEST_TIMEOUT_MS);

  it('given a missing token, when npm start runs, then it exits with an error naming the variable', async () => {
    fake = await startFakeDiscord();
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/bot.ts'], { env: { ...process.env, DISCORD_TOKEN: '', DISCORD_CLIENT_ID: 'x' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let output = '';
    proc.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const [code] = await once(proc, 'exit');
    expect(code).toBe(1);
    expect(output).toContain('DISCORD_TOKEN is missing');
    expect(output).toContain('DISCORD_CLIENT_ID');
  }, TEST_TIMEOUT_MS);
});
