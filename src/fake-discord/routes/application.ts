/**
 * Routes about the bot itself and its guild: gateway discovery, users, the application,
 * application commands and guild look-ups.
 */
import { Errors } from '../errors.js';
import type { Route } from '../router.js';
import type { FakeState } from '../state.js';
import { isRecord, validateCommands } from '../validate.js';
import {
  applicationObject, botMemberObject, botUserObject, guildObject, memberObject, roleObjects, userObject,
} from '../world.js';

/** Gateway, users, application, commands and guild routes. */
export function applicationRoutes(state: FakeState): Route[] {
  const { world } = state;
  const humans = Object.values(world.users);

  const checkApp = (appId: string | undefined): void => {
    if (appId !== world.applicationId) throw Errors.unknownApplication();
  };
  const checkGuild = (guildId: string | undefined): void => {
    if (guildId !== world.guild.id) throw Errors.unknownGuild();
  };
  const commandScope = (params: Record<string, string>): string | undefined => {
    checkApp(params.appId);
    if (params.guildId !== undefined) checkGuild(params.guildId);
    return params.guildId;
  };

  const commandRoutes = (prefix: string): Route[] => [
    { method: 'GET', path: prefix, auth: true, handle: ({ params }) => ({ status: 200, body: state.commands.list(commandScope(params)) }) },
    {
      method: 'PUT', path: prefix, auth: true,
      handle: ({ params, body }) => {
        const scope = commandScope(params);
        validateCommands(body);
        return { status: 200, body: state.commands.overwrite(scope, body as unknown[]) };
      },
    },
    {
      method: 'POST', path: prefix, auth: true,
      handle: ({ params, body }) => {
        const scope = commandScope(params);
        validateCommands([body]);
        return { status: 201, body: state.commands.upsert(scope, isRecord(body) ? body : {}) };
      },
    },
    {
      method: 'DELETE', path: `${prefix}/:commandId`, auth: true,
      handle: ({ params }) => {
        if (!state.commands.delete(commandScope(params), params.commandId ?? '')) throw Errors.unknownCommand();
        return { status: 204 };
      },
    },
  ];

  return [
    { method: 'GET', path: '/gateway', auth: false, handle: () => ({ status: 200, body: { url: state.gatewayUrl } }) },
    {
      method: 'GET', path: '/gateway/bot', auth: true,
      handle: () => ({
        status: 200,
        body: {
          url: state.gatewayUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        },
      }),
    },
    {
      method: 'GET', path: '/users/@me', auth: true,
      handle: () => ({ status: 200, body: { ...botUserObject(world), flags: 0, mfa_enabled: false, verified: true, locale: 'en-US' } }),
    },
    {
      method: 'GET', path: '/users/@me/guilds', auth: true,
      handle: ({ query }) => {
        const after = BigInt(query.get('after') ?? '0');
        const guilds = BigInt(world.guild.id) > after ? [{ id: world.guild.id, name: world.guild.name, icon: null, owner: false, permissions: '0', features: [] }] : [];
        return { status: 200, body: guilds };
      },
    },
    {
      method: 'GET', path: '/users/:userId', auth: true,
      handle: ({ params }) => {
        if (params.userId === world.botUserId) return { status: 200, body: botUserObject(world) };
        const user = humans.find((u) => u.id === params.userId);
        if (!user) throw Errors.unknownUser();
        return { status: 200, body: userObject(user) };
      },
    },
    { method: 'GET', path: '/applications/@me', auth: true, handle: () => ({ status: 200, body: applicationObject(world) }) },
    ...commandRoutes('/applications/:appId/commands'),
    ...commandRoutes('/applications/:appId/guilds/:guildId/commands'),
    {
      method: 'GET', path: '/guilds/:guildId', auth: true,
      handle: ({ params }) => (checkGuild(params.guildId), { status: 200, body: guildObject(world) }),
    },
    {
      method: 'GET', path: '/guilds/:guildId/channels', auth: true,
      handle: ({ params }) => (checkGuild(params.guildId), { status: 200, body: state.channels.channels().map((c) => state.channels.toObject(c)) }),
    },
    {
      method: 'GET', path: '/guilds/:guildId/roles', auth: true,
      handle: ({ params }) => (checkGuild(params.guildId), { status: 200, body: roleObjects(world) }),
    },
    {
      method: 'GET', path: '/guilds/:guildId/members/:userId', auth: true,
      handle: ({ params }) => {
        checkGuild(params.guildId);
        if (params.userId === world.botUserId) return { status: 200, body: botMemberObject(world) };
        const user = humans.find((u) => u.id === params.userId);
        if (!user) throw Errors.unknownMember();
        const { permissions: _permissions, ...member } = memberObject(user, world);
        return { status: 200, body: member };
      },
    },
  ];
}
