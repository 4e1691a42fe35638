/**
 * Message content as Discord shows it to an app without the privileged Message Content intent:
 * content, embeds, attachments, components and polls are emptied, except in messages the app
 * sent itself, messages that mention it, and DMs (the fake has none).
 */
import type { StoredMessage } from './store.js';

/** Gateway intent bits the fake checks. */
export const Intent = {
  Guilds: 1 << 0,
  GuildMessages: 1 << 9,
  MessageContent: 1 << 15,
} as const;

/**
 * The message as an app sees it: whole when it may read content, else stripped.
 *
 * @example visibleMessage(message, botId, false).content // '' unless the message is the bot's or mentions it
 */
export function visibleMessage(message: StoredMessage, botUserId: string, readsContent: boolean): StoredMessage {
  if (readsContent || message.author.id === botUserId || message.mentions.some((u) => u.id === botUserId)) return message;
  const { poll: _poll, ...rest } = message;
  return { ...rest, content: '', embeds: [], attachments: [], components: [] };
}
