/**
 * `/settings show`: every configured channel's mode, reply style and collections, forum tag
 * mappings, whether Discord sends message content, and the latest changes.
 */
import { type APIEmbed, type APIEmbedField, TimestampStyles, time } from 'discord.js';
import { describeCollections, describeSettings } from '../../community/settings.js';
import type { ChannelSettings, ForumTagCollections, SettingsChange } from '../../store/store.js';
import { escapeText } from '../escape.js';
import { EMBED_FIELD_VALUE_MAX, EMBED_FIELDS_MAX } from '../limits.js';
import type { ReplyMessage } from '../message.js';
import { truncateMarkdown } from '../truncate.js';
import { COLORS } from './style.js';

/** What `/settings show` shows. */
export interface SettingsOverview {
  readonly channels: readonly ChannelSettings[];
  readonly tags: readonly ForumTagCollections[];
  /** Tag id → name, for the forums' tags Footnote can see. */
  readonly tagNames: ReadonlyMap<string, string>;
  readonly changes: readonly SettingsChange[];
  /** Whether this bot receives message content (the Message Content intent). */
  readonly messageContent: boolean;
  /** The knowledge's collections. */
  readonly collections: readonly string[];
}

/** Changes listed at the bottom of `/settings show`. */
export const CHANGES_SHOWN = 5;

function channelField(settings: ChannelSettings, tags: readonly ForumTagCollections[], tagNames: ReadonlyMap<string, string>): APIEmbedField {
  const lines = [`<#${settings.channelId}>: ${describeSettings(settings)}`];
  for (const tag of tags) lines.push(`tag **${escapeText(tagNames.get(tag.tagId) ?? tag.tagId)}** → ${describeCollections(tag.collections)}`);
  return { name: '\u200b', value: truncateMarkdown(lines.join('\n'), EMBED_FIELD_VALUE_MAX) };
}

/**
 * Renders the settings overview.
 *
 * @example renderSettings({ channels: [], tags: [], tagNames: new Map(), changes: [], messageContent: false, collections: [] }).embeds?.[0]?.title // 'Footnote settings'
 */
export function renderSettings(overview: SettingsOverview): ReplyMessage {
  const { channels, tags, tagNames, changes } = overview;
  const description = [
    'Every channel answers **@mentions**, as replies, from every collection, unless set otherwise below.',
    overview.collections.length === 0 ? 'The knowledge has no collections (no subfolders).' : `Collections: ${overview.collections.map((c) => `**${escapeText(c)}**`).join(', ')}.`,
    overview.messageContent
      ? 'Message Content intent: on (auto-answer can read messages).'
      : 'Message Content intent: **off**: auto-answer in text channels cannot read messages (forum posts are answered from their title). See the README.',
  ].join('\n');
  const configured = new Set(channels.map((c) => c.channelId));
  const fields: APIEmbedField[] = channels.map((c) => channelField(c, tags.filter((t) => t.channelId === c.channelId), tagNames));
  // Forums with tag mappings but no channel settings of their own.
  for (const forumId of new Set(tags.map((t) => t.channelId))) {
    if (configured.has(forumId)) continue;
    const defaults: ChannelSettings = { guildId: '', channelId: forumId, autoAnswer: false, replyStyle: 'reply', collections: [], updatedAt: 0 };
    fields.push(channelField(defaults, tags.filter((t) => t.channelId === forumId), tagNames));
  }
  if (fields.length === 0) fields.push({ name: 'Channels', value: 'No channel has settings yet. Try `/settings auto-answer`.' });
  const shown = fields.slice(0, EMBED_FIELDS_MAX - 2);
  if (fields.length > shown.length) shown.push({ name: 'More', value: `…and ${fields.length - shown.length} more channels.` });
  if (changes.length > 0) {
    const lines = changes
      .slice(0, CHANGES_SHOWN)
      .map((c) => `${time(Math.floor(c.at / 1000), TimestampStyles.RelativeTime)} ${escapeText(c.actorName)}: ${escapeText(c.change)}`);
    shown.push({ name: 'Latest changes', value: truncateMarkdown(lines.join('\n'), EMBED_FIELD_VALUE_MAX) });
  }
  const embed: APIEmbed = { color: COLORS.info, title: 'Footnote settings', description, fields: shown };
  return { embeds: [embed], ephemeral: true };
}
