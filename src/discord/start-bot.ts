/**
 * The bot's wiring, as one function: `npm start`, the sharded shards and the end-to-end tests
 * all run exactly this.
 */
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { buttonHandlers, componentHandlers, messageCommands, slashCommands } from '../../commands/index.js';
import type { BotConfig } from '../config.js';
import { createKnowledgeService, type KnowledgeService } from '../service/knowledge-service.js';
import type { Store } from '../store/store.js';
import { AnswerMemory } from './answer-memory.js';
import type { BotContext } from './context.js';
import { type Clock, COOLDOWN_MS, Cooldowns } from './cooldown.js';
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
  /** The database (votes, gaps, tags, posted answers); without one those features say so. */
  readonly store?: Store;
}

/** A running bot. */
export interface RunningBot {
  readonly client: Client;
  readonly service: KnowledgeService;
  readonly logger: Logger;
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
  const logger = options.logger ?? createJsonLogger({ level: config.logLevel, secrets: [config.token] });
  const clock = options.clock ?? Date.now;
  const service =
    options.service ?? (await createKnowledgeService(config.knowledgeDir, { clock, warn: (message) => logger.warn('knowledge-index', { message }) }));
  const ctx: BotContext = {
    service,
    config,
    logger,
    clock,
    cooldowns: new Cooldowns(clock, options.cooldownMs ?? COOLDOWN_MS),
    answers: new AnswerMemory(),
    ...(options.store === undefined ? {} : { store: options.store }),
  };
  const handlers = options.handlers ?? { slashCommands, messageCommands, buttonHandlers, componentHandlers };
  const dispatch = createDispatcher(handlers, ctx, options);

  const client = new Client({ intents: [GatewayIntentBits.Guilds], ...(config.apiUrl === undefined ? {} : { rest: { api: config.apiUrl } }) });
  client.on(Events.InteractionCreate, (interaction) => void dispatch(interaction));
  client.on(Events.Error, (error) => logger.error('client-error', { error }));
  client.on(Events.Warn, (message) => logger.warn('client-warning', { message }));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn('shard-disconnect', { shard, code: event.code }));

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await client.destroy();
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
  logger.info('ready', { user: client.user?.id, shards: client.ws.shards.map((s) => s.id), documents: stats.documents, passages: stats.passages });
  return { client, service, logger, stop };
}
