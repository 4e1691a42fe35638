/**
 * The message store: every message the fake knows about, per channel, in creation order.
 * It emits `message`, `messageUpdate` and `messageDelete` so tests and the browser
 * playground can follow the channel live.
 */
import { EventEmitter } from 'node:events';
import type { APIAttachment, APIMessage, APIUser } from 'discord.js';
import { snowflake } from './ids.js';
import { MessageFlag } from './limits.js';
import { isRecord } from './validate.js';

/** A stored message: Discord's message object, plus the `allowed_mentions` it was sent with. */
export type StoredMessage = APIMessage & { allowed_mentions?: unknown };

/** A file that came in a multipart upload. */
export interface UploadedFile {
  /** Form field name, e.g. `files[0]`. */
  field: string;
  filename: string;
  contentType: string;
  size: number;
}

/** What is needed to create a message. */
export interface NewMessage {
  /** Default: a new snowflake (a forum post's first message takes the post's id). */
  id?: string;
  channelId: string;
  author: APIUser;
  /** The request payload: content, embeds, components, flags, tts, allowed_mentions, attachments. */
  body: Record<string, unknown>;
  /** Discord message type: 0 default, 20 chat-input command reply, 23 context-menu reply. */
  type?: number;
  files?: readonly UploadedFile[];
  /** Extra fields to merge in (webhook_id, application_id, interaction_metadata, …). */
  extra?: Record<string, unknown>;
}

/** Events of the store, re-emitted by the fake. */
export interface MessageStoreEvents {
  message: [message: StoredMessage];
  messageUpdate: [message: StoredMessage, before: StoredMessage];
  messageDelete: [message: StoredMessage];
}

const EDITABLE_FIELDS = ['content', 'embeds', 'components', 'allowed_mentions', 'poll'] as const;

/** In-memory message store. Messages are returned as copies; mutate only through the methods. */
export class MessageStore extends EventEmitter<MessageStoreEvents> {
  private readonly byId = new Map<string, StoredMessage>();

  /** Creates, stores and announces a message. */
  create(input: NewMessage): StoredMessage {
    const id = input.id ?? snowflake();
    const body = input.body;
    const message: StoredMessage = {
      id,
      channel_id: input.channelId,
      author: input.author,
      content: typeof body.content === 'string' ? body.content : '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: body.tts === true,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: attachmentsFor(id, input.files ?? []),
      embeds: Array.isArray(body.embeds) ? (body.embeds as APIMessage['embeds']) : [],
      components: Array.isArray(body.components) ? (body.components as NonNullable<APIMessage['components']>) : [],
      pinned: false,
      type: (input.type ?? 0) as APIMessage['type'],
      flags: typeof body.flags === 'number' ? body.flags : 0,
      ...(body.allowed_mentions !== undefined ? { allowed_mentions: body.allowed_mentions } : {}),
      ...input.extra,
    };
    this.byId.set(id, message);
    this.emit('message', structuredClone(message));
    return structuredClone(message);
  }

  /**
   * Applies an edit (content, embeds, components, allowed_mentions, attachments, flags) and
   * announces it. Clears the LOADING flag of a deferred reply. Throws if the id is unknown.
   */
  update(id: string, patch: Record<string, unknown>, files: readonly UploadedFile[] = []): StoredMessage {
    const before = this.byId.get(id);
    if (!before) throw new Error(`no stored message ${id}`);
    const after: StoredMessage = structuredClone(before);
    const record = after as unknown as Record<string, unknown>;
    for (const key of EDITABLE_FIELDS) if (patch[key] !== undefined) record[key] = patch[key] ?? (key === 'content' ? '' : []);
    if (Array.isArray(patch.attachments)) {
      const keep = new Set(patch.attachments.filter(isRecord).map((a) => String(a.id)));
      after.attachments = before.attachments.filter((a) => keep.has(a.id));
    }
    after.attachments = [...after.attachments, ...attachmentsFor(id, files)];
    const wasLoading = ((before.flags ?? 0) & MessageFlag.Loading) !== 0;
    let flags = (before.flags ?? 0) & ~MessageFlag.Loading;
    if (typeof patch.flags === 'number') flags = (flags & ~MessageFlag.SuppressEmbeds) | (patch.flags & MessageFlag.SuppressEmbeds);
    after.flags = flags;
    after.edited_timestamp = wasLoading ? null : new Date().toISOString();
    this.byId.set(id, after);
    this.emit('messageUpdate', structuredClone(after), structuredClone(before));
    return structuredClone(after);
  }

  /**
   * Merges fields Discord itself sets (e.g. `thread` and the HAS_THREAD flag once a thread is
   * started from the message) and announces the change as an update. Throws if the id is unknown.
   */
  annotate(id: string, fields: Record<string, unknown>): StoredMessage {
    const before = this.byId.get(id);
    if (!before) throw new Error(`no stored message ${id}`);
    const after = { ...structuredClone(before), ...structuredClone(fields) } as StoredMessage;
    this.byId.set(id, after);
    this.emit('messageUpdate', structuredClone(after), structuredClone(before));
    return structuredClone(after);
  }

  /** Deletes and announces a message; returns it, or undefined if it did not exist. */
  delete(id: string): StoredMessage | undefined {
    const message = this.byId.get(id);
    if (!message) return undefined;
    this.byId.delete(id);
    this.emit('messageDelete', structuredClone(message));
    return message;
  }

  /** A copy of one message. */
  get(id: string): StoredMessage | undefined {
    const message = this.byId.get(id);
    return message && structuredClone(message);
  }

  /** Copies of all messages (of one channel, if given), oldest first. */
  list(channelId?: string): StoredMessage[] {
    return [...this.byId.values()]
      .filter((m) => channelId === undefined || m.channel_id === channelId)
      .map((m) => structuredClone(m));
  }
}

function attachmentsFor(messageId: string, files: readonly UploadedFile[]): APIAttachment[] {
  return files.map((file) => {
    const id = snowflake();
    const url = `https://cdn.discordapp.invalid/attachments/${messageId}/${id}/${encodeURIComponent(file.filename)}`;
    return { id, filename: file.filename, size: file.size, url, proxy_url: url, content_type: file.contentType };
  });
}

/** True when a message is ephemeral (only the invoking user would see it). */
export function isEphemeral(message: Pick<APIMessage, 'flags'>): boolean {
  return ((message.flags ?? 0) & MessageFlag.Ephemeral) !== 0;
}
