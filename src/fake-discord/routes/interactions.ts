/**
 * Interaction routes: the initial response (POST /interactions/:id/:token/callback) and the
 * interaction webhook (follow-ups, and GET/PATCH/DELETE of `@original` or a follow-up).
 * None of them take a bot token, like on Discord.
 */
import { Errors, FormErrors } from '../errors.js';
import type { InteractionRecord, InteractionResponse } from '../interactions.js';
import { MessageFlag } from '../limits.js';
import { mentionFields } from '../mentions.js';
import type { Route, RouteRequest } from '../router.js';
import type { FakeState } from '../state.js';
import type { StoredMessage, UploadedFile } from '../store.js';
import { isRecord, validateAutocompleteChoices, validateMessage, validateModal } from '../validate.js';
import { botUserObject } from '../world.js';
import { validateEdit } from './channels.js';

/** Callback types Discord accepts per interaction type (1 ping, 2 command, 3 component, 4 autocomplete, 5 modal). */
const ALLOWED_CALLBACKS: Record<number, readonly number[]> = {
  1: [1],
  2: [4, 5, 9],
  3: [4, 5, 6, 7, 9],
  4: [8],
  5: [4, 5, 6, 7],
};

/** Flags a webhook/interaction message may be created with. */
const CREATE_FLAGS = MessageFlag.SuppressEmbeds | MessageFlag.Ephemeral | MessageFlag.SuppressNotifications | MessageFlag.IsComponentsV2;

/** Message type of a reply: 20 for slash commands, 23 for context menus, 0 otherwise. */
function replyType(record: InteractionRecord): number {
  if (record.payload.type !== 2) return 0;
  return record.payload.data.type === 1 ? 20 : 23;
}

/** Interaction routes. */
export function interactionRoutes(state: FakeState): Route[] {
  const { world, store, interactions } = state;

  /** Fields Discord adds to messages created through an interaction. */
  const interactionFields = (record: InteractionRecord, followUp: boolean): Record<string, unknown> => {
    const { payload } = record;
    const member = payload.member as { user?: unknown } | undefined;
    const data = payload.data;
    return {
      webhook_id: world.applicationId,
      application_id: world.applicationId,
      interaction_metadata: {
        id: record.id,
        type: payload.type,
        user: member?.user,
        authorizing_integration_owners: payload.authorizing_integration_owners,
        ...(payload.type === 2 ? { name: data.name, command_type: data.type } : {}),
        ...(payload.message ? { interacted_message_id: payload.message.id } : {}),
        ...(followUp && record.originalMessageId ? { original_response_message_id: record.originalMessageId } : {}),
      },
    };
  };

  const createReply = (
    record: InteractionRecord,
    body: Record<string, unknown>,
    files: UploadedFile[],
    followUp: boolean,
    extraFlags = 0,
  ): StoredMessage => {
    const flags = ((typeof body.flags === 'number' ? body.flags : 0) & CREATE_FLAGS) | extraFlags;
    const content = typeof body.content === 'string' ? body.content : '';
    const message = store.create({
      channelId: typeof record.payload.channel_id === 'string' ? record.payload.channel_id : world.channel.id,
      author: botUserObject(world),
      body: { ...body, flags },
      type: replyType(record),
      files,
      extra: { ...interactionFields(record, followUp), ...mentionFields(world, content, body.allowed_mentions) },
    });
    record.messageIds.add(message.id);
    if (!followUp) record.originalMessageId = message.id;
    return message;
  };

  /** Applies one accepted initial response; returns the message it created or updated. */
  const respond = (record: InteractionRecord, type: number, data: unknown, files: UploadedFile[]): StoredMessage | undefined => {
    const payload = isRecord(data) ? data : {};
    switch (type) {
      case 4:
        validateMessage(data, { prefix: ['data'], fileCount: files.length });
        return createReply(record, payload, files, false);
      case 5: {
        const ephemeral = (typeof payload.flags === 'number' ? payload.flags : 0) & MessageFlag.Ephemeral;
        return createReply(record, { content: '', flags: ephemeral }, [], false, MessageFlag.Loading);
      }
      case 7: {
        const target = store.get(record.originalMessageId ?? '');
        if (!target) throw Errors.unknownMessage();
        validateEdit(target, payload, files.length);
        return store.update(target.id, payload, files);
      }
      case 8:
        validateAutocompleteChoices(data);
        return undefined;
      case 9:
        validateModal(data);
        return undefined;
      default: // 1 pong, 6 deferred update: nothing visible changes
        return type === 6 ? store.get(record.originalMessageId ?? '') : undefined;
    }
  };

  const callback: Route = {
    method: 'POST', path: '/interactions/:interactionId/:token/callback', auth: false,
    handle: ({ params, body, files, query, now }) => {
      const record = interactions.forCallback(params.interactionId ?? '', params.token ?? '', now);
      const request = isRecord(body) ? body : {};
      const type = typeof request.type === 'number' ? request.type : -1;
      const allowed = ALLOWED_CALLBACKS[record.payload.type] ?? [];
      if (!allowed.includes(type)) {
        const errors = new FormErrors();
        errors.add(['type'], 'BASE_TYPE_CHOICES', `Value must be one of {${allowed.join(', ')}}.`);
        errors.throwIfAny();
      }
      const message = respond(record, type, request.data, files);
      const response: InteractionResponse = {
        interactionId: record.id,
        type,
        data: request.data,
        latencyMs: now - record.sentAt,
        ...(message ? { messageId: message.id } : {}),
      };
      record.response = response;
      state.events.emit('interactionResponse', response, record);

      if (query.get('with_response') !== 'true') return { status: 204 };
      const flags = message?.flags ?? 0;
      return {
        status: 200,
        body: {
          interaction: {
            id: record.id,
            type: record.payload.type,
            ...(message
              ? {
                  response_message_id: message.id,
                  response_message_loading: (flags & MessageFlag.Loading) !== 0,
                  response_message_ephemeral: (flags & MessageFlag.Ephemeral) !== 0,
                }
              : {}),
          },
          resource: { type, ...(message && [4, 5, 7].includes(type) ? { message } : {}) },
        },
      };
    },
  };

  const webhookRecord = (params: Record<string, string>, now: number): InteractionRecord =>
    interactions.forWebhook(params.appId ?? '', world.applicationId, params.token ?? '', now);

  /** Resolves `@original` or a follow-up id to a message this interaction owns, or 10008. */
  const ownMessage = ({ params, now }: RouteRequest): StoredMessage => {
    const record = webhookRecord(params, now);
    const id = params.messageId === '@original' ? record.originalMessageId : params.messageId;
    const message = id === undefined ? undefined : store.get(id);
    if (!message || !(record.messageIds.has(message.id) || record.originalMessageId === message.id)) throw Errors.unknownMessage();
    return message;
  };

  const messagePath = '/webhooks/:appId/:token/messages/:messageId';
  return [
    callback,
    {
      method: 'POST', path: '/webhooks/:appId/:token', auth: false,
      handle: ({ params, body, files, query, now }) => {
        const record = webhookRecord(params, now);
        validateMessage(body, { fileCount: files.length });
        const message = createReply(record, isRecord(body) ? body : {}, files, true);
        return query.get('wait') === 'false' ? { status: 204 } : { status: 200, body: message };
      },
    },
    { method: 'GET', path: messagePath, auth: false, handle: (req) => ({ status: 200, body: ownMessage(req) }) },
    {
      method: 'PATCH', path: messagePath, auth: false,
      handle: (req) => {
        const message = ownMessage(req);
        const patch = isRecord(req.body) ? req.body : {};
        validateEdit(message, patch, req.files.length);
        return { status: 200, body: store.update(message.id, patch, req.files) };
      },
    },
    {
      method: 'DELETE', path: messagePath, auth: false,
      handle: (req) => {
        store.delete(ownMessage(req).id);
        return { status: 204 };
      },
    },
  ];
}
