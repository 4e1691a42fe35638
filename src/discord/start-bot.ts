/**
 * The bot's wiring, as one function: `npm start`, the sharded shards and the end-to-end tests
 * all run exactly this.
 */
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { buttonHandlers, componentHandlers, messageCommands, slashCommands } from '../../commands/index.js';
import type { BotConfig } from '../config.js';
import { createKnowledgeService, type KnowledgeService } from '../service/knowledge-service.js';
import { databaseSecrets, describeDatabaseUrl, openStore } from '../store/open-store.js';
import { scheduleRetention } from '../store/retention.js';
import type { Store } from '../store/store.js';
import { AnswerMemory } from './answer-memory.js';
import type { BotContext } from './context.js';
import { type Clock, COOLDOWN_MS, Cooldowns } from './cooldown.js';
import { startDigests } from './digest.js';
import { createDispatcher, type DispatcherOptions, type Handlers } from './dispatcher.js';
import { createJsonLogger, type Logger } from './logger.js';

/** Options of {@link startBot}; every one has a production default. */
export interface StartBotOptions extends DispatcherOptions {
  /** Default: JSON lines on stdout/stderr at the configured level, the token redacted. */
  readonly logger?: Logger;
  /** Default `Date.now` (cooldowns and load times). */
  readonly clock?: Clock;
  /** Default: the knowledge folder of the config, loaded now. */
  readonly service?: KnowledgeService;
  /** Pause between two /ask (or /search) by one user; default {@link COOLDOWN_MS}. 0 turns it off. */
  readonly cooldownMs?: number;
  /** Default: every command in `commands/`. */
  readonly handlers?: Handlers;
  /**
   * Default: opened from `config.databaseUrl` and closed by `stop()`. A store passed here
   * belongs to the caller, who closes it.
   */
  readonly store?: Store;
}

/** A running bot. */
export interface RunningBot {
  readonly client: Client;
  readonly service: KnowledgeService;
  readonly logger: Logger;
  readonly store: Store;
  /** Logs out and closes the connections; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Loads the knowledge, logs in and starts answering interactions. Resolves once the client is
 * ready; rejects (with the client destroyed) if the knowledge is invalid or login fails.
 *
 * @example
 * const bot = await startBot(readBotConfig(processEnv()));
 * process.once('SIGTERM', () => void bot.stop());
 */
export async function startBot(config: BotConfig, options: StartBotOptions = {}): Promise<RunningBot> {
  const logger = options.logger ?? createJsonLogger({ level: config.logLevel, secrets: [config.token, ...databaseSecrets(config.databaseUrl)] });
  const clock = options.clock ?? Date.now;
  // The store first: a database that cannot be opened fails the start before anything logs in.
  const ownStore = options.store === undefined;
  const store = options.store ?? (await openStore(config.databaseUrl, { onBackgroundError: (error) => logger.warn('store-connection-error', { error }) }));
  const closeOwnStore = async (): Promise<void> => {
    if (ownStore) await store.close().catch((error: unknown) => logger.warn('store-close-failed', { error }));
  };
  let service: KnowledgeService;
  try {
    service =
      options.service ?? (await createKnowledgeService(config.knowledgeDir, { clock, warn: (message) => logger.warn('knowledge-index', { message }) }));
  } catch (error) {
    await closeOwnStore();
    throw error;
  }
  const retention = scheduleRetention(store, config.retention, { clock, logger });
  const ctx: BotContext = {
    service,
    config,
    logger,
    clock,
    cooldowns: new Cooldowns(clock, options.cooldownMs ?? COOLDOWN_MS),
    answers: new AnswerMemory(),
    store,
  };
  const handlers = options.handlers ?? { slashCommands, messageCommands, buttonHandlers, componentHandlers };
  const dispatch = createDispatcher(handlers, ctx, options);

  const client = new Client({ intents: [GatewayIntentBits.Guilds], ...(config.apiUrl === undefined ? {} : { rest: { api: config.apiUrl } }) });
  client.on(Events.InteractionCreate, (interaction) => void dispatch(interaction));
  client.on(Events.Error, (error) => logger.error('client-error', { error }));
  client.on(Events.Warn, (message) => logger.warn('client-warning', { message }));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn('shard-disconnect', { shard, code: event.code }));

  const stopDigests = startDigests(client, ctx);
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    retention.stop();
    stopDigests();
    await client.destroy();
    await retention.done; // the store must not close under a sweep
    await closeOwnStore();
    logger.info('stopped', {});
  };
  try {
    const ready = once(client, Events.ClientReady);
    await client.login(config.token);
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  const stats = service.stats();
  logger.info('ready', {
    user: client.user?.id,
    shards: client.ws.shards.map((s) => s.id),
    documents: stats.documents,
    passages: stats.passages,
    store: ownStore ? describeDatabaseUrl(config.databaseUrl) : store.kind,
  });
  return { client, service, logger, store, stop };
}
