/**
 * End-to-end tests of the fake Discord server, driven by a REAL discord.js Client with tiny
 * inline handlers (not the product bot). Each test starts and closes its own fake.
 */
import { once } from 'node:events';
import { createInflate } from 'node:zlib';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  ModalBuilder,
  REST,
  Routes,
  type TextChannel,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type FakeDiscord, type RecordedRequest, startFakeDiscord } from '../../src/fake-discord/index.js';

/** A made-up token; the fake accepts any `Bot <token>` and redacts it in recorded requests. */
const TOKEN = 'fake.token.value';

let fake: FakeDiscord | undefined;
const clients: Client[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.destroy()));
  await fake?.close();
  fake = undefined;
});

async function start(options: Parameters<typeof startFakeDiscord>[0] = {}): Promise<FakeDiscord> {
  fake = await startFakeDiscord(options);
  return fake;
}

/** Logs a real discord.js client into the fake and waits until it is ready. */
async function readyClient(f: FakeDiscord): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: f.apiUrl } });
  clients.push(client);
  const ready = once(client, 'clientReady');
  await client.login(TOKEN);
  await ready;
  return client;
}

/** Runs `handler` on the client's next interaction and settles with its outcome. */
function onNextInteraction<T>(client: Client, handler: (interaction: Interaction) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    client.once('interactionCreate', (interaction) => void handler(interaction).then(resolve, reject));
  });
}

/** The error a promise rejects with (fails the test when it resolves). */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const isCallback = (r: RecordedRequest): boolean => r.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(r.path);
const callbacks = (f: FakeDiscord): RecordedRequest[] => f.requests.filter(isCallback);

describe('fake Discord: gateway and login', () => {
  it('given a fake, when a real client logs in, then it becomes ready with the guild, channel and bot user', async () => {
    const f = await start();

    const client = await readyClient(f);
    await f.waitForReady();

    expect(client.user?.id).toBe(f.botUserId);
    expect(client.application?.id).toBe(f.applicationId);
    const guild = client.guilds.cache.get(f.guild.id);
    expect(guild?.name).toBe(f.guild.name);
    expect(guild?.channels.cache.get(f.channel.id)?.name).toBe(f.channel.name);
    expect(guild?.members.me?.id).toBe(f.botUserId);
    const gatewayRequest = f.requests.find((r) => r.path === '/gateway/bot');
    expect(gatewayRequest?.status).toBe(200);
    expect(gatewayRequest?.headers.authorization).toBe('Bot [redacted]');
    expect(JSON.stringify(f.requests)).not.toContain(TOKEN);
  });

  it('given two connected clients, when an interaction is sent, then both get it and only the first reply wins (40060)', async () => {
    const f = await start();
    const [a, b] = [await readyClient(f), await readyClient(f)];
    await f.waitForReady({ sessions: 2 });
    const reply = (client: Client): Promise<unknown> =>
      onNextInteraction(client, async (i) => (i.isChatInputCommand() ? i.reply('hello') : undefined)).then(() => 'ok', (e: unknown) => e);

    const outcomes = Promise.all([reply(a as Client), reply(b as Client)]);
    f.sendInteraction(f.slashCommand('ping'));

    const results = await outcomes;
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.find((r) => r !== 'ok')).toMatchObject({ code: 40060 });
    expect(f.messages().map((m) => m.content)).toEqual(['hello']);
  });

  it('given a raw socket with zlib-stream and shard [1, 2], when it identifies and later resumes, then READY, heartbeat ACK and RESUMED arrive', async () => {
    const f = await start();
    const socket = new WebSocket(`${f.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`);
    const inflate = createInflate();
    const frames: { op: number; t: string | null; s: number | null; d: Record<string, unknown> }[] = [];
    // zlib-stream: one inflate context for the whole connection; every frame ends with a sync flush.
    let pending: Buffer[] = [];
    inflate.on('data', (chunk: Buffer) => pending.push(chunk));
    socket.on('message', (data: Buffer) => {
      inflate.write(data);
      inflate.flush(() => {
        frames.push(JSON.parse(Buffer.concat(pending).toString('utf8')));
        pending = [];
      });
    });
    const frame = async (match: (f: (typeof frames)[number]) => boolean): Promise<(typeof frames)[number]> => {
      for (let i = 0; i < 200; i++) {
        const found = frames.find(match);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error('frame did not arrive');
    };

    expect((await frame((x) => x.op === 10)).d.heartbeat_interval).toBe(41250);
    socket.send(JSON.stringify({ op: 2, d: { token: TOKEN, intents: 1, properties: {}, shard: [1, 2] } }));
    const ready = await frame((x) => x.t === 'READY');
    socket.send(JSON.stringify({ op: 1, d: ready.s }));
    await frame((x) => x.op === 11);

    expect(ready.d.shard).toEqual([1, 2]);
    expect(ready.d.application).toEqual({ id: f.applicationId, flags: 0 });
    const holdsGuild = Number((BigInt(f.guild.id) >> 22n) % 2n) === 1;
    expect(ready.d.guilds).toEqual(holdsGuild ? [{ id: f.guild.id, unavailable: true }] : []);

    socket.close(4000);
    await once(socket, 'close');
    const again = new WebSocket(`${f.gatewayUrl}?v=10&encoding=json`);
    await once(again, 'open');
    const resumed = new Promise<string>((resolve) => again.on('message', (d) => String(d).includes('RESUMED') && resolve(String(d))));
    again.send(JSON.stringify({ op: 6, d: { token: TOKEN, session_id: ready.d.session_id, seq: 0 } }));
    expect(JSON.parse(await resumed)).toMatchObject({ op: 0, t: 'RESUMED' });
    again.close(1000);
  });
});

describe('fake Discord: interaction responses', () => {
  let f: FakeDiscord;
  let client: Client;
  beforeEach(async () => {
    f = await start();
    client = await readyClient(f);
  });

  it('given a slash command with options, when the handler replies, then callback type 4 carries the content and the reply is stored', async () => {
    const handled = onNextInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('not a slash command');
      const who = i.options.getUser('about', true);
      await i.reply({ content: `${i.options.getString('question', true)} about ${who.username}`, allowedMentions: { parse: [] } });
      return { user: i.user.id, canManage: i.memberPermissions?.has('ManageGuild') };
    });

    f.sendInteraction(f.slashCommand('ask', { question: 'what', about: f.users.member }, { user: f.users.moderator }));

    expect(await handled).toEqual({ user: f.users.moderator.id, canManage: true });
    const callback = await f.waitForRequest(isCallback);
    expect(callback.status).toBe(204);
    expect(callback.body).toMatchObject({ type: 4, data: { content: 'what about alice' } });
    expect(f.messages()).toMatchObject([{ content: 'what about alice', type: 20, author: { id: f.botUserId }, allowed_mentions: { parse: [] } }]);
  });

  it('given withResponse, when the handler replies, then the fake answers 200 with the InteractionCallbackResponse shape', async () => {
    const handled = onNextInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('not a slash command');
      const response = await i.reply({ content: 'pong', withResponse: true });
      return response.resource?.message?.content;
    });

    const sent = f.sendInteraction(f.slashCommand('ping'));

    expect(await handled).toBe('pong');
    const callback = await f.waitForRequest(isCallback);
    expect(callback.query).toEqual({ with_response: 'true' });
    expect(callback.response).toMatchObject({ interaction: { id: sent.id, type: 2 }, resource: { type: 4, message: { content: 'pong' } } });
  });

  it('given an ephemeral deferReply, when the handler edits the reply and follows up, then type 5, a PATCH of @original and a follow-up are recorded', async () => {
    const handled = onNextInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('not a slash command');
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await i.editReply('Here is the answer.');
      await i.followUp({ content: 'Sources: …', flags: MessageFlags.Ephemeral });
    });

    f.sendInteraction(f.slashCommand('ask', { question: 'why' }));
    await handled;

    expect(callbacks(f).map((r) => r.body)).toEqual([{ type: 5, data: { flags: 64 } }]);
    const edit = await f.waitForRequest((r) => r.method === 'PATCH');
    expect(edit.path).toMatch(/^\/webhooks\/\d+\/[^/]+\/messages\/@original$/);
    expect(edit.status).toBe(200);
    const [original, followUp] = f.messages();
    expect(original).toMatchObject({ content: 'Here is the answer.', flags: 64, edited_timestamp: null });
    expect(followUp).toMatchObject({ content: 'Sources: …', flags: 64 });
  });

  it('given an already answered interaction, when a second callback is posted, then Discord error 40060 is thrown', async () => {
    const handled = onNextInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('not a slash command');
      await i.reply('first');
      // discord.js refuses a second reply() locally, so post the callback the way a buggy second path would.
      await client.rest.post(Routes.interactionCallback(i.id, i.token), { body: { type: 4, data: { content: 'second' } }, auth: false });
    });

    f.sendInteraction(f.slashCommand('ping'));

    const error = await rejectionOf(handled);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 40060, status: 400, message: 'Interaction has already been acknowledged.' });
    expect(f.messages().map((m) => m.content)).toEqual(['first']);
  });

  it('given an over-long reply, when the handler replies, then 50035 Invalid Form Body names data.content', async () => {
    const handled = onNextInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('not a slash command');
      await i.reply('x'.repeat(2001));
    });

    f.sendInteraction(f.slashCommand('ask'));

    const error = await rejectionOf(handled);
    expect(error).toMatchObject({ code: 50035, status: 400 });
    expect((error as DiscordAPIError).rawError).toMatchObject({
      errors: { data: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] } } },
    });
    expect(f.interactions[0]?.response).toBeUndefined();
  });

  it('given a 429 with Retry-After: 1 on the first callback, when the handler replies, then discord.js retries and the reply still arrives', async () => {
    f.failNext({ method: 'POST', pathPattern: /\/callback$/, status: 429, retryAfterSeconds: 1 });
    const handled = onNextInteraction(client, async (i) => (i.isChatInputCommand() ? i.reply('after the rate limit') : undefined));

    const startedAt = Date.now();
    f.sendInteraction(f.slashCommand('ping'));
    await handled;

    const [limited, retried] = callbacks(f);
    expect(limited).toMatchObject({ status: 429, injected: true, response: { retry_after: 1, global: false } });
    expect(retried).toMatchObject({ status: 204, injected: false, body: { type: 4, data: { content: 'after the rate limit' } } });
    expect((retried?.at ?? 0) - startedAt).toBeGreaterThanOrEqual(1000);
    expect(f.messages().map((m) => m.content)).toEqual(['after the rate limit']);
  });

  it('given a 500 on the first callback, when the handler replies, then discord.js retries and the reply arrives', async () => {
    f.failNext({ pathPattern: /\/callback$/, status: 500 });
    const handled = onNextInteraction(client, async (i) => (i.isChatInputCommand() ? i.reply('after the outage') : undefined));

    f.sendInteraction(f.slashCommand('ping'));
    await handled;

    expect(callbacks(f).map((r) => r.status)).toEqual([500, 204]);
    expect(f.messages().map((m) => m.content)).toEqual(['after the outage']);
  });

  it('given autocomplete, when the handler responds with 26 then 25 choices, then the first is rejected and the second accepted', async () => {
    const choices = (n: number): { name: string; value: string }[] => Array.from({ length: n }, (_, k) => ({ name: `Doc ${k}`, value: `doc-${k}` }));
    const handled = onNextInteraction(client, async (i) => {
      if (!i.isAutocomplete()) throw new Error('not autocomplete');
      const focused = i.options.getFocused(true);
      const tooMany = await rejectionOf(i.respond(choices(26)));
      await i.respond(choices(25));
      return { focused: [focused.name, focused.value], tooMany };
    });

    f.sendInteraction(f.autocomplete('ask', { question: 'foot', public: true }, 'question'));

    const { focused, tooMany } = await handled;
    expect(focused).toEqual(['question', 'foot']);
    expect(tooMany).toMatchObject({ code: 50035, rawError: { errors: { data: { choices: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } } });
    expect(callbacks(f).map((r) => r.status)).toEqual([400, 204]);
    expect(f.interactions[0]?.response).toMatchObject({ type: 8 });
  });

  it('given a stored message with a button, when the button handler calls update(), then the stored message changes', async () => {
    const channel = client.channels.cache.get(f.channel.id) as TextChannel;
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('feedback:up').setLabel('Helpful').setStyle(ButtonStyle.Success),
    );
    await channel.send({ content: 'An answer', components: [row] });
    const [stored] = f.messages();
    const updates: string[] = [];
    f.on('messageUpdate', (m) => updates.push(m.content));
    const handled = onNextInteraction(client, async (i) => {
      if (!i.isButton()) throw new Error('not a button');
      await i.update({ content: `An answer (thanks, ${i.user.username})`, components: [] });
      return i.customId;
    });

    f.sendInteraction(f.button('feedback:up', stored!));

    expect(await handled).toBe('feedback:up');
    expect(callbacks(f)[0]?.body).toMatchObject({ type: 7 });
    expect(f.messages()).toMatchObject([{ id: stored!.id, content: 'An answer (thanks, alice)', components: [] }]);
    expect(updates).toEqual(['An answer (thanks, alice)']);
  });

  it('given a slash command that shows a modal, when the modal is submitted, then type 9 is recorded and the submit can be answered', async () => {
    const shown = onNextInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('not a slash command');
      const input = new TextInputBuilder().setCustomId('question').setLabel('Question').setStyle(TextInputStyle.Paragraph);
      await i.showModal(new ModalBuilder().setCustomId('ask-modal').setTitle('Ask').addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input)));
    });
    f.sendInteraction(f.slashCommand('ask'));
    await shown;
    const submitted = onNextInteraction(client, async (i) => {
      if (!i.isModalSubmit()) throw new Error('not a modal submit');
      await i.reply(`You asked: ${i.fields.getTextInputValue('question')}`);
    });

    f.sendInteraction(f.modalSubmit('ask-modal', { question: 'Where are the sources?' }));
    await submitted;

    expect(callbacks(f).map((r) => (r.body as { type: number }).type)).toEqual([9, 4]);
    expect(f.messages().map((m) => m.content)).toEqual(['You asked: Where are the sources?']);
  });

  it('given a member message, when a message context menu runs on it, then targetMessage resolves to that message', async () => {
    const target = f.postUserMessage('What is a footnote?');
    const handled = onNextInteraction(client, async (i) => {
      if (!i.isMessageContextMenuCommand()) throw new Error('not a message context menu');
      await i.reply({ content: 'Looking it up', flags: MessageFlags.Ephemeral });
      return [i.commandName, i.targetMessage.content, i.targetMessage.author.id];
    });

    f.sendInteraction(f.messageContextMenu('Ask Footnote', target));

    expect(await handled).toEqual(['Ask Footnote', 'What is a footnote?', f.users.member.id]);
    expect(f.messages().at(-1)).toMatchObject({ content: 'Looking it up', flags: 64, type: 23 });
  });
});

describe('fake Discord: deadlines', () => {
  it('given a 200 ms token lifetime, when the handler follows up after 250 ms, then 10015 Unknown Webhook is thrown', async () => {
    const f = await start({ interactionTokenLifetimeMs: 200 });
    const client = await readyClient(f);
    const handled = onNextInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('not a slash command');
      await i.reply('quick answer');
      await new Promise((r) => setTimeout(r, 250));
      await i.followUp('much later');
    });

    f.sendInteraction(f.slashCommand('ask'));

    expect(await rejectionOf(handled)).toMatchObject({ code: 10015, status: 404 });
    expect(f.messages().map((m) => m.content)).toEqual(['quick answer']);
  });


  it('given a 300 ms deadline, when the handler replies after 400 ms, then 10062 Unknown interaction is thrown', async () => {
    const f = await start({ callbackDeadlineMs: 300 });
    const client = await readyClient(f);
    const handled = onNextInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('not a slash command');
      await new Promise((r) => setTimeout(r, 400));
      await i.reply('too late');
    });

    f.sendInteraction(f.slashCommand('slow'));

    expect(await rejectionOf(handled)).toMatchObject({ code: 10062, status: 404, message: 'Unknown interaction' });
    expect(f.messages()).toEqual([]);
  });

  it('given a 300 ms deadline, when the first callback gets a 429 and the retry lands after it, then the retry is 10062', async () => {
    const f = await start({ callbackDeadlineMs: 300 });
    const client = await readyClient(f);
    f.failNext({ pathPattern: /\/callback$/, status: 429, retryAfterSeconds: 0.4 });
    const handled = onNextInteraction(client, async (i) => (i.isChatInputCommand() ? i.reply('in time?') : undefined));

    f.sendInteraction(f.slashCommand('ping'));

    expect(await rejectionOf(handled)).toMatchObject({ code: 10062 });
    expect(callbacks(f).map((r) => r.status)).toEqual([429, 404]);
  });
});

describe('fake Discord: REST', () => {
  it('given a REST client, when guild commands are bulk-overwritten, then the fake stores them and builders reuse their ids and option types', async () => {
    const f = await start();
    const rest = new REST({ api: f.apiUrl }).setToken(TOKEN);
    const body = [
      { name: 'ask', description: 'Ask the docs', options: [{ name: 'question', description: 'Your question', type: 3, required: true }, { name: 'top', description: 'How many', type: 10 }] },
      { name: 'Ask Footnote', type: 3 },
    ];

    const saved = (await rest.put(Routes.applicationGuildCommands(f.applicationId, f.guild.id), { body })) as { id: string; name: string }[];

    expect(saved.map((c) => c.name)).toEqual(['ask', 'Ask Footnote']);
    expect(f.commands).toMatchObject([{ name: 'ask', guild_id: f.guild.id, type: 1 }, { name: 'Ask Footnote', type: 3 }]);
    expect(await rest.get(Routes.applicationGuildCommands(f.applicationId, f.guild.id))).toEqual(saved);
    const payload = f.slashCommand('ask', { question: 'q', top: 3 });
    expect(payload.data).toMatchObject({ id: saved[0]?.id, options: [{ name: 'question', type: 3 }, { name: 'top', type: 10, value: 3 }] });
  });

  it('given bad message payloads, when they are posted to the channel, then Discord-shaped errors come back', async () => {
    const f = await start();
    const rest = new REST({ api: f.apiUrl }).setToken(TOKEN);
    const post = (body: unknown): Promise<unknown> => rest.post(Routes.channelMessages(f.channel.id), { body });

    const embeds = await rejectionOf(
      post({ embeds: [{ title: 't'.repeat(257), fields: [{ name: '', value: 'v' }] }] }),
    );
    const empty = await rejectionOf(post({ content: '' }));
    const link = await rejectionOf(post({ content: 'x', components: [{ type: 1, components: [{ type: 2, style: 5, label: 'go', url: 'ftp://x' }] }] }));
    const unauthorized = await fetch(`${f.apiUrl}/v10/channels/${f.channel.id}/messages`, { method: 'POST', body: '{"content":"hi"}', headers: { 'content-type': 'application/json' } });
    const unknown = await fetch(`${f.apiUrl}/v10/nowhere`);

    expect((embeds as DiscordAPIError).rawError).toEqual({
      code: 50035,
      message: 'Invalid Form Body',
      errors: {
        embeds: {
          0: {
            title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 256 or fewer in length.' }] },
            fields: { 0: { name: { _errors: [{ code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }] } } },
          },
        },
      },
    });
    expect(empty).toMatchObject({ code: 50006, message: 'Cannot send an empty message' });
    expect((link as DiscordAPIError).rawError).toMatchObject({ errors: { components: { 0: { components: { 0: { url: { _errors: [{ code: 'URL_TYPE_INVALID_URL' }] } } } } } } });
    expect([unauthorized.status, await unauthorized.json()]).toEqual([401, { code: 0, message: '401: Unauthorized' }]);
    expect([unknown.status, await unknown.json()]).toEqual([404, { code: 0, message: '404: Not Found' }]);
    expect(f.messages()).toEqual([]);
  });

  it('given a file upload, when a message is posted as multipart, then payload_json is parsed and the attachment stored', async () => {
    const f = await start();
    const rest = new REST({ api: f.apiUrl }).setToken(TOKEN);

    await rest.post(Routes.channelMessages(f.channel.id), {
      body: { content: 'see attached' },
      files: [{ name: 'notes.txt', data: Buffer.from('hello'), contentType: 'text/plain' }],
    });

    const request = await f.waitForRequest((r) => r.method === 'POST' && r.path.endsWith('/messages'));
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(request.body).toMatchObject({ content: 'see attached' });
    expect(f.messages()).toMatchObject([{ content: 'see attached', attachments: [{ filename: 'notes.txt', size: 5 }] }]);
  });
});
