/**
 * The playground: the fake Discord, the unchanged bot logged into it (exactly `npm start`'s
 * `startBot`), its commands deployed with the same function as `npm run deploy-commands`, and a
 * web page that shows the channel. Everything listens on 127.0.0.1 unless told otherwise.
 */
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BotConfig, readBotConfig } from '../config.js';
import { MEMORY_DATABASE_URL } from '../store/database-url.js';
import { deployCommands } from '../discord/deploy.js';
import { type RunningBot, startBot, type StartBotOptions } from '../discord/start-bot.js';
import { PlaygroundBridge } from './bridge.js';
import { type FakeChannel, type FakeDiscord, startFakeDiscord } from '../fake-discord/index.js';
import { assertBindable, DEFAULT_HOST, DEFAULT_PORT } from './options.js';
import { startWebServer, type WebServer } from './server.js';

/** Options of {@link startPlayground}. */
export interface PlaygroundOptions {
  readonly knowledgeDir: string;
  /** Default 3000; 0 picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1; anything but loopback needs `allowRemote`. */
  readonly host?: string;
  readonly allowRemote?: boolean;
  /** The bot's log level (default `warn`, so the terminal shows the URL and problems). */
  readonly logLevel?: BotConfig['logLevel'];
  /** Passed to `startBot` (tests give a service without an index cache). */
  readonly bot?: StartBotOptions;
  /** Folder with page.html and page.css, beside the client modules (default: beside this module, as built in dist/). */
  readonly assetsDir?: string;
}

/** A running playground. */
export interface Playground {
  /** The page's address. */
  readonly url: string;
  readonly fake: FakeDiscord;
  readonly bot: RunningBot;
  /** Stops the web server, the bot and the fake; safe to call twice. */
  close(): Promise<void>;
}

/** The forum where the bot answers every new post, and the tags its posts may carry. */
const HELP_FORUM = 'help';
const HELP_TAGS = ['question', 'bug'];

/**
 * Creates the `#help` forum and turns auto-answer on for it through the store, exactly what a
 * moderator's `/settings` does, so a newcomer sees the community mode at once.
 */
async function openHelpForum(fake: FakeDiscord, bot: RunningBot): Promise<FakeChannel> {
  const forum = fake.createChannel(HELP_FORUM, 'forum', HELP_TAGS);
  const at = Date.now();
  await bot.store.saveChannelSettings(
    { guildId: fake.guild.id, channelId: forum.id, autoAnswer: true, replyStyle: 'reply', collections: [], updatedAt: at },
    { guildId: fake.guild.id, actorName: 'playground', actorHash: bot.store.hashUser('playground'), change: 'auto-answer on (playground start-up)', at },
  );
  return forum;
}

/** A token that only this run's fake ever sees, shaped like a bot token. */
const randomToken = (): string => [18, 6, 27].map((n) => randomBytes(n).toString('base64url')).join('.');

/**
 * Starts everything and resolves once the page can be opened.
 *
 * @example
 * const playground = await startPlayground({ knowledgeDir: 'knowledge', port: 0 });
 * console.log(playground.url); // http://127.0.0.1:41234/
 * await playground.close();
 */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const host = options.host ?? DEFAULT_HOST;
  const allowRemote = options.allowRemote ?? false;
  assertBindable(host, allowRemote);

  const cleanups: (() => Promise<void>)[] = [];
  const close = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  };
  try {
    const fake = await startFakeDiscord({ port: 0 });
    cleanups.push(() => fake.close());
    const config = readBotConfig({
      DISCORD_TOKEN: randomToken(),
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_GUILD_ID: fake.guild.id,
      DISCORD_API_URL: fake.apiUrl,
      KNOWLEDGE_DIR: options.knowledgeDir,
      LOG_LEVEL: options.logLevel ?? 'warn',
      // A playground starts afresh each time and leaves no database file behind.
      DATABASE_URL: MEMORY_DATABASE_URL,
    });
    await deployCommands(config);
    // One person talks to their own bot here: follow-ups are never slowed down.
    const bot = await startBot(config, { questionLimit: 'off', ...options.bot });
    cleanups.push(() => bot.stop());
    await fake.waitForReady();

    const help = await openHelpForum(fake, bot);
    const bridge = new PlaygroundBridge(fake, bot.client.user?.username ?? 'Footnote', [help]);
    const web: WebServer = await startWebServer({
      host,
      port: options.port ?? DEFAULT_PORT,
      allowRemote,
      assetsDir: options.assetsDir ?? dirname(fileURLToPath(import.meta.url)),
      sockets: { connect: (page) => bridge.connect(page), receive: (page, data) => bridge.receive(page, data) },
    });
    cleanups.push(() => web.close());
    return { url: web.url, fake, bot, close };
  } catch (error) {
    await close();
    throw error;
  }
}
