/**
 * The bot's wiring, as one function: `npm start`, the sharded shards and the end-to-end tests
 * all run exactly this.
 */
import { once } from 'node:events';
import { Client, Events } from 'discord.js';
import { buttonHandlers, componentHandlers, messageCommands, slashCommands } from '../../commands/index.js';
import type { BotConfig } from '../config.js';
import { createKnowledgeSync, type KnowledgeSync } from '../ingest/knowledge-sync.js';
import { createKnowledgeService, type KnowledgeService } from '../service/knowledge-service.js';
import { databaseSecrets, describeDatabaseUrl, openStore } from '../store/open-store.js';
import { scheduleRetention } from '../store/retention.js';
import type { Store } from '../store/store.js';
import { handleMessage, handleThreadCreate } from './community-events.js';
import { AnswerMemory } from './answer-memory.js';
import type { BotContext } from './context.js';
import { startDigests } from './digest.js';
import { createDispatcher, type DispatcherOptions, type Handlers } from './dispatcher.js';
import { gatewayIntents, wantsMessageContent } from './intents.js';
import { collectionsOfInteraction } from './interaction-collections.js';
import { createJsonLogger, type Logger } from './logger.js';
import { type Clock, DEFAULT_QUESTION_LIMIT, QuestionLimiter, type QuestionLimit, type QuestionTokens, UNLIMITED } from './question-limiter.js';

/** Whether a login failed because Discord refused a privileged intent (close code 4014). */
const isDisallowedIntents = (error: unknown): boolean =>
  error instanceof Error && ((error as { code?: unknown }).code === 'DisallowedIntents' || /not enabled or whitelisted|disallowed intent/i.test(error.message));

/** Options of {@link startBot}; every one has a production default. */
export interface StartBotOptions extends DispatcherOptions {
  /** Default: JSON lines on stdout/stderr at the configured level, the token redacted. */
  readonly logger?: Logger;
  /** Default `Date.now` (question limits and load times). */
  readonly clock?: Clock;
  /** Default: the knowledge folder of the config, loaded now. */
  readonly service?: KnowledgeService;
  /**
   * Questions per user: a token bucket, or `'off'` (the playground's one person is never slowed
   * down). Default: the config's `questionLimit` (QUESTION_BURST, QUESTION_REFILL_SECONDS).
   */
  readonly questionLimit?: QuestionLimit | 'off';
  /** Default: every command in `commands/`. */
  readonly handlers?: Handlers;
  /** Default: syncs `sources.yaml` in a worker thread and reloads; `false` turns /sync and the schedule off. */
  readonly sync?: KnowledgeSync | false;
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

/** The limiter the options and config ask for. */
function questionLimiterFor(options: StartBotOptions, config: BotConfig, clock: Clock): QuestionTokens {
  const limit = options.questionLimit ?? config.questionLimit ?? DEFAULT_QUESTION_LIMIT;
  return limit === 'off' ? UNLIMITED : new QuestionLimiter(clock, limit);
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
  const sync =
    options.sync === false
      ? undefined
      : (options.sync ??
        createKnowledgeSync({
          knowledgeDir: config.knowledgeDir,
          reload: () => service.reload(),
          allowPrivate: config.ingestAllowPrivate ?? false,
          ...(config.ingestContact === undefined ? {} : { contact: config.ingestContact }),
          clock,
          log: (event, data) => logger.info(event, data),
        }));
  const ctx: BotContext = {
    service,
    config,
    logger,
    clock,
    questionLimiter: questionLimiterFor(options, config, clock),
    answers: new AnswerMemory(),
    ...(sync === undefined ? {} : { sync }),
    store,
    collectionsOf: (interaction) => collectionsOfInteraction(store, interaction, (error) => logger.error('store-read-failed', { what: 'channel collections', error })),
  };
  const handlers = options.handlers ?? { slashCommands, messageCommands, buttonHandlers, componentHandlers };
  const dispatch = createDispatcher(handlers, ctx, options);

  const connect = async (messageContent: boolean): Promise<Client> => {
    const client = new Client({ intents: gatewayIntents(messageContent), ...(config.apiUrl === undefined ? {} : { rest: { api: config.apiUrl } }) });
    client.on(Events.InteractionCreate, (interaction) => void dispatch(interaction));
    client.on(Events.MessageCreate, (message) => void handleMessage(ctx, message));
    client.on(Events.ThreadCreate, (thread, newlyCreated) => void handleThreadCreate(ctx, thread, newlyCreated));
    client.on(Events.Error, (error) => logger.error('client-error', { error }));
    client.on(Events.Warn, (message) => logger.warn('client-warning', { message }));
    client.on(Events.ShardDisconnect, (event, shard) => logger.warn('shard-disconnect', { shard, code: event.code }));
    try {
      const ready = once(client, Events.ClientReady);
      await client.login(config.token);
      await ready;
      return client;
    } catch (error) {
      await client.destroy();
      throw error;
    }
  };

  let client: Client;
  let messageContent = false;
  try {
    messageContent = await wantsMessageContent(config, store);
    try {
      client = await connect(messageContent);
    } catch (error) {
      // Asked for on our own initiative (auto) but not enabled in the portal: run without it
      // rather than fail every start; auto-answer channels then tell moderators once.
      if (!messageContent || config.messageContentIntent !== 'auto' || !isDisallowedIntents(error)) throw error;
      logger.error('message-content-intent-disallowed', { fix: 'enable Message Content in the developer portal (Bot → Privileged Gateway Intents), or set MESSAGE_CONTENT_INTENT=off' });
      messageContent = false;
      client = await connect(false);
    }
  } catch (error) {
    retention.stop();
    await retention.done;
    await closeOwnStore();
    throw error;
  }

  const stopDigests = startDigests(client, ctx);
  let stopped = false;
  const stopSchedule = sync?.startSchedule();
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    stopSchedule?.();
    retention.stop();
    stopDigests();
    await client.destroy();
    await retention.done; // the store must not close under a sweep
    await closeOwnStore();
    logger.info('stopped', {});
  };
  const stats = service.stats();
  logger.info('ready', {
    user: client.user?.id,
    shards: client.ws.shards.map((s) => s.id),
    documents: stats.documents,
    passages: stats.passages,
    store: ownStore ? describeDatabaseUrl(config.databaseUrl) : store.kind,
    messageContent,
  });
  return { client, service, logger, store, stop };
}
