/**
 * The bridge between the page and the fake Discord: what a person does on the page becomes a
 * real interaction (slash command, autocomplete, button click, context menu) sent to the bot
 * over the gateway, and every message the bot creates, edits or deletes over REST is pushed
 * back to the page as the fake stored it. Nothing here renders an answer.
 */
import { applyPicked, parseCommandLine, typeOptions, type CommandLine, type TypedValue } from './compose.js';
import { ChannelKind, type FakeChannel, type FakeDiscord, type FakeUser, type InteractionResponse, limits, type OptionValue, type RecordedRequest, type RegisteredCommand, type StoredMessage } from '../fake-discord/index.js';
import type { ChannelInfo, ChoiceInfo, ClientMessage, CommandInfo, CommandOptionInfo, ModalInfo, ModalInputInfo, PersonInfo, PickedChoice, PlaygroundUser, ServerMessage } from './protocol.js';

/** A page connected to the playground. */
export interface PageConnection {
  send(message: ServerMessage): void;
}

/** Longest text accepted from the page in one field (a composer line is far shorter). */
const CLIENT_TEXT_MAX = 4000;
/** Grace after Discord's deadline before telling the page the bot did not respond. */
const NO_RESPONSE_GRACE_MS = 250;
/** Topic shown in the channel header. */
const CHANNEL_TOPIC = 'Ask Footnote about its sources: /ask, /search, /source, /sources, /help';
/** Topic of a forum channel, where the bot answers new posts on its own. */
const FORUM_TOPIC = 'Start a post with your question: Footnote answers it in the post when its sources say.';
/** A snowflake as the page sends one. */
const ID_MAX = 32;
/** Longest forum post title (Discord's channel name limit). */
const TITLE_MAX = 100;
/** Most text inputs in one modal, and in one submit. */
const MODAL_INPUTS_MAX = 5;

/** The page's view of a channel, forum or thread of the fake. */
export function channelInfo(channel: FakeChannel): ChannelInfo {
  return {
    id: channel.id,
    type: channel.type,
    name: channel.name,
    ...(channel.parentId !== undefined ? { parentId: channel.parentId } : {}),
    ...(channel.type === ChannelKind.Forum ? { topic: FORUM_TOPIC, tags: (channel.availableTags ?? []).map((t) => ({ id: t.id, name: t.name })) } : {}),
  };
}

/**
 * The modal a type 9 callback asked for, as the page shows it, or undefined when it is not one
 * (the fake already refused malformed modals, but the page reads only what it needs).
 */
export function modalInfo(data: unknown, channelId: string, messageId: string | undefined): ModalInfo | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as Record<string, unknown>;
  if (typeof d.custom_id !== 'string' || typeof d.title !== 'string' || !Array.isArray(d.components)) return undefined;
  const n = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
  const inputs: ModalInputInfo[] = [];
  for (const row of d.components as unknown[]) {
    const input = (row as { components?: unknown[] } | null)?.components?.[0] as Record<string, unknown> | undefined;
    if (!input || typeof input.custom_id !== 'string') continue;
    const minLength = n(input.min_length);
    const maxLength = n(input.max_length);
    inputs.push({
      customId: input.custom_id,
      label: typeof input.label === 'string' ? input.label : '',
      style: input.style === 2 ? 2 : 1,
      // Discord's default: a text input is required unless it says otherwise.
      required: input.required !== false,
      ...(minLength !== undefined ? { minLength } : {}),
      ...(maxLength !== undefined ? { maxLength } : {}),
      ...(typeof input.placeholder === 'string' ? { placeholder: input.placeholder } : {}),
      ...(typeof input.value === 'string' ? { value: input.value } : {}),
    });
  }
  return { customId: d.custom_id, title: d.title, inputs, channelId, ...(messageId !== undefined ? { messageId } : {}) };
}

/**
 * A line as Discord's client sends it after picking the bot from the `@` list: `@Footnote`
 * becomes the mention `<@id>` (any case, whole word only, not inside an e-mail address).
 *
 * @example withBotMention('@footnote hi', 'Footnote', '1') // '<@1> hi'
 */
export function withBotMention(text: string, botName: string, botId: string): string {
  const name = botName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`(?<![\\w@])@${name}(?![\\w-])`, 'gi'), `<@${botId}>`);
}

/** The page's view of the registered commands. */
export function commandInfos(commands: readonly RegisteredCommand[]): CommandInfo[] {
  type Option = NonNullable<RegisteredCommand['options']>[number];
  const optionInfo = (o: Option): CommandOptionInfo => ({
    name: o.name,
    description: typeof o.description === 'string' ? o.description : '',
    type: o.type,
    required: o.required === true,
    autocomplete: o.autocomplete === true,
    ...(typeof o.max_length === 'number' ? { maxLength: o.max_length } : {}),
  });
  return commands.map((c) => {
    const options = c.options ?? [];
    const subcommands = options.filter((o) => o.type === SUBCOMMAND);
    return {
      name: c.name,
      description: c.description,
      type: c.type,
      options: options.filter((o) => o.type !== SUBCOMMAND).map(optionInfo),
      ...(subcommands.length > 0
        ? { subcommands: subcommands.map((sub) => ({ name: sub.name, description: typeof sub.description === 'string' ? sub.description : '', options: ((sub as { options?: Option[] }).options ?? []).map(optionInfo) })) }
        : {}),
      ...(typeof c.default_member_permissions === 'string' ? { defaultMemberPermissions: c.default_member_permissions } : {}),
    };
  });
}

/** Discord's option type of a subcommand. */
const SUBCOMMAND = 1;

const isString = (value: unknown, max = CLIENT_TEXT_MAX): value is string => typeof value === 'string' && value.length <= max;
const isUser = (value: unknown): value is PlaygroundUser => value === 'member' || value === 'moderator';
const channelOf = (m: Record<string, unknown>): { channelId?: string } | undefined =>
  m.channelId === undefined ? {} : isString(m.channelId, ID_MAX) ? { channelId: m.channelId } : undefined;

function readFields(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MODAL_INPUTS_MAX || !entries.every(([k, v]) => k.length <= 100 && isString(v))) return undefined;
  return Object.fromEntries(entries) as Record<string, string>;
}

function readPicked(value: unknown): PickedChoice[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > 25) return undefined;
  const picked: PickedChoice[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) return undefined;
    const { option, name, value: v } = item as Record<string, unknown>;
    if (!isString(option, 100) || !isString(name, 200) || !isString(v, 200)) return undefined;
    picked.push({ option, name, value: v });
  }
  return picked;
}

/**
 * Reads one message from the page, or undefined when it is not one the page can send (the
 * socket is same-origin only, but nothing from a browser is trusted).
 */
export function readClientMessage(data: unknown): ClientMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Record<string, unknown>;
  if (!isUser(m.user)) return undefined;
  switch (m.type) {
    case 'send': {
      const picked = readPicked(m.picked);
      const where = channelOf(m);
      return isString(m.text) && picked && where ? { type: 'send', text: m.text, user: m.user, picked, ...where } : undefined;
    }
    case 'autocomplete': {
      const where = channelOf(m);
      return isString(m.text) && Number.isSafeInteger(m.seq) && where ? { type: 'autocomplete', seq: m.seq as number, text: m.text, user: m.user, ...where } : undefined;
    }
    case 'post':
      return isString(m.forumId, ID_MAX) && isString(m.title, TITLE_MAX) && isString(m.text) ? { type: 'post', forumId: m.forumId, title: m.title, text: m.text, user: m.user } : undefined;
    case 'modalSubmit': {
      const fields = readFields(m.fields);
      const ok = isString(m.customId, 100) && isString(m.channelId, ID_MAX) && fields && (m.messageId === undefined || isString(m.messageId, ID_MAX));
      if (!ok) return undefined;
      return { type: 'modalSubmit', customId: m.customId as string, fields, channelId: m.channelId as string, ...(m.messageId !== undefined ? { messageId: m.messageId as string } : {}), user: m.user };
    }
    case 'click':
      return isString(m.messageId, 32) && isString(m.customId, 200) ? { type: 'click', messageId: m.messageId, customId: m.customId, user: m.user } : undefined;
    case 'menu':
      return isString(m.messageId, 32) && isString(m.command, 100) ? { type: 'menu', messageId: m.messageId, command: m.command, user: m.user } : undefined;
    default:
      return undefined;
  }
}

/** Interaction tokens are credentials for that interaction's webhook: never shown. */
export function redactTokens(path: string): string {
  return path.replace(/^(\/(?:interactions|webhooks)\/[^/]+\/)[^/]+/, '$1…');
}

/** What went wrong with a REST call the bot made, in one line. */
function describeRefusal(request: RecordedRequest): string {
  const body = request.response as { message?: unknown; code?: unknown } | undefined;
  const reason = typeof body?.message === 'string' ? ` ${body.message}${typeof body.code === 'number' ? ` (code ${body.code})` : ''}` : '';
  return `Discord refused a request from the bot: ${request.method} ${redactTokens(request.path)} → ${request.status}${reason}`;
}

/** Does the stored message carry a usable (not disabled) button with this custom_id? */
function hasButton(message: StoredMessage, customId: string): boolean {
  return (message.components ?? []).some(
    (row) => 'components' in row && row.components.some((c) => 'custom_id' in c && c.custom_id === customId && !('disabled' in c && c.disabled === true)),
  );
}

/**
 * The person a typed `target` names, as Discord's user picker finds them: a mention or id, the
 * display name or username (with or without `@`, any case), or the unique person whose display
 * name or username starts with what was typed.
 *
 * @example findPerson(users, 'Morgan')?.username // 'morgan_mod'
 */
export function findPerson<T extends { readonly id: string; readonly username: string; readonly globalName: string }>(people: readonly T[], typed: string): T | undefined {
  const wanted = typed.trim().replace(/^<@!?(\d+)>$/, '$1').replace(/^@/, '').toLowerCase();
  if (wanted === '') return undefined;
  const exact = people.find((p) => [p.id, p.username.toLowerCase(), p.globalName.toLowerCase()].includes(wanted));
  if (exact) return exact;
  const starting = people.filter((p) => p.username.toLowerCase().startsWith(wanted) || p.globalName.toLowerCase().startsWith(wanted));
  return starting.length === 1 ? starting[0] : undefined;
}

/** The subcommand a line uses, as the fake's builders take it. */
const subcommandOf = (line: CommandLine): { subcommand?: string } => (line.subcommand ? { subcommand: line.subcommand.name } : {});

/** Connects pages to one fake Discord. */
export class PlaygroundBridge {
  private readonly pages = new Set<PageConnection>();
  private readonly channelId: string;
  /** The channels the page shows: the text channel, those given, and every thread made in them since. */
  private readonly channels = new Map<string, FakeChannel>();

  constructor(
    private readonly fake: FakeDiscord,
    private readonly botName: string,
    extraChannels: readonly FakeChannel[] = [],
  ) {
    this.channelId = fake.channel.id;
    for (const channel of [fake.channelById(this.channelId), ...extraChannels]) if (channel) this.channels.set(channel.id, channel);
    fake.on('threadCreate', (thread) => {
      if (thread.parentId === undefined || !this.channels.has(thread.parentId)) return;
      this.channels.set(thread.id, thread);
      this.broadcast({ type: 'channel', channel: channelInfo(thread) });
    });
    const inChannel = (message: StoredMessage): boolean => this.channels.has(message.channel_id);
    fake.on('message', (message) => inChannel(message) && this.broadcast({ type: 'message', message }));
    fake.on('messageUpdate', (message) => inChannel(message) && this.broadcast({ type: 'messageUpdate', message }));
    fake.on('messageDelete', (message) => inChannel(message) && this.broadcast({ type: 'messageDelete', id: message.id }));
    fake.on('request', (request) => {
      if (request.status >= 400 && !request.injected) this.broadcast({ type: 'notice', level: 'warning', text: describeRefusal(request) });
    });
  }

  /** Registers a page; it gets the channel as it is now. Returns what to call when it leaves. */
  connect(page: PageConnection): () => void {
    this.pages.add(page);
    page.send(this.hello());
    return () => this.pages.delete(page);
  }

  /** Handles one raw message from a page; problems are told to that page. */
  receive(page: PageConnection, data: unknown): void {
    const message = readClientMessage(data);
    if (!message) {
      page.send({ type: 'notice', level: 'error', text: 'The playground did not understand that request.' });
      return;
    }
    void this.handle(page, message).catch((error: unknown) =>
      page.send({ type: 'notice', level: 'error', text: `The playground could not do that: ${error instanceof Error ? error.message : String(error)}` }),
    );
  }

  private hello(): ServerMessage {
    const person = (user: FakeUser): PersonInfo => ({ id: user.id, name: user.globalName, username: user.username, permissions: user.permissions });
    const { fake } = this;
    return {
      type: 'hello',
      guild: { name: fake.guild.name },
      channel: { id: this.channelId, name: fake.channel.name, topic: CHANNEL_TOPIC },
      channels: [...this.channels.values()].map(channelInfo),
      bot: { id: fake.botUserId, name: this.botName, username: this.botName },
      users: { member: person(fake.users.member), moderator: person(fake.users.moderator) },
      commands: commandInfos(fake.commands),
      messages: fake.messages().filter((m) => this.channels.has(m.channel_id)),
    };
  }

  private broadcast(message: ServerMessage): void {
    for (const page of this.pages) page.send(message);
  }

  private handle(page: PageConnection, message: ClientMessage): Promise<void> {
    const user = this.fake.users[message.user];
    switch (message.type) {
      case 'send':
        return this.send(page, message.text, user, message.picked ?? [], this.where(message.channelId));
      case 'autocomplete':
        return this.autocomplete(page, message.seq, message.text, user, this.where(message.channelId));
      case 'post':
        return this.post(page, message.forumId, message.title, message.text, user);
      case 'modalSubmit':
        return this.submitModal(page, message, user);
      case 'click':
        return this.click(page, message.messageId, message.customId, user);
      case 'menu':
        return this.menu(page, message.messageId, message.command, user);
    }
  }

  /** A channel the page may act in (the text channel when none or an unknown one is given). */
  private where(channelId: string | undefined): string {
    return channelId !== undefined && this.channels.has(channelId) ? channelId : this.channelId;
  }

  private message(messageId: string): StoredMessage | undefined {
    return this.fake.messages().find((m) => m.id === messageId && this.channels.has(m.channel_id));
  }

  private async post(page: PageConnection, forumId: string, title: string, text: string, user: FakeUser): Promise<void> {
    const forum = this.channels.get(forumId);
    if (forum?.type !== ChannelKind.Forum) return void page.send({ type: 'notice', level: 'error', text: 'That forum is not there any more.' });
    if (title.trim() === '' || text.trim() === '') return void page.send({ type: 'notice', level: 'error', text: 'A post needs a title and a message.' });
    if (text.length > limits.MESSAGE_CONTENT_MAX) return void page.send({ type: 'notice', level: 'error', text: `Messages can be at most ${limits.MESSAGE_CONTENT_MAX} characters (this one has ${text.length}).` });
    this.fake.postForumPost(forumId, title.trim(), withBotMention(text, this.botName, this.fake.botUserId), { user });
  }

  private async submitModal(page: PageConnection, form: Extract<ClientMessage, { type: 'modalSubmit' }>, user: FakeUser): Promise<void> {
    const message = form.messageId === undefined ? undefined : this.message(form.messageId);
    const payload = this.fake.modalSubmit(form.customId, form.fields, { user, channelId: this.where(form.channelId), ...(message ? { message } : {}) });
    await this.dispatch(page, payload, 'the form');
  }

  private async send(page: PageConnection, text: string, user: FakeUser, picked: readonly PickedChoice[], channelId: string = this.channelId): Promise<void> {
    const parsed = parseCommandLine(text, commandInfos(this.fake.commands));
    if (!parsed) {
      if (text.trim() === '') return;
      const needsSub = commandInfos(this.fake.commands).find((c) => c.subcommands && new RegExp(`^\\s*/${c.name}(\\s|$)`, 'i').test(text));
      if (needsSub) {
        const choices = (needsSub.subcommands ?? []).map((s) => `\`/${needsSub.name} ${s.name}\``).join(', ');
        return void page.send({ type: 'notice', level: 'error', text: `\`/${needsSub.name}\` needs one of: ${choices}.` });
      }
      if (text.length > limits.MESSAGE_CONTENT_MAX) {
        page.send({ type: 'notice', level: 'error', text: `Messages can be at most ${limits.MESSAGE_CONTENT_MAX} characters (this one has ${text.length}).` });
        return;
      }
      if (this.channels.get(channelId)?.type === ChannelKind.Forum) return void page.send({ type: 'notice', level: 'error', text: 'In a forum, start a post (title and message) instead.' });
      this.fake.postUserMessage(withBotMention(text, this.botName, this.fake.botUserId), user, channelId);
      return;
    }
    const line = applyPicked(parsed, picked);
    const checked = typeOptions(line);
    if (!checked.ok) return void page.send({ type: 'notice', level: 'error', text: checked.problem });
    const options: Record<string, OptionValue> = {};
    for (const [name, value] of Object.entries(checked.options)) {
      const resolved = this.resolve(value);
      if (resolved === undefined) return void page.send({ type: 'notice', level: 'error', text: this.unknownUser(name, value) });
      options[name] = resolved;
    }
    await this.dispatch(page, this.fake.slashCommand(line.subcommand?.command ?? line.command.name, options, { user, channelId, ...subcommandOf(line) }), `/${line.command.name}`);
  }

  private async autocomplete(page: PageConnection, seq: number, text: string, user: FakeUser, channelId: string = this.channelId): Promise<void> {
    const line = parseCommandLine(text, commandInfos(this.fake.commands));
    const focused = line?.focused;
    if (!line || !focused?.autocomplete) return void page.send({ type: 'choices', seq, choices: null });
    const payload = this.fake.autocomplete(line.subcommand?.command ?? line.command.name, this.optionsSoFar(line, focused.name), focused.name, { user, channelId, ...subcommandOf(line) });
    const response = await this.dispatchAndWait(payload);
    const data = response?.data as { choices?: unknown } | undefined;
    const choices = Array.isArray(data?.choices) ? (data.choices as ChoiceInfo[]) : [];
    page.send({ type: 'choices', seq, option: focused.name, choices });
  }

  /** What Discord sends with an autocomplete: the focused option as typed, the others typed. */
  private optionsSoFar(line: CommandLine, focused: string): Record<string, OptionValue> {
    const options: Record<string, OptionValue> = { [focused]: line.values.get(focused) ?? '' };
    const checked = typeOptions({ command: { ...line.command, options: line.command.options.map((o) => ({ ...o, required: false })) }, values: line.values });
    if (!checked.ok) return options;
    for (const [name, value] of Object.entries(checked.options)) {
      const resolved = name === focused ? undefined : this.resolve(value);
      if (resolved !== undefined) options[name] = resolved;
    }
    return options;
  }

  private async click(page: PageConnection, messageId: string, customId: string, user: FakeUser): Promise<void> {
    const message = this.message(messageId);
    if (!message || !hasButton(message, customId)) return void page.send({ type: 'notice', level: 'error', text: 'That button is not there any more.' });
    await this.dispatch(page, this.fake.button(customId, message, { user, channelId: message.channel_id }), 'the button');
  }

  private async menu(page: PageConnection, messageId: string, command: string, user: FakeUser): Promise<void> {
    const message = this.message(messageId);
    const registered = this.fake.commands.some((c) => c.type === 3 && c.name === command);
    if (!message || !registered) return void page.send({ type: 'notice', level: 'error', text: 'That message or app command is not there any more.' });
    await this.dispatch(page, this.fake.messageContextMenu(command, message, { user, channelId: message.channel_id }), command);
  }

  /** Sends an interaction; tells the page when the bot does not answer in time, as Discord does. */
  private async dispatch(page: PageConnection, payload: Parameters<FakeDiscord['sendInteraction']>[0], what: string): Promise<void> {
    const response = await this.dispatchAndWait(payload);
    if (!response) return void page.send({ type: 'notice', level: 'error', text: `The application did not respond (to ${what}).` });
    if (response.type !== 9) return;
    // A modal is shown only to the person who used the interaction, as on Discord.
    const from = payload as { channel_id?: unknown; message?: { id?: unknown } };
    const modal = modalInfo(response.data, typeof from.channel_id === 'string' ? from.channel_id : this.channelId, typeof from.message?.id === 'string' ? from.message.id : undefined);
    if (modal) page.send({ type: 'modal', modal });
  }

  /** Sends an interaction and resolves with its first accepted response, or undefined after Discord's deadline. */
  private dispatchAndWait(payload: Parameters<FakeDiscord['sendInteraction']>[0]): Promise<InteractionResponse | undefined> {
    const { fake } = this;
    return new Promise((resolve) => {
      const onResponse = (response: InteractionResponse): void => {
        if (response.interactionId !== payload.id) return;
        done(response);
      };
      const timer = setTimeout(() => done(undefined), limits.INTERACTION_CALLBACK_DEADLINE_MS + NO_RESPONSE_GRACE_MS);
      const done = (response: InteractionResponse | undefined): void => {
        clearTimeout(timer);
        fake.off('interactionResponse', onResponse);
        resolve(response);
      };
      fake.on('interactionResponse', onResponse);
      try {
        fake.sendInteraction(payload);
      } catch (error) {
        clearTimeout(timer);
        fake.off('interactionResponse', onResponse);
        throw error;
      }
    });
  }

  /** A typed option value as the fake's builders take it; users are looked up as Discord's picker does. */
  private resolve(value: TypedValue): OptionValue | undefined {
    if (typeof value !== 'object') return value;
    return findPerson(Object.values(this.fake.users), value.user);
  }

  private unknownUser(option: string, value: TypedValue): string {
    const { member, moderator } = this.fake.users;
    const typed = typeof value === 'object' ? value.user : String(value);
    return `\`${option}\`: nobody here is called “${typed}”. Try ${member.globalName} (@${member.username}) or ${moderator.globalName} (@${moderator.username}).`;
  }
}
