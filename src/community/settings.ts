/**
 * Channel settings as the community features read them: stored values, or the defaults (no
 * auto-answer, reply to the message, every collection) for a channel nobody configured.
 */
import type { ChannelSettings, Store } from '../store/store.js';

/** What a channel nobody configured does: answers mentions only, as replies, from every collection. */
export const DEFAULT_CHANNEL_SETTINGS = { autoAnswer: false, replyStyle: 'reply', collections: [] } as const satisfies Pick<
  ChannelSettings,
  'autoAnswer' | 'replyStyle' | 'collections'
>;

/**
 * The settings in force in a channel: the stored ones, or the defaults.
 *
 * @example settingsOrDefault(undefined, 'g', 'c').autoAnswer // false
 */
export function settingsOrDefault(stored: ChannelSettings | undefined, guildId: string, channelId: string): ChannelSettings {
  return stored ?? { guildId, channelId, ...DEFAULT_CHANNEL_SETTINGS, collections: [], updatedAt: 0 };
}

/**
 * The settings in force in a channel, read from the store. A store that cannot be read never
 * stops an answer: the failure goes to `onError` and the defaults apply (mentions are answered,
 * nothing speaks on its own).
 *
 * @example await settingsInForce(store, 'g', 'c', (error) => logger.error('store-read-failed', { error }))
 */
export async function settingsInForce(
  store: Pick<Store, 'channelSettings'>,
  guildId: string,
  channelId: string,
  onError: (error: unknown) => void,
): Promise<ChannelSettings> {
  try {
    return settingsOrDefault(await store.channelSettings(guildId, channelId), guildId, channelId);
  } catch (error) {
    onError(error);
    return settingsOrDefault(undefined, guildId, channelId);
  }
}

/**
 * A channel's settings in words, for `/settings show` and the settings log.
 *
 * @example describeSettings({ autoAnswer: true, replyStyle: 'thread', collections: ['modding'] }) // 'auto-answer on · answers in threads · collections: modding'
 */
export function describeSettings(settings: Pick<ChannelSettings, 'autoAnswer' | 'replyStyle' | 'collections'>): string {
  return [
    settings.autoAnswer ? 'auto-answer on' : 'auto-answer off (mentions only)',
    settings.replyStyle === 'thread' ? 'answers in threads' : 'answers as replies',
    describeCollections(settings.collections),
  ].join(' · ');
}

/**
 * A list of collections in words.
 *
 * @example describeCollections([]) // 'collections: all'
 */
export function describeCollections(collections: readonly string[]): string {
  return collections.length === 0 ? 'collections: all' : `collections: ${collections.join(', ')}`;
}
