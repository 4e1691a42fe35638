/**
 * Builders for INTERACTION_CREATE payloads that a real discord.js Client accepts:
 * slash commands (type 2 / command type 1), autocomplete (type 4), buttons and select
 * menus (type 3), message context menus (type 2 / command type 3) and modal submits (type 5).
 * Every payload is a guild interaction in the fake's channel, with a fresh id and token.
 */
import type { ChannelRegistry, FakeChannel } from './channels.js';
import type { CommandRegistry, RegisteredOption } from './commands.js';
import { randomToken, snowflake } from './ids.js';
import type { StoredMessage } from './store.js';
import { EVERYONE_PERMISSIONS, type FakeUser, type World, memberObject, userObject } from './world.js';

/** An INTERACTION_CREATE `d` object. Only the fields the fake itself reads are typed. */
export interface InteractionPayload {
  id: string;
  token: string;
  /** 2 application command, 3 message component, 4 autocomplete, 5 modal submit. */
  type: number;
  application_id: string;
  data: Record<string, unknown>;
  /** For component interactions: the message the component is on. */
  message?: StoredMessage;
  [key: string]: unknown;
}

/** Discord application command option types the builders use. */
export const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
  Attachment: 11,
} as const;

/** An option exactly as Discord sends it inside `data.options`. */
export interface RawOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  options?: RawOption[];
  focused?: boolean;
}

/** A friendly option value: strings, numbers, booleans, or a test user (a USER option). */
export type OptionValue = string | number | boolean | FakeUser | FakeChannel;

/**
 * Options as a `{ name: value }` record (types are taken from the registered command when there
 * is one, else guessed: string → STRING, integer → INTEGER, other number → NUMBER, boolean → BOOLEAN,
 * FakeUser → USER), or as raw option objects for full control.
 */
export type OptionsInput = Readonly<Record<string, OptionValue>> | readonly RawOption[];

/** Who invokes the interaction and how. */
export interface InteractionOptions {
  /** The invoking member (default: the normal member). */
  user?: FakeUser;
  /** The user's client locale (default 'en-US'). */
  locale?: string;
  /** The channel (or thread) it is used in (default: the world's text channel). */
  channelId?: string;
}

/** Extra options for slash commands and autocomplete. */
export interface CommandOptions extends InteractionOptions {
  /** Wrap the options in this subcommand. */
  subcommand?: string;
  /** Wrap the subcommand in this group (needs `subcommand`). */
  subcommandGroup?: string;
}

/** What the builders need to know about the fake. */
export interface PayloadContext {
  world: World;
  commands: CommandRegistry;
  channels: ChannelRegistry;
}

function isFakeUser(value: OptionValue): value is FakeUser {
  return typeof value === 'object' && value !== null && 'username' in value;
}

function isFakeChannel(value: OptionValue): value is FakeChannel {
  return typeof value === 'object' && value !== null && 'type' in value && !('username' in value);
}

/** The fields every guild interaction carries. */
function base(ctx: PayloadContext, type: number, data: Record<string, unknown>, opts: InteractionOptions): InteractionPayload {
  const { world } = ctx;
  const user = opts.user ?? world.users.member;
  const channel = ctx.channels.get(opts.channelId ?? world.channel.id);
  if (!channel) throw new Error(`fake-discord: unknown channel ${opts.channelId}`);
  return {
    id: snowflake(),
    token: `fake-interaction.${randomToken()}`,
    type,
    application_id: world.applicationId,
    data,
    guild_id: world.guild.id,
    guild: { id: world.guild.id, locale: 'en-US', features: [] },
    channel_id: channel.id,
    channel: ctx.channels.toObject(channel),
    member: memberObject(user, world),
    version: 1,
    app_permissions: EVERYONE_PERMISSIONS,
    locale: opts.locale ?? 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': world.guild.id },
    context: 0,
    attachment_size_limit: 10 * 1024 * 1024,
  };
}

/** Converts friendly options to raw ones and collects resolved users/members for USER options. */
function buildOptions(
  ctx: PayloadContext,
  input: OptionsInput,
  definitions: readonly RegisteredOption[] | undefined,
  resolved: { users: Record<string, unknown>; members: Record<string, unknown>; channels: Record<string, unknown> },
): RawOption[] {
  if (Array.isArray(input)) return structuredClone(input as RawOption[]);
  return Object.entries(input as Record<string, OptionValue>).map(([name, value]) => {
    const declared = definitions?.find((d) => d.name === name)?.type;
    if (isFakeUser(value)) {
      const { user: _user, ...member } = memberObject(value, ctx.world);
      resolved.users[value.id] = userObject(value);
      resolved.members[value.id] = member;
      return { name, type: declared ?? OptionType.User, value: value.id };
    }
    if (isFakeChannel(value)) {
      resolved.channels[value.id] = { ...ctx.channels.toObject(value), permissions: EVERYONE_PERMISSIONS };
      return { name, type: declared ?? OptionType.Channel, value: value.id };
    }
    const guessed =
      typeof value === 'boolean' ? OptionType.Boolean
      : typeof value === 'string' ? OptionType.String
      : Number.isInteger(value) ? OptionType.Integer
      : OptionType.Number;
    return { name, type: declared ?? guessed, value };
  });
}

/** Builds `data` for a chat-input command or its autocomplete. */
function commandData(ctx: PayloadContext, name: string, input: OptionsInput, opts: CommandOptions, focused?: string): Record<string, unknown> {
  const command = ctx.commands.find(name, 1, ctx.world.guild.id);
  let definitions = command?.options;
  if (opts.subcommandGroup) definitions = definitions?.find((o) => o.name === opts.subcommandGroup)?.options;
  if (opts.subcommand) definitions = definitions?.find((o) => o.name === opts.subcommand)?.options;

  const resolved = { users: {}, members: {}, channels: {} };
  let options = buildOptions(ctx, input, definitions, resolved);
  if (focused !== undefined) {
    if (!options.some((o) => o.name === focused)) throw new Error(`focused option "${focused}" is not among the options`);
    options = options.map((o) => (o.name === focused ? { ...o, value: String(o.value ?? ''), focused: true } : o));
  }
  if (opts.subcommand) options = [{ name: opts.subcommand, type: OptionType.Subcommand, options }];
  if (opts.subcommandGroup) options = [{ name: opts.subcommandGroup, type: OptionType.SubcommandGroup, options }];

  const hasResolved = Object.keys(resolved.users).length > 0 || Object.keys(resolved.channels).length > 0;
  return {
    id: command?.id ?? snowflake(),
    name,
    type: 1,
    ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
    options,
    ...(hasResolved ? { resolved } : {}),
  };
}

/** A slash command (interaction type 2, command type 1). */
export function slashCommand(ctx: PayloadContext, name: string, options: OptionsInput = {}, opts: CommandOptions = {}): InteractionPayload {
  return base(ctx, 2, commandData(ctx, name, options, opts), opts);
}

/** An autocomplete request (interaction type 4); the focused option gets `focused: true` and a string value. */
export function autocomplete(
  ctx: PayloadContext,
  name: string,
  options: OptionsInput,
  focusedOptionName: string,
  opts: CommandOptions = {},
): InteractionPayload {
  return base(ctx, 4, commandData(ctx, name, options, opts, focusedOptionName), opts);
}

/** A button click (interaction type 3, component type 2) on a stored message. */
export function button(ctx: PayloadContext, customId: string, message: StoredMessage, opts: InteractionOptions = {}): InteractionPayload {
  return { ...base(ctx, 3, { custom_id: customId, component_type: 2 }, opts), message };
}

/** A string select menu choice (interaction type 3, component type 3) on a stored message. */
export function stringSelect(
  ctx: PayloadContext,
  customId: string,
  values: readonly string[],
  message: StoredMessage,
  opts: InteractionOptions = {},
): InteractionPayload {
  return { ...base(ctx, 3, { custom_id: customId, component_type: 3, values: [...values] }, opts), message };
}

/** A message context-menu command (interaction type 2, command type 3) targeting a stored message. */
export function messageContextMenu(ctx: PayloadContext, name: string, target: StoredMessage, opts: InteractionOptions = {}): InteractionPayload {
  const command = ctx.commands.find(name, 3, ctx.world.guild.id);
  return base(
    ctx,
    2,
    {
      id: command?.id ?? snowflake(),
      name,
      type: 3,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
      ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
    },
    opts,
  );
}

/** A modal submit (interaction type 5) with text-input values by custom_id. */
export function modalSubmit(
  ctx: PayloadContext,
  customId: string,
  fields: Readonly<Record<string, string>>,
  opts: InteractionOptions & { message?: StoredMessage } = {},
): InteractionPayload {
  const components = Object.entries(fields).map(([id, value]) => ({
    type: 1,
    components: [{ type: 4, custom_id: id, value }],
  }));
  const { message, ...rest } = opts;
  // A modal opened from a button carries the message the button was on, like on Discord.
  return { ...base(ctx, 5, { custom_id: customId, components }, rest), ...(message ? { message } : {}) };
}
