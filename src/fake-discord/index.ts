/**
 * A Discord-compatible fake server for end-to-end tests: a REST API under `/api/v10` and a
 * gateway WebSocket at `/gateway`, both on 127.0.0.1, that a real discord.js `Client` accepts.
 *
 * ```ts
 * const fake = await startFakeDiscord();
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
 * await client.login('fake.token.value');
 * await fake.waitForReady();
 * fake.sendInteraction(fake.slashCommand('ask', { question: 'hi' }));
 * const reply = await fake.waitForRequest((r) => r.path.endsWith('/callback'));
 * ```
 *
 * See README.md in this folder for what the fake enforces and how to extend it.
 */
import { EventEmitter } from 'node:events';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChannelKind, ChannelRegistry, type FakeChannel } from './channels.js';
import { CommandRegistry, type RegisteredCommand } from './commands.js';
import { Intent, visibleMessage } from './content.js';
import { type FaultSpec, FaultInjector } from './faults.js';
import { Gateway } from './gateway.js';
import type { RecordedRequest } from './http.js';
import { type InteractionRecord, InteractionRegistry } from './interactions.js';
import * as build from './payloads.js';
import { createRestHandler } from './rest.js';
import { allRoutes } from './routes/index.js';
import type { FakeDiscordEvents, FakeState } from './state.js';
import { mentionFields } from './mentions.js';
import { MessageStore, type StoredMessage, isEphemeral } from './store.js';
import { createForumPost } from './threads.js';
import { type FakeUser, type World, createWorld, userObject } from './world.js';

export type { FaultSpec } from './faults.js';
export type { RecordedRequest } from './http.js';
export type { InteractionRecord, InteractionResponse } from './interactions.js';
export type { CommandOptions, InteractionOptions, InteractionPayload, OptionValue, OptionsInput, RawOption } from './payloads.js';
export { OptionType } from './payloads.js';
export type { RegisteredCommand } from './commands.js';
export type { FakeDiscordEvents } from './state.js';
export type { StoredMessage, UploadedFile } from './store.js';
export type { FakeUser } from './world.js';
export type { FakeChannel, FakeForumTag } from './channels.js';
export { ChannelKind } from './channels.js';
export * as limits from './limits.js';

/** Options of {@link startFakeDiscord}. */
export interface FakeDiscordOptions {
  /** Port to listen on (127.0.0.1). Default 0: the OS picks a free one. */
  port?: number;
  /** How long after dispatch the first successful interaction callback may arrive. Default 3000. */
  callbackDeadlineMs?: number;
  /** How long interaction tokens work for follow-ups and edits. Default 15 minutes. */
  interactionTokenLifetimeMs?: number;
  /**
   * Whether the privileged Message Content intent is enabled for the app (the developer portal
   * switch). Default true. When false, an IDENTIFY asking for it is closed with 4014, and REST
   * reads show other people's messages without content.
   */
  messageContentEnabled?: boolean;
}

/** Options of {@link FakeDiscord.postForumPost}. */
export interface ForumPostOptions {
  /** Default: the normal member. */
  readonly user?: FakeUser;
  /** Ids of the forum's tags to apply. */
  readonly tagIds?: readonly string[];
}

/** An interaction the fake dispatched. */
export interface SentInteraction {
  id: string;
  token: string;
  payload: build.InteractionPayload;
}

/** Options of {@link FakeDiscord.waitForReady}. */
export interface WaitForReadyOptions {
  /** How many ready sessions to wait for (default 1). */
  sessions?: number;
  /** Default 5000. */
  timeoutMs?: number;
}

/** A running fake. Emits the events of {@link FakeDiscordEvents}. */
export class FakeDiscord extends EventEmitter<FakeDiscordEvents> {
  /** REST base for discord.js (`rest: { api }`); discord.js appends `/v10` itself. */
  readonly apiUrl: string;
  /** `ws://127.0.0.1:PORT/gateway`, as GET /gateway/bot answers. */
  readonly gatewayUrl: string;
  readonly applicationId: string;
  /** Same snowflake as {@link applicationId}, like on Discord. */
  readonly botUserId: string;
  readonly guild: World['guild'];
  readonly channel: World['channel'];
  /** `member` (no special permissions) and `moderator` (MANAGE_GUILD, MANAGE_MESSAGES). */
  readonly users: World['users'];
  /** Role ids: `everyone` (= guild id) and `moderator`. */
  readonly roles: World['roles'];
  /** Every REST request, in the order they were answered. */
  readonly requests: RecordedRequest[] = [];

  private readonly state: FakeState;
  private readonly faults = new FaultInjector();

  /** @internal Use {@link startFakeDiscord}, which creates the server and listens. */
  constructor(
    private readonly server: Server,
    private readonly gateway: Gateway,
    state: FakeState,
    port: number,
  ) {
    super();
    this.state = state;
    const { world } = state;
    this.apiUrl = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}/gateway`;
    state.gatewayUrl = this.gatewayUrl;
    this.applicationId = world.applicationId;
    this.botUserId = world.botUserId;
    this.guild = world.guild;
    this.channel = world.channel;
    this.users = world.users;
    this.roles = world.roles;

    const handler = createRestHandler(allRoutes(state), this.faults, (request) => {
      this.requests.push(request);
      this.emit('request', request);
    });
    server.on('request', (req, res) => void handler(req, res));
    this.forwardEvents();
  }

  /** Re-emits store and route events on this handle, and mirrors message changes to the gateway. */
  private forwardEvents(): void {
    const { store, events } = this.state;
    const guildId = this.guild.id;
    const GUILD_MESSAGES = Intent.GuildMessages;
    const botId = this.botUserId;
    // What each session sees depends on its intents: without Message Content, other people's
    // messages arrive without content unless they mention the bot.
    const perSession = (message: StoredMessage) => (session: { intents: number }) => ({
      ...visibleMessage(message, botId, (session.intents & Intent.MessageContent) !== 0),
      guild_id: guildId,
    });
    store.on('message', (message) => {
      this.emit('message', message);
      if (!isEphemeral(message)) this.gateway.dispatchEach(guildId, 'MESSAGE_CREATE', GUILD_MESSAGES, perSession(message));
    });
    store.on('messageUpdate', (message, before) => {
      this.emit('messageUpdate', message, before);
      if (!isEphemeral(message)) this.gateway.dispatchEach(guildId, 'MESSAGE_UPDATE', GUILD_MESSAGES, perSession(message));
    });
    store.on('messageDelete', (message) => {
      this.emit('messageDelete', message);
      if (!isEphemeral(message)) {
        this.gateway.dispatchToGuild(guildId, 'MESSAGE_DELETE', { id: message.id, channel_id: message.channel_id, guild_id: guildId }, GUILD_MESSAGES);
      }
    });
    events.on('interactionResponse', (response, record) => this.emit('interactionResponse', response, record));
    events.on('sessionReady', (sessionId) => this.emit('sessionReady', sessionId));
    events.on('threadCreate', (thread) => {
      this.emit('threadCreate', thread);
      this.gateway.dispatchToGuild(guildId, 'THREAD_CREATE', { ...this.state.channels.toObject(thread), newly_created: true }, Intent.Guilds);
    });
  }

  /** Application commands registered over REST (global first, then guild ones with `guild_id`). */
  get commands(): RegisteredCommand[] {
    return this.state.commands.all();
  }

  /** Interactions dispatched so far, with their responses. */
  get interactions(): InteractionRecord[] {
    return this.state.interactions.all();
  }

  /** Stored messages, oldest first (of one channel when given). Ephemeral ones are included (flags & 64). */
  messages(channelId?: string): StoredMessage[] {
    return this.state.store.list(channelId);
  }

  /** Resolves once `sessions` gateway sessions are ready (IDENTIFY → READY + GUILD_CREATE sent). */
  waitForReady(options: WaitForReadyOptions = {}): Promise<void> {
    const wanted = options.sessions ?? 1;
    return this.waitUntil('sessionReady', () => this.gateway.readySessions().length >= wanted, options.timeoutMs ?? 5000, `${wanted} ready gateway session(s)`);
  }

  /**
   * Resolves with the first recorded request (already recorded or future) matching `predicate`.
   * Rejects after `timeoutMs` (default 5000).
   */
  waitForRequest(predicate: (request: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    let found: RecordedRequest | undefined;
    const check = (): boolean => (found = this.requests.find(predicate)) !== undefined;
    return this.waitUntil('request', check, timeoutMs, 'a matching REST request').then(() => found as RecordedRequest);
  }

  /**
   * Dispatches INTERACTION_CREATE to every ready session whose shard holds the guild
   * (normally: your one client). The callback deadline starts now.
   * Throws when no session would receive it.
   */
  sendInteraction(payload: build.InteractionPayload): SentInteraction {
    if (this.gateway.readySessions(this.guild.id).length === 0) {
      throw new Error('fake-discord: no ready gateway session for the guild; log a client in and await fake.waitForReady() first');
    }
    const record = this.state.interactions.add(payload);
    this.gateway.dispatchToGuild(this.guild.id, 'INTERACTION_CREATE', payload);
    this.emit('interaction', record);
    return { id: record.id, token: record.token, payload };
  }

  /** Builds a slash command interaction (type 2, command type 1). */
  slashCommand(name: string, options: build.OptionsInput = {}, opts: build.CommandOptions = {}): build.InteractionPayload {
    return build.slashCommand(this.state, name, options, opts);
  }

  /** Builds an autocomplete interaction (type 4) with `focusedOptionName` focused. */
  autocomplete(name: string, options: build.OptionsInput, focusedOptionName: string, opts: build.CommandOptions = {}): build.InteractionPayload {
    return build.autocomplete(this.state, name, options, focusedOptionName, opts);
  }

  /** Builds a button click (type 3, component type 2) on a stored message. */
  button(customId: string, message: StoredMessage, opts: build.InteractionOptions = {}): build.InteractionPayload {
    return build.button(this.state, customId, message, opts);
  }

  /** Builds a string-select choice (type 3, component type 3) on a stored message. */
  stringSelect(customId: string, values: readonly string[], message: StoredMessage, opts: build.InteractionOptions = {}): build.InteractionPayload {
    return build.stringSelect(this.state, customId, values, message, opts);
  }

  /** Builds a message context-menu command (type 2, command type 3) on a stored message. */
  messageContextMenu(name: string, target: StoredMessage, opts: build.InteractionOptions = {}): build.InteractionPayload {
    return build.messageContextMenu(this.state, name, target, opts);
  }

  /** Builds a modal submit (type 5) with text-input values keyed by custom_id. */
  modalSubmit(customId: string, fields: Readonly<Record<string, string>>, opts: build.InteractionOptions & { message?: StoredMessage } = {}): build.InteractionPayload {
    return build.modalSubmit(this.state, customId, fields, opts);
  }

  /**
   * Stores a message written by a human test user (default: the normal member), e.g. as a
   * context-menu target. Sessions with the GUILD_MESSAGES intent get MESSAGE_CREATE.
   */
  postUserMessage(content: string, user: FakeUser = this.users.member, channelId: string = this.channel.id): StoredMessage {
    const channel = this.state.channels.get(channelId);
    if (!channel || channel.type === ChannelKind.Forum) throw new Error(`fake-discord: cannot post in channel ${channelId} (unknown, or a forum: use postForumPost)`);
    return this.state.store.create({
      channelId,
      author: userObject(user),
      body: { content },
      extra: { guild_id: this.guild.id, ...mentionFields(this.state.world, content, undefined, undefined, [userObject(user)]) },
    });
  }

  /**
   * Creates a text (type 0) or forum (type 15, with tags) channel. Sessions get CHANNEL_CREATE;
   * later sessions see it in GUILD_CREATE.
   */
  createChannel(name: string, type: 'text' | 'forum' = 'text', tagNames: readonly string[] = []): FakeChannel {
    const channel = this.state.channels.create(name, type === 'forum' ? ChannelKind.Forum : ChannelKind.Text, tagNames);
    this.gateway.dispatchToGuild(this.guild.id, 'CHANNEL_CREATE', this.state.channels.toObject(channel), Intent.Guilds);
    return channel;
  }

  /**
   * A test user creates a post in a forum: THREAD_CREATE (newly created, Guilds intent), then
   * MESSAGE_CREATE of its first message, which has the post's id.
   */
  postForumPost(forumId: string, title: string, content: string, options: ForumPostOptions = {}): { thread: FakeChannel; message: StoredMessage } {
    const forum = this.state.channels.get(forumId);
    if (forum?.type !== ChannelKind.Forum) throw new Error(`fake-discord: ${forumId} is not a forum channel`);
    return createForumPost(this.state, forum, userObject(options.user ?? this.users.member), { name: title, message: { content }, appliedTags: options.tagIds ?? [] });
  }

  /** A channel or thread by id. */
  channelById(id: string): FakeChannel | undefined {
    return this.state.channels.get(id);
  }

  /** Makes the next matching REST request(s) fail (see {@link FaultSpec}). */
  failNext(spec: FaultSpec): void {
    this.faults.add(spec);
  }

  /** Stops the servers and drops every connection. Safe to call twice. */
  async close(): Promise<void> {
    if (!this.server.listening) return;
    this.faults.clear();
    await this.gateway.close();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
    this.removeAllListeners();
  }

  private waitUntil(event: keyof FakeDiscordEvents, done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const onEvent = (): void => {
        if (!done()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake-discord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.off(event, onEvent);
      };
      this.on(event, onEvent);
    });
  }
}

/** Starts a fake on 127.0.0.1 (default port 0 = any free port). Close it with `await fake.close()`. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const world = createWorld();
  const events = new EventEmitter<FakeDiscordEvents>();
  const state: FakeState = {
    world,
    store: new MessageStore(),
    interactions: new InteractionRegistry({
      ...(options.callbackDeadlineMs !== undefined ? { callbackDeadlineMs: options.callbackDeadlineMs } : {}),
      ...(options.interactionTokenLifetimeMs !== undefined ? { tokenLifetimeMs: options.interactionTokenLifetimeMs } : {}),
    }),
    commands: new CommandRegistry(world.applicationId),
    channels: new ChannelRegistry(world),
    messageContentEnabled: options.messageContentEnabled ?? true,
    events,
    gatewayUrl: '',
  };
  const gateway = new Gateway(state);
  const server = createServer();
  server.on('upgrade', (req, socket, head) => gateway.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  return new FakeDiscord(server, gateway, state, (server.address() as AddressInfo).port);
}
