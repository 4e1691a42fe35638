/**
 * The guild's channels: the world's text channel, channels a test creates (text or forum), and
 * threads (started from a message, or forum posts). Channel objects are shaped as Discord sends
 * them in GUILD_CREATE, CHANNEL_CREATE, THREAD_CREATE and GET /channels/:id.
 */
import { snowflake } from './ids.js';
import type { World } from './world.js';

/** Discord channel types the fake serves. */
export const ChannelKind = { Text: 0, PublicThread: 11, Forum: 15 } as const;

/** A forum tag. */
export interface FakeForumTag {
  readonly id: string;
  readonly name: string;
}

/** A channel or thread of the fake guild. */
export interface FakeChannel {
  readonly id: string;
  /** 0 text, 11 public thread, 15 forum. */
  readonly type: number;
  readonly name: string;
  /** Threads: the channel they belong to. */
  readonly parentId?: string;
  /** Threads: who started it. */
  readonly ownerId?: string;
  /** Forums: the tags posts may carry. */
  readonly availableTags?: readonly FakeForumTag[];
  /** Forum posts: the tags applied. */
  readonly appliedTags?: readonly string[];
}

/** Longest channel or thread name. */
export const CHANNEL_NAME_MAX = 100;
/** Tags a forum post may carry. */
export const APPLIED_TAGS_MAX = 5;

/** Every channel and thread of the guild, in creation order. */
export class ChannelRegistry {
  private readonly byId = new Map<string, FakeChannel>();

  constructor(private readonly world: World) {
    this.add({ id: world.channel.id, type: ChannelKind.Text, name: world.channel.name });
  }

  /** Stores a channel (its id is taken as given) and returns it. */
  add(channel: FakeChannel): FakeChannel {
    this.byId.set(channel.id, channel);
    return channel;
  }

  /** A new text or forum channel, with tags for a forum. */
  create(name: string, type: number, tagNames: readonly string[] = []): FakeChannel {
    const availableTags = type === ChannelKind.Forum ? tagNames.map((tag) => ({ id: snowflake(), name: tag })) : undefined;
    return this.add({ id: snowflake(), type, name, ...(availableTags ? { availableTags } : {}) });
  }

  /** A channel or thread by id. */
  get(id: string | undefined): FakeChannel | undefined {
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** Every channel and thread, in creation order. */
  all(): FakeChannel[] {
    return [...this.byId.values()];
  }

  /** Channels that are not threads. */
  channels(): FakeChannel[] {
    return this.all().filter((c) => c.type !== ChannelKind.PublicThread);
  }

  /** Threads and forum posts. */
  threads(): FakeChannel[] {
    return this.all().filter((c) => c.type === ChannelKind.PublicThread);
  }

  /** The channel object Discord sends for `channel`. */
  toObject(channel: FakeChannel): Record<string, unknown> {
    const base = { id: channel.id, type: channel.type, guild_id: this.world.guild.id, name: channel.name, flags: 0, rate_limit_per_user: 0, last_message_id: null };
    if (channel.type === ChannelKind.PublicThread) {
      const now = new Date().toISOString();
      return {
        ...base,
        parent_id: channel.parentId ?? null,
        owner_id: channel.ownerId ?? null,
        applied_tags: [...(channel.appliedTags ?? [])],
        message_count: 0,
        member_count: 1,
        total_message_sent: 0,
        thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: now, locked: false, create_timestamp: now },
      };
    }
    const common = { ...base, position: 0, permission_overwrites: [], nsfw: false, parent_id: null };
    if (channel.type === ChannelKind.Forum) {
      return {
        ...common,
        topic: null,
        available_tags: (channel.availableTags ?? []).map((t) => ({ id: t.id, name: t.name, moderated: false, emoji_id: null, emoji_name: null })),
        default_reaction_emoji: null,
        default_sort_order: null,
        default_forum_layout: 0,
        default_thread_rate_limit_per_user: 0,
      };
    }
    return { ...common, topic: channel.id === this.world.channel.id ? 'Where Footnote answers questions' : null };
  }
}
