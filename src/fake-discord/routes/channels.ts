/**
 * Channel routes: read the channel, and create/read/edit/delete messages as the bot.
 */
import { Errors } from '../errors.js';
import { MessageFlag } from '../limits.js';
import type { Route } from '../router.js';
import type { FakeState } from '../state.js';
import type { StoredMessage } from '../store.js';
import { isEmptyMessage, isRecord, validateMessage } from '../validate.js';
import { botUserObject, channelObject } from '../world.js';

/** Checks an edit against the limits, and that the edited message would not be empty (50006). */
export function validateEdit(current: StoredMessage, patch: Record<string, unknown>, fileCount: number): void {
  validateMessage(patch, { requireSomething: false });
  const merged = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  if (isEmptyMessage(merged, fileCount)) throw Errors.emptyMessage();
}

/** /channels/:channelId… routes (all need a bot token). */
export function channelRoutes(state: FakeState): Route[] {
  const { world, store } = state;

  const checkChannel = (channelId: string | undefined): string => {
    if (channelId !== world.channel.id) throw Errors.unknownChannel();
    return channelId;
  };
  const findMessage = (channelId: string | undefined, messageId: string | undefined): StoredMessage => {
    const message = store.get(messageId ?? '');
    if (!message || message.channel_id !== checkChannel(channelId)) throw Errors.unknownMessage();
    return message;
  };

  return [
    {
      method: 'GET', path: '/channels/:channelId', auth: true,
      handle: ({ params }) => (checkChannel(params.channelId), { status: 200, body: channelObject(world) }),
    },
    {
      method: 'GET', path: '/channels/:channelId/messages', auth: true,
      handle: ({ params, query }) => {
        const limit = Math.min(100, Number(query.get('limit') ?? 50) || 50);
        const newestFirst = store.list(checkChannel(params.channelId)).reverse();
        return { status: 200, body: newestFirst.slice(0, limit) };
      },
    },
    {
      method: 'GET', path: '/channels/:channelId/messages/:messageId', auth: true,
      handle: ({ params }) => ({ status: 200, body: findMessage(params.channelId, params.messageId) }),
    },
    {
      method: 'POST', path: '/channels/:channelId/messages', auth: true,
      handle: ({ params, body, files }) => {
        const channelId = checkChannel(params.channelId);
        validateMessage(body, { fileCount: files.length });
        const payload = isRecord(body) ? body : {};
        const flags = (typeof payload.flags === 'number' ? payload.flags : 0) & ~MessageFlag.Ephemeral;
        const reference = isRecord(payload.message_reference) ? payload.message_reference : undefined;
        const message = store.create({
          channelId,
          author: botUserObject(world),
          body: { ...payload, flags },
          type: reference ? 19 : 0,
          files,
          ...(reference ? { extra: { message_reference: { ...reference, channel_id: channelId, guild_id: world.guild.id } } } : {}),
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
  ];
}
