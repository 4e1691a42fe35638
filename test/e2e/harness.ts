/**
 * Runs the real bot (through `startBot`, exactly as `npm start` does) against the local fake
 * Discord, with commands registered through the deploy code, and helpers to wait for replies.
 */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBotConfig, type BotConfig } from '../../src/config.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { createJsonLogger } from '../../src/discord/logger.js';
import { type RunningBot, startBot, type StartBotOptions } from '../../src/discord/start-bot.js';
import { openIndex } from '../../src/retrieval/open-index.js';
import { createKnowledgeService } from '../../src/service/knowledge-service.js';
import { MEMORY_DATABASE_URL, openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { type FakeDiscord, type FakeDiscordOptions, type RecordedRequest, type SentInteraction, type StoredMessage, startFakeDiscord } from '../../src/fake-discord/index.js';

/** A made-up token; tests check it never shows up in logs. */
export const TOKEN = 'e2e.secret-token.value';
/** The shipped knowledge folder (read only). */
export const SHIPPED_KNOWLEDGE = 'knowledge';

/** Opens an index in memory only. */
export const openWithoutCache = (dir: string) => openIndex(dir, { cacheDir: false });

/** A fake Discord with the bot logged in. */
export interface Harness {
  readonly fake: FakeDiscord;
  readonly bot: RunningBot;
  readonly config: BotConfig;
  /** The bot's store: the one passed in options, else a fresh in-memory SQLite store. */
  readonly store: Store;
  /** Every log line the bot wrote, parsed. */
  readonly logs: Record<string, unknown>[];
  readonly rawLogs: string[];
  close(): Promise<void>;
}

/** Options of {@link startHarness}. */
export interface HarnessOptions extends Omit<StartBotOptions, 'logger'> {
  readonly knowledgeDir?: string;
  readonly fake?: FakeDiscordOptions;
}

/**
 * Starts a fake, registers the commands in its guild, starts the bot and waits until it is ready.
 *
 * @example const h = await startHarness({ cooldownMs: 0 }); … await h.close();
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await startFakeDiscord(options.fake ?? {});
  const config = readBotConfig({
    DISCORD_TOKEN: TOKEN,
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_GUILD_ID: fake.guild.id,
    KNOWLEDGE_DIR: options.knowledgeDir ?? SHIPPED_KNOWLEDGE,
    DISCORD_API_URL: fake.apiUrl,
  });
  await deployCommands(config);
  const rawLogs: string[] = [];
  const logs: Record<string, unknown>[] = [];
  const logger = createJsonLogger({
    level: 'debug',
    secrets: [TOKEN],
    write: (line) => {
      rawLogs.push(line);
      logs.push(JSON.parse(line) as Record<string, unknown>);
    },
  });
  const { knowledgeDir: _k, fake: _f, ...botOptions } = options;
  let bot: RunningBot;
  // A fresh in-memory database per harness, unless the test brings its own (to restart on it).
  const ownStore = options.store === undefined;
  const store = options.store ?? (await openStore(MEMORY_DATABASE_URL));
  const closeOwnStore = async (): Promise<void> => {
    if (ownStore) await store.close();
  };
  try {
    // Tests keep indexes in memory: temp folders must not leave cache files behind.
    const service = options.service ?? (await createKnowledgeService(config.knowledgeDir, { open: openWithoutCache, ...(options.clock ? { clock: options.clock } : {}) }));
    bot = await startBot(config, { ...botOptions, service, logger, store });
    await fake.waitForReady();
  } catch (error) {
    await fake.close();
    await closeOwnStore();
    throw error;
  }
  return {
    fake,
    bot,
    config,
    store,
    logs,
    rawLogs,
    async close() {
      await bot.stop();
      await fake.close();
      await closeOwnStore();
    },
  };
}

const isCallbackOf = (sent: SentInteraction) => (r: RecordedRequest): boolean =>
  r.method === 'POST' && r.path === `/interactions/${sent.id}/${sent.token}/callback`;

/** The accepted (2xx) initial response to an interaction. */
export function firstResponse(fake: FakeDiscord, sent: SentInteraction, timeoutMs = 5000): Promise<RecordedRequest> {
  return fake.waitForRequest((r) => isCallbackOf(sent)(r) && r.status < 300, timeoutMs);
}

/** Every request made with an interaction's token (callback, edits, follow-ups), in order. */
export function requestsOf(fake: FakeDiscord, sent: SentInteraction): RecordedRequest[] {
  return fake.requests.filter((r) => r.path.includes(sent.token));
}

/**
 * The message an interaction's reply ends up as: the callback's message, or after a deferral the
 * edited `@original` (or the follow-up that replaced it).
 */
export async function replyOf(fake: FakeDiscord, sent: SentInteraction, timeoutMs = 5000): Promise<StoredMessage> {
  const callback = await firstResponse(fake, sent, timeoutMs);
  const type = (callback.body as { type?: number }).type;
  let messageId = fake.interactions.find((i) => i.id === sent.id)?.response?.messageId;
  if (type === 5 || type === 6) {
    const done = await fake.waitForRequest(
      (r) => r.path.includes(sent.token) && r.status === 200 && ((r.method === 'PATCH' && r.path.endsWith('/@original')) || (r.method === 'POST' && r.path.startsWith('/webhooks/'))),
      timeoutMs,
    );
    messageId = (done.response as { id?: string }).id;
  }
  const message = fake.messages().find((m) => m.id === messageId);
  if (!message) throw new Error(`no message for interaction ${sent.id} (callback type ${type})`);
  return message;
}

/** The log line of one interaction (written when its handling ends). */
export async function logOf(h: Harness, sent: SentInteraction, timeoutMs = 5000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const line = h.logs.find((l) => l.event === 'interaction' && l.interaction === sent.id);
    if (line) return line;
    if (Date.now() > deadline) throw new Error(`no interaction log line for ${sent.id}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A copy of the shipped knowledge in a temp folder, for tests that change it. */
export async function copyOfKnowledge(): Promise<{ dir: string; remove(): Promise<void> }> {
  const base = await mkdtemp(join(tmpdir(), 'footnote-e2e-'));
  const dir = join(base, 'knowledge');
  await cp(SHIPPED_KNOWLEDGE, dir, { recursive: true });
  return { dir, remove: () => rm(base, { recursive: true, force: true }) };
}

/** An empty knowledge folder in a temp folder. */
export async function emptyKnowledge(): Promise<{ dir: string; remove(): Promise<void> }> {
  const base = await mkdtemp(join(tmpdir(), 'footnote-e2e-'));
  const dir = join(base, 'knowledge');
  await mkdir(dir);
  return { dir, remove: () => rm(base, { recursive: true, force: true }) };
}

/** The custom_ids of a stored message's buttons, in order. */
export const buttonIds = (message: StoredMessage): string[] =>
  (message.components ?? []).flatMap((row) => ('components' in row ? row.components.map((c) => ('custom_id' in c ? c.custom_id : '')) : []));

/** The labels of a stored message's buttons, in order. */
export const buttonLabels = (message: StoredMessage): string[] =>
  (message.components ?? []).flatMap((row) => ('components' in row ? row.components.map((c) => ('label' in c ? (c.label ?? '') : '')) : []));
