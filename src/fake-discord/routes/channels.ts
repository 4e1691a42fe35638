/**
 * Channel routes: read channels and threads, create/read/edit/delete messages as the bot,
 * start threads from messages, and create forum posts.
 */
import type { FakeChannel } from '../channels.js';
import { ChannelKind } from '../channels.js';
import { visibleMessage } from '../content.js';
import { ApiError, Errors } from '../errors.js';
import { MessageFlag } from '../limits.js';
import { mentionFields } from '../mentions.js';
import type { Route } from '../router.js';
import type { FakeState } from '../state.js';
import type { StoredMessage } from '../store.js';
import { createForumPost, startThreadFromMessage } from '../threads.js';
import { isEmptyMessage, isRecord, validateMessage } from '../validate.js';
import { botUserObject } from '../world.js';

/** Checks an edit against the limits, and that the edited message would not be empty (50006). */
export function validateEdit(current: StoredMessage, patch: Record<string, unknown>, fileCount: number): void {
  validateMessage(patch, { requireSomething: false });
  const merged = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  if (isEmptyMessage(merged, fileCount)) throw Errors.emptyMessage();
}

const cannotSendHere = (): ApiError => new ApiError(400, { code: 50008, message: 'Cannot send messages in a non-text channel' });

/** /channels/:channelId… routes (all need a bot token). */
export function channelRoutes(state: FakeState): Route[] {
  const { world, store, channels } = state;

  const findChannel = (channelId: string | undefined): FakeChannel => {
    const channel = channels.get(channelId);
    if (!channel) throw Errors.unknownChannel();
    return channel;
  };
  const findMessage = (channelId: string | undefined, messageId: string | undefined): StoredMessage => {
    const message = store.get(messageId ?? '');
    if (!message || message.channel_id !== findChannel(channelId).id) throw Errors.unknownMessage();
    return message;
  };
  /** REST shows content only when the app has the Message Content intent enabled (or the message is its own or mentions it). */
  const shown = (message: StoredMessage): StoredMessage => visibleMessage(message, world.botUserId, state.messageContentEnabled);

  return [
    {
      method: 'GET', path: '/channels/:channelId', auth: true,
      handle: ({ params }) => ({ status: 200, body: channels.toObject(findChannel(params.channelId)) }),
    },
    {
      method: 'GET', path: '/channels/:channelId/messages', auth: true,
      handle: ({ params, query }) => {
        const limit = Math.min(100, Number(query.get('limit') ?? 50) || 50);
        const newestFirst = store.list(findChannel(params.channelId).id).reverse();
        return { status: 200, body: newestFirst.slice(0, limit).map(shown) };
      },
    },
    {
      method: 'GET', path: '/channels/:channelId/messages/:messageId', auth: true,
      handle: ({ params }) => ({ status: 200, body: shown(findMessage(params.channelId, params.messageId)) }),
    },
    {
      method: 'POST', path: '/channels/:channelId/messages', auth: true,
      handle: ({ params, body, files }) => {
        const channel = findChannel(params.channelId);
        if (channel.type === ChannelKind.Forum) throw cannotSendHere();
        validateMessage(body, { fileCount: files.length });
        const payload = isRecord(body) ? body : {};
        const flags = (typeof payload.flags === 'number' ? payload.flags : 0) & ~MessageFlag.Ephemeral;
        const reference = isRecord(payload.message_reference) ? payload.message_reference : undefined;
        const referenced = reference ? store.get(String(reference.message_id ?? '')) : undefined;
        if (reference && (!referenced || referenced.channel_id !== channel.id) && reference.fail_if_not_exists !== false) {
          throw new ApiError(400, { code: 50035, message: 'Invalid Form Body', errors: { message_reference: { _errors: [{ code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' }] } } });
        }
        const content = typeof payload.content === 'string' ? payload.content : '';
        const message = store.create({
          channelId: channel.id,
          author: botUserObject(world),
          body: { ...payload, flags },
          type: referenced ? 19 : 0,
          files,
          extra: {
            guild_id: world.guild.id,
            ...mentionFields(world, content, payload.allowed_mentions, referenced?.author),
            ...(referenced
              ? { message_reference: { type: 0, message_id: referenced.id, channel_id: channel.id, guild_id: world.guild.id }, referenced_message: referenced }
              : {}),
          },
        });
        return { status: 200, body: message };
      },
    },
    {
      method: 'PATCH', path: '/channels/:channelId/messages/:messageId', auth: true,
      handle: ({ params, body, files }) => {
        const message = findMessage(params.channelId, params.messageId);
        if (message.author.id !== world.botUserId) throw Errors.cannotEditOthers();
        const patch = isRecord(body) ? body : {};
        validateEdit(message, patch, files.length);
        return { status: 200, body: store.update(message.id, patch, files) };
      },
    },
    {
      method: 'DELETE', path: '/channels/:channelId/messages/:messageId', auth: true,
      handle: ({ params }) => {
        const message = findMessage(params.channelId, params.messageId);
        if (message.author.id !== world.botUserId) throw Errors.missingPermissions();
        store.delete(message.id);
        return { status: 204 };
      },
    },
    {
      method: 'POST', path: '/channels/:channelId/messages/:messageId/threads', auth: true,
      handle: ({ params, body }) => {
        const channel = findChannel(params.channelId);
        if (channel.type !== ChannelKind.Text) throw cannotSendHere();
        const payload = isRecord(body) ? body : {};
        const thread = startThreadFromMessage(state, channel.id, params.messageId ?? '', payload.name, world.botUserId);
        return { status: 201, body: channels.toObject(thread) };
      },
    },
    {
      method: 'POST', path: '/channels/:channelId/threads', auth: true,
      handle: ({ params, body }) => {
        const forum = findChannel(params.channelId);
        // Threads without a starter message in text channels are not used by Footnote; forums only.
        if (forum.type !== ChannelKind.Forum) throw cannotSendHere();
        const payload = isRecord(body) ? body : {};
        const { thread, message } = createForumPost(state, forum, botUserObject(world), { name: payload.name, message: payload.message, appliedTags: payload.applied_tags });
        return { status: 201, body: { ...channels.toObject(thread), message } };
      },
    },
  ];
}
