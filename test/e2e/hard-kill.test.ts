/**
 * The moderator loop survives `kill -9`: the real bot runs as a child process (`src/bot.ts`, as
 * `npm start` does) on a SQLite file; members ask an out-of-scope question and vote during a
 * burst; the process is killed with SIGKILL and started again. Every vote that was acknowledged
 * is still there, and `/gaps` shows the abstained question and the 👎.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readBotConfig } from '../../src/config.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { type FakeDiscord, type FakeUser, type SentInteraction, startFakeDiscord } from '../../src/fake-discord/index.js';
import { openStore } from '../../src/store/open-store.js';
import { replyOf, SHIPPED_KNOWLEDGE, TOKEN } from './harness.js';

let fake: FakeDiscord;
let folder: string;
const children: ChildProcess[] = [];
beforeAll(async () => {
  fake = await startFakeDiscord();
  folder = await mkdtemp(join(tmpdir(), 'footnote-kill-'));
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await fake?.close();
  await rm(folder, { recursive: true, force: true });
});

/** Starts `src/bot.ts` on the SQLite file; resolves once it is logged in. */
async function startChild(databaseUrl: string): Promise<{ child: ChildProcess; output: () => string }> {
  let output = '';
  const env = {
    ...process.env,
    DISCORD_TOKEN: TOKEN,
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_GUILD_ID: fake.guild.id,
    DISCORD_API_URL: fake.apiUrl,
    KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'info',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/bot.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  children.push(child);
  // Its own "ready" log line: the fake's session count still includes a killed bot's socket for a moment.
  const deadline = Date.now() + 30_000;
  while (!output.includes('"event":"ready"')) {
    if (Date.now() > deadline) throw new Error(`the bot did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, output: () => output };
}

/** Waits until the child logged the end of an interaction (its writes are then done). */
async function handled(output: () => string, sent: SentInteraction, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!output().includes(`"interaction":"${sent.id}"`)) {
    if (Date.now() > deadline) throw new Error(`interaction ${sent.id} was not handled`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

it('given votes and an abstention, when the bot is killed with SIGKILL and restarted, then no acknowledged vote is lost and /gaps shows the abstention and the 👎', async () => {
  // given
  const databaseUrl = `sqlite:${join(folder, 'footnote.db')}`;
  await deployCommands(readBotConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guild.id, DISCORD_API_URL: fake.apiUrl }));
  const first = await startChild(databaseUrl);
  // The real process keeps its per-member question limit (a burst of 5): two questions each stay inside it.
  const ask = (query: string, user: FakeUser) => replyOf(fake, fake.sendInteraction(fake.slashCommand('ask', { query }, { user })), 15_000);
  const unanswered = await ask('Who won the Super Bowl in 2024?', fake.users.member);
  expect(unanswered.embeds[0]?.description).toMatch(/The sources don't say/);
  const answers = [
    await ask('What did Russia do?', fake.users.moderator),
    await ask('Who hacked the Trump campaign?', fake.users.member),
    await ask('What did Iran do?', fake.users.moderator),
  ];
  expect(answers.map((a) => a.embeds.length)).toEqual([1, 1, 1]);
  const down = fake.sendInteraction(fake.button('fb:down', answers[0]!));
  await handled(first.output, down);

  // when: a burst of 👍 from both members on every answer, killed while it is in flight
  const burst = answers.slice(1).flatMap((answer) => [fake.users.member, fake.users.moderator].map((user) => fake.sendInteraction(fake.button('fb:up', answer, { user }))));
  const acknowledged: SentInteraction[] = [];
  await Promise.all(burst.map((sent) => replyOf(fake, sent, 10_000).then(() => acknowledged.push(sent), () => undefined)).slice(0, 2));
  first.child.kill('SIGKILL');
  await new Promise((resolve) => first.child.once('exit', resolve));
  const second = await startChild(databaseUrl);

  // then: every acknowledged 👍 and the 👎 were committed
  const reader = await openStore(databaseUrl);
  try {
    const tally = await reader.voteTally(fake.guild.id, 0);
    expect(acknowledged.length).toBeGreaterThanOrEqual(2);
    expect(tally.up).toBeGreaterThanOrEqual(acknowledged.length);
    expect(tally.down).toBe(1);
  } finally {
    await reader.close();
  }
  const report = await replyOf(fake, fake.sendInteraction(fake.slashCommand('gaps', {}, { user: fake.users.moderator })), 15_000);
  const fields = report.embeds[0]?.fields ?? [];
  expect(fields.some((f) => f.value.includes('• Who won the Super Bowl in 2024?') && /unanswered/.test(f.name))).toBe(true);
  expect(fields.some((f) => f.value.includes('• What did Russia do?') && /👎/.test(f.name))).toBe(true);
  expect(report.embeds[0]?.description).toMatch(/👎 1/);
  second.child.kill('SIGTERM');
}, 90_000);
