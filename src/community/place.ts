/**
 * Where a message was written, in the few facts the community features need, independent of
 * discord.js: a text channel, a thread (started from a message or by Footnote), or a forum post.
 */

/** Where a message was written. */
export interface Place {
  readonly guildId: string;
  /** The channel the message is in (the thread, for threads and forum posts). */
  readonly channelId: string;
  /**
   * - `text`: a text (or announcement) channel;
   * - `thread`: a thread under a text channel;
   * - `forum-post`: a post (thread) in a forum channel.
   */
  readonly kind: 'text' | 'thread' | 'forum-post';
  /** For threads and forum posts: the channel they belong to, whose settings apply. */
  readonly parentId?: string;
  /** For threads and forum posts: the title. */
  readonly threadName?: string;
  /** For threads and forum posts: whether Footnote started the thread. */
  readonly threadStartedByBot?: boolean;
  /** For forum posts: the ids of the tags applied to the post. */
  readonly tagIds?: readonly string[];
}

/**
 * The channel whose settings apply: the parent of a thread or forum post, else the channel.
 *
 * @example settingsChannelOf({ guildId: 'g', channelId: 't', kind: 'thread', parentId: 'c' }) // 'c'
 */
export function settingsChannelOf(place: Place): string {
  return place.kind === 'text' ? place.channelId : (place.parentId ?? place.channelId);
}

/** True for threads and forum posts. */
export function isThread(place: Place): boolean {
  return place.kind !== 'text';
}
