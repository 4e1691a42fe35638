/**
 * Which collections (top-level folders of the knowledge) a place searches: a forum post's
 * mapped tags first, then its channel's mapping; a channel with no mapping searches everything.
 * Only the mapping lives here; the search itself is the knowledge service's.
 */
import type { Store } from '../store/store.js';
import { settingsChannelOf, type Place } from './place.js';

/**
 * The collections searched from a place; an empty list means every collection.
 *
 * - A forum post carrying tags that moderators mapped searches the union of those tags'
 *   collections (a post tagged "Modding" is about modding, whatever the forum's default).
 * - Otherwise the channel's (for threads: the parent channel's) mapping applies.
 *
 * @example await collectionsFor(store, { guildId, channelId: postId, kind: 'forum-post', parentId: forumId, tagIds: [modTag] }) // ['modding']
 */
export async function collectionsFor(store: Pick<Store, 'channelSettings' | 'forumTagCollections'>, place: Place): Promise<readonly string[]> {
  const channelId = settingsChannelOf(place);
  const tagIds = place.tagIds ?? [];
  if (place.kind === 'forum-post' && tagIds.length > 0) {
    const mapped = (await store.forumTagCollections(place.guildId, channelId)).filter((m) => tagIds.includes(m.tagId) && m.collections.length > 0);
    if (mapped.length > 0) return [...new Set(mapped.flatMap((m) => m.collections))].sort();
  }
  return (await store.channelSettings(place.guildId, channelId))?.collections ?? [];
}

/**
 * {@link collectionsFor}, but a store that cannot be read never stops an answer: the failure is
 * reported to `onError` and everything is searched (collections narrow what is relevant; they
 * are not access control).
 *
 * @example await collectionsOrEverything(store, place, (error) => logger.warn('store-read-failed', { error }))
 */
export async function collectionsOrEverything(
  store: Pick<Store, 'channelSettings' | 'forumTagCollections'>,
  place: Place,
  onError: (error: unknown) => void,
): Promise<readonly string[]> {
  try {
    return await collectionsFor(store, place);
  } catch (error) {
    onError(error);
    return [];
  }
}
