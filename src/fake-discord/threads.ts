/**
 * Threads as Discord makes them: started from a message (the thread takes the message's id,
 * and the message gets `thread` and the HAS_THREAD flag), or a forum post (a thread and its
 * first message, which shares the thread's id). Each announces THREAD_CREATE before any
 * message in it, like Discord.
 */
import type { APIUser } from 'discord.js';
import { ChannelKind, type FakeChannel, APPLIED_TAGS_MAX, CHANNEL_NAME_MAX } from './channels.js';
import { ApiError, Errors, FormErrors } from './errors.js';
import { snowflake } from './ids.js';
import { mentionFields } from './mentions.js';
import type { FakeState } from './state.js';
import type { StoredMessage } from './store.js';
import { isRecord, validateMessage } from './validate.js';

/** Message flag: a thread was started from this message. */
const HAS_THREAD = 1 << 5;

const checkName = (name: unknown): string => {
  const errors = new FormErrors();
  if (typeof name !== 'string' || name.trim() === '') errors.required(['name']);
  else if (name.length > CHANNEL_NAME_MAX) errors.badLength(['name'], 1, CHANNEL_NAME_MAX);
  errors.throwIfAny();
  return String(name);
};

/**
 * Starts a public thread from a message (POST /channels/:id/messages/:id/threads).
 * Throws Discord's errors for an unknown message, a second thread (160004) or a bad name.
 */
export function startThreadFromMessage(state: FakeState, channelId: string, messageId: string, name: unknown, ownerId: string): FakeChannel {
  const message = state.store.get(messageId);
  if (!message || message.channel_id !== channelId) throw Errors.unknownMessage();
  if (message.thread !== undefined) throw new ApiError(400, { code: 160004, message: 'A thread has already been created for this message' });
  const thread = state.channels.add({ id: messageId, type: ChannelKind.PublicThread, name: checkName(name), parentId: channelId, ownerId });
  state.events.emit('threadCreate', thread);
  state.store.annotate(messageId, { thread: state.channels.toObject(thread), flags: (message.flags ?? 0) | HAS_THREAD });
  return thread;
}

/** What a new forum post holds. */
export interface ForumPostInput {
  readonly name: unknown;
  /** The first message's payload (content, embeds, components, allowed_mentions). */
  readonly message: unknown;
  readonly appliedTags?: unknown;
}

/**
 * Creates a post in a forum channel: the thread, then its first message (same id), by `author`.
 * Throws 50035 for a bad name, message or tag list.
 */
export function createForumPost(state: FakeState, forum: FakeChannel, author: APIUser, input: ForumPostInput): { thread: FakeChannel; message: StoredMessage } {
  const name = checkName(input.name);
  if (!isRecord(input.message)) {
    const errors = new FormErrors();
    errors.required(['message']);
    errors.throwIfAny();
  }
  validateMessage(input.message);
  const body = input.message as Record<string, unknown>;
  const known = new Set((forum.availableTags ?? []).map((t) => t.id));
  const tags = Array.isArray(input.appliedTags) ? input.appliedTags.map(String) : [];
  if (tags.length > APPLIED_TAGS_MAX || tags.some((t) => !known.has(t))) {
    const errors = new FormErrors();
    errors.add(['applied_tags'], 'BASE_TYPE_CHOICES', 'Value must be one of the forum channel\u2019s available tags.');
    errors.throwIfAny();
  }
  const id = snowflake();
  const thread = state.channels.add({ id, type: ChannelKind.PublicThread, name, parentId: forum.id, ownerId: author.id, appliedTags: tags });
  state.events.emit('threadCreate', thread);
  const content = typeof body.content === 'string' ? body.content : '';
  const message = state.store.create({
    id,
    channelId: id,
    author,
    body,
    extra: { ...mentionFields(state.world, content, body.allowed_mentions), guild_id: state.world.guild.id },
  });
  return { thread, message };
}
