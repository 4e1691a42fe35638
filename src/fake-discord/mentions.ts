/**
 * Who a message mentions, as Discord computes it: user, role and @everyone mentions parsed from
 * the content, kept only where `allowed_mentions` lets them ping (all of them when the sender
 * gave none), plus the author of the replied-to message when `replied_user` is true.
 */
import type { APIUser } from 'discord.js';
import { isRecord } from './validate.js';
import { botUserObject, userObject, type World } from './world.js';

/** The mention fields of a message object. */
export interface MentionFields {
  mentions: APIUser[];
  mention_roles: string[];
  mention_everyone: boolean;
}

const USER_MENTION = /<@!?(\d{17,20})>/g;
const ROLE_MENTION = /<@&(\d{17,20})>/g;

/**
 * The mention fields of a new message.
 *
 * @example mentionFields(world, '<@123…> hi', undefined).mentions.length // 1 when 123… is a known user
 */
export function mentionFields(world: World, content: string, allowedMentions: unknown, repliedTo?: APIUser, extraUsers: readonly APIUser[] = []): MentionFields {
  const known = new Map<string, APIUser>([[world.botUserId, botUserObject(world)], ...Object.values(world.users).map((u) => [u.id, userObject(u)] as const)]);
  for (const user of extraUsers) known.set(user.id, user);
  const roles = new Set(Object.values(world.roles));
  const allowed = isRecord(allowedMentions) ? allowedMentions : undefined;
  const parse = allowed === undefined ? ['users', 'roles', 'everyone'] : Array.isArray(allowed.parse) ? allowed.parse.map(String) : [];
  const allowedUsers = allowed !== undefined && Array.isArray(allowed.users) ? allowed.users.map(String) : [];
  const allowedRoles = allowed !== undefined && Array.isArray(allowed.roles) ? allowed.roles.map(String) : [];

  const users = new Map<string, APIUser>();
  for (const [, id] of content.matchAll(USER_MENTION)) {
    const user = id === undefined ? undefined : known.get(id);
    if (user && (parse.includes('users') || allowedUsers.includes(user.id))) users.set(user.id, user);
  }
  // A reply pings its target by default only when the sender gave no allowed_mentions.
  const pingReplied = allowed === undefined ? true : allowed.replied_user === true;
  if (repliedTo && pingReplied) users.set(repliedTo.id, repliedTo);
  const mentionRoles = [...content.matchAll(ROLE_MENTION)]
    .map(([, id]) => id ?? '')
    .filter((id) => roles.has(id) && id !== world.guild.id && (parse.includes('roles') || allowedRoles.includes(id)));
  // Members of the fake lack MENTION_EVERYONE, so @everyone and @here are only text.
  return { mentions: [...users.values()], mention_roles: [...new Set(mentionRoles)], mention_everyone: false };
}
