/**
 * What the page knows: the server's hello (people, channel, commands), who the person acts as,
 * and the channel's messages as last received.
 */
import type { DomWebSocket } from '../browser.js';
import type { ChannelInfo, CommandInfo, PersonInfo, PlaygroundUser, ServerMessage } from '../protocol.js';
import type { Json } from './dom.js';

/** Discord's channel types the page shows. */
export const ChannelType = { Text: 0, Thread: 11, Forum: 15 } as const;

/** The server's first message. */
export type Hello = Extract<ServerMessage, { type: 'hello' }>;

/** The page's state (one page, one person). */
export const state = {
  hello: undefined as Hello | undefined,
  user: 'member' as PlaygroundUser,
  /** Messages of every channel and thread, in order, as last received. */
  messages: new Map<string, Json>(),
  /** Channels, forums and threads by id, in creation order. */
  channels: new Map<string, ChannelInfo>(),
  /** The channel, forum or thread on screen. */
  current: '',
  dismissed: new Set<string>(),
  socket: undefined as DomWebSocket | undefined,
};

/** The person the page acts as. */
export function me(): PersonInfo | undefined {
  return state.hello?.users[state.user];
}

/** The display name of a user id in the channel, if known. */
export function personName(id: string | undefined): string | undefined {
  const hello = state.hello;
  if (!hello || id === undefined) return undefined;
  return [hello.bot, hello.users.member, hello.users.moderator].find((p) => p.id === id)?.name;
}

/** Discord's ADMINISTRATOR permission bit: it grants every other. */
const ADMINISTRATOR = 1n << 3n;

/**
 * Commands the person may see, as Discord's client shows them: one with
 * `default_member_permissions` only to those holding all of those permissions.
 */
export function visibleCommands(type: number): CommandInfo[] {
  const person = me();
  const held = BigInt(person?.permissions ?? '0');
  return (state.hello?.commands ?? []).filter((c) => {
    if (c.type !== type) return false;
    if (c.defaultMemberPermissions === undefined) return true;
    const needed = BigInt(c.defaultMemberPermissions);
    return (held & ADMINISTRATOR) !== 0n || (held & needed) === needed;
  });
}

/** The channel, forum or thread on screen. */
export function currentChannel(): ChannelInfo | undefined {
  return state.channels.get(state.current);
}
