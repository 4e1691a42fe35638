/**
 * The fixed little world the fake serves: one application/bot, one guild with one text
 * channel, two roles and two human test users. Ids are real snowflakes made from fixed
 * dates, so they are the same in every run.
 */
import type { APIUser } from 'discord.js';
import type { ChannelRegistry } from './channels.js';
import { snowflake } from './ids.js';
import { Permission } from './limits.js';

/** A human test user and the guild membership the fake gives them. */
export interface FakeUser {
  readonly id: string;
  readonly username: string;
  readonly globalName: string;
  /** Role ids (never includes @everyone, like Discord). */
  readonly roles: readonly string[];
  /** The member's computed permissions as a decimal string bitfield, as sent in interactions. */
  readonly permissions: string;
  /** A bot account (another bot in the server). */
  readonly bot?: boolean;
}

/** Everything with a fixed id in the fake. */
export interface World {
  readonly applicationId: string;
  /** The bot user's id; Discord makes it equal to the application id. */
  readonly botUserId: string;
  readonly guild: { readonly id: string; readonly name: string; readonly ownerId: string };
  readonly channel: { readonly id: string; readonly name: string };
  readonly roles: { readonly everyone: string; readonly moderator: string };
  /** `member`: a normal member; `moderator`: has the Moderator role (MANAGE_GUILD, MANAGE_MESSAGES). */
  readonly users: { readonly member: FakeUser; readonly moderator: FakeUser };
  /** When the bot "joined" the guild (ISO). */
  readonly joinedAt: string;
}

const bits = (...values: bigint[]): string => values.reduce((a, b) => a | b, 0n).toString();

/** Permissions of @everyone (and so of every member). */
export const EVERYONE_PERMISSIONS = bits(
  Permission.ViewChannel,
  Permission.SendMessages,
  Permission.EmbedLinks,
  Permission.AttachFiles,
  Permission.ReadMessageHistory,
  Permission.UseApplicationCommands,
);
/** Extra permissions of the Moderator role. */
const MODERATOR_PERMISSIONS = bits(Permission.ManageGuild, Permission.ManageMessages);

/** Builds the world. Calling it twice gives the same ids. */
export function createWorld(): World {
  const at = (iso: string): string => snowflake(Date.parse(iso), 0);
  const applicationId = at('2021-03-04T05:06:07.000Z');
  const guildId = at('2020-01-02T03:04:05.000Z');
  const moderatorRole = at('2020-01-02T03:05:00.000Z');
  const memberUser = at('2019-05-06T07:08:09.000Z');
  const moderatorUser = at('2018-02-03T04:05:06.000Z');
  return {
    applicationId,
    botUserId: applicationId,
    guild: { id: guildId, name: 'Footnote Test Guild', ownerId: moderatorUser },
    channel: { id: at('2020-01-02T03:04:30.000Z'), name: 'general' },
    roles: { everyone: guildId, moderator: moderatorRole },
    users: {
      member: { id: memberUser, username: 'alice', globalName: 'Alice', roles: [], permissions: EVERYONE_PERMISSIONS },
      moderator: {
        id: moderatorUser,
        username: 'morgan_mod',
        globalName: 'Morgan',
        roles: [moderatorRole],
        permissions: (BigInt(EVERYONE_PERMISSIONS) | BigInt(MODERATOR_PERMISSIONS)).toString(),
      },
    },
    joinedAt: '2021-03-04T05:06:07.000Z',
  };
}

/** The bot's user object. */
export function botUserObject(world: World): APIUser {
  return { id: world.botUserId, username: 'Footnote', discriminator: '0', global_name: null, avatar: null, bot: true };
}

/** A test user's user object. */
export function userObject(user: FakeUser): APIUser {
  return { id: user.id, username: user.username, discriminator: '0', global_name: user.globalName, avatar: null, ...(user.bot === true ? { bot: true } : {}) };
}

/** A guild member object as it appears in interactions (with `permissions`). */
export function memberObject(user: FakeUser, world: World): Record<string, unknown> {
  return {
    user: userObject(user),
    nick: null,
    avatar: null,
    banner: null,
    roles: [...user.roles],
    joined_at: world.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    pending: false,
    flags: 0,
    permissions: user.permissions,
    communication_disabled_until: null,
  };
}

/** The bot's own member object (GUILD_CREATE always lists the current user). */
export function botMemberObject(world: World): Record<string, unknown> {
  const { permissions: _unused, ...member } = memberObject(
    { id: world.botUserId, username: 'Footnote', globalName: 'Footnote', roles: [], permissions: EVERYONE_PERMISSIONS },
    world,
  );
  return { ...member, user: botUserObject(world) };
}

/** The text channel (type 0). */
export function channelObject(world: World): Record<string, unknown> {
  return {
    id: world.channel.id,
    type: 0,
    guild_id: world.guild.id,
    name: world.channel.name,
    position: 0,
    permission_overwrites: [],
    topic: 'Where Footnote answers questions',
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: 0,
  };
}

/** The guild's roles: @everyone (id = guild id) and Moderator. */
export function roleObjects(world: World): Record<string, unknown>[] {
  const role = (id: string, name: string, permissions: string, position: number): Record<string, unknown> => ({
    id, name, permissions, position, color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false, icon: null, unicode_emoji: null, managed: false, mentionable: false, flags: 0,
  });
  return [
    role(world.roles.everyone, '@everyone', EVERYONE_PERMISSIONS, 0),
    role(world.roles.moderator, 'Moderator', MODERATOR_PERMISSIONS, 1),
  ];
}

/** The guild as GET /guilds/:id returns it. */
export function guildObject(world: World): Record<string, unknown> {
  return {
    id: world.guild.id, name: world.guild.name, icon: null, splash: null, discovery_splash: null, banner: null,
    description: null, owner_id: world.guild.ownerId, afk_channel_id: null, afk_timeout: 300,
    verification_level: 0, default_message_notifications: 0, explicit_content_filter: 0, mfa_level: 0,
    nsfw_level: 0, premium_tier: 0, premium_subscription_count: 0, premium_progress_bar_enabled: false,
    roles: roleObjects(world), emojis: [], stickers: [], features: [], application_id: null,
    system_channel_id: world.channel.id, system_channel_flags: 0, rules_channel_id: null,
    public_updates_channel_id: null, safety_alerts_channel_id: null, vanity_url_code: null,
    preferred_locale: 'en-US', max_members: 500000, max_video_channel_users: 25, max_stage_video_channel_users: 50,
  };
}

/** The full GUILD_CREATE dispatch data, which makes discord.js consider the guild available. */
export function guildCreateData(world: World, channels: ChannelRegistry): Record<string, unknown> {
  return {
    ...guildObject(world),
    joined_at: world.joinedAt,
    large: false,
    unavailable: false,
    member_count: 3,
    channels: channels.channels().map((c) => channels.toObject(c)),
    threads: channels.threads().map((t) => channels.toObject(t)),
    members: [botMemberObject(world)],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** GET /applications/@me. */
export function applicationObject(world: World): Record<string, unknown> {
  return {
    id: world.applicationId, name: 'Footnote', icon: null, description: 'Footnote (fake)', summary: '',
    bot_public: false, bot_require_code_grant: false, verify_key: '0'.repeat(64), flags: 0, team: null,
    owner: userObject(world.users.moderator), bot: botUserObject(world), approximate_guild_count: 1,
    integration_types_config: { 0: {} }, tags: [],
  };
}
