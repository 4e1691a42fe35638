/**
 * Which gateway intents Footnote asks for.
 *
 * - **Guilds** (slash commands, channels, threads and forum posts: THREAD_CREATE) and
 *   **GuildMessages** (MESSAGE_CREATE, for mentions and auto-answer) always: neither is privileged,
 *   and a message that mentions the bot carries its text without anything else.
 * - **MessageContent** (privileged: it must be enabled in the developer portal, and approved by
 *   Discord for bots in 100+ servers) only when it is needed: `MESSAGE_CONTENT_INTENT=on` always
 *   asks, `off` never does, and `auto` (the default) asks when some channel of a server the bot is
 *   in has auto-answer on, as read from the store at start-up. Asking for a privileged intent that
 *   is not enabled makes Discord refuse the login (close code 4014), so a bot that never uses
 *   auto-answer never needs it.
 */
import { GatewayIntentBits, REST, Routes } from 'discord.js';
import type { BotConfig } from '../config.js';
import type { Store } from '../store/store.js';

/** The `MESSAGE_CONTENT_INTENT` setting. */
export type MessageContentSetting = 'auto' | 'on' | 'off';

/** Servers listed per page by GET /users/@me/guilds (Discord's maximum). */
const GUILDS_PAGE = 200;

/**
 * The intents to identify with.
 *
 * @example gatewayIntents(false) // [Guilds, GuildMessages]
 */
export function gatewayIntents(messageContent: boolean): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
  return messageContent ? [...intents, GatewayIntentBits.MessageContent] : intents;
}

/**
 * Whether some channel of these servers has auto-answer on.
 *
 * @example await anyAutoAnswer(store, ['123…']) // false on a fresh database
 */
export async function anyAutoAnswer(store: Pick<Store, 'listChannelSettings'>, guildIds: readonly string[]): Promise<boolean> {
  for (const guildId of guildIds) if ((await store.listChannelSettings(guildId)).some((s) => s.autoAnswer)) return true;
  return false;
}

/** The ids of every server the bot is in (REST, before the gateway login). */
async function botGuildIds(config: BotConfig): Promise<string[]> {
  const rest = new REST(config.apiUrl === undefined ? {} : { api: config.apiUrl }).setToken(config.token);
  const ids: string[] = [];
  for (let after = '0'; ; ) {
    const page = (await rest.get(Routes.userGuilds(), { query: new URLSearchParams({ limit: String(GUILDS_PAGE), after }) })) as { id: string }[];
    ids.push(...page.map((g) => g.id));
    const last = page.at(-1);
    if (page.length < GUILDS_PAGE || last === undefined) return ids;
    after = last.id;
  }
}

/**
 * Whether to ask for the Message Content intent at start-up (see the file comment).
 *
 * @example await wantsMessageContent({ ...config, messageContentIntent: 'off' }, store) // false
 */
export async function wantsMessageContent(config: BotConfig, store: Pick<Store, 'listChannelSettings'>): Promise<boolean> {
  if (config.messageContentIntent !== 'auto') return config.messageContentIntent === 'on';
  return anyAutoAnswer(store, await botGuildIds(config));
}
