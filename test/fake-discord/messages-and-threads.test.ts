/**
 * The fake's messages, threads and forums, driven by real discord.js clients: MESSAGE_CREATE
 * only with GuildMessages and stripped without Message Content (as Discord does), threads from
 * messages, forum posts with THREAD_CREATE first, and Discord's errors.
 */
import { once } from 'node:events';
import { Client, DiscordAPIError, GatewayIntentBits, type Message, REST, Routes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from '../../src/fake-discord/index.js';

const TOKEN = 'fake.token.value';
let fake: FakeDiscord | undefined;
const clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.destroy()));
  await fake?.close();
  fake = undefined;
});

async function login(f: FakeDiscord, intents: GatewayIntentBits[]): Promise<Client> {
  const client = new Client({ intents, rest: { api: f.apiUrl } });
  clients.push(client);
  const ready = once(client, 'clientReady');
  await client.login(TOKEN);
  await ready;
  return client;
}

/** Messages a client receives, as they arrive. */
function received(client: Client): Message[] {
  const list: Message[] = [];
  client.on('messageCreate', (m) => list.push(m));
  return list;
}

const settle = () => new Promise((r) => setTimeout(r, 150));

describe('MESSAGE_CREATE and intents', () => {
  it('given three sessions with different intents, when a member posts, then each sees what Discord would show it', async () => {
    // given
    const f = (fake = await startFakeDiscord());
    const guildsOnly = received(await login(f, [GatewayIntentBits.Guilds]));
    const noContent = received(await login(f, [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages]));
    const withContent = received(await login(f, [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent]));
    // when
    f.postUserMessage('hello there');
    f.postUserMessage(`<@${f.botUserId}> hello bot`);
    await settle();
    // then
    expect(guildsOnly).toEqual([]);
    expect(noContent.map((m) => m.content)).toEqual(['', `<@${f.botUserId}> hello bot`]);
    expect(withContent.map((m) => m.content)).toEqual(['hello there', `<@${f.botUserId}> hello bot`]);
    expect(noContent[1]!.mentions.users.has(f.botUserId)).toBe(true);
  });

  it('given the intent disabled in the portal, when a session asks for it, then the login is refused (4014)', async () => {
    const f = (fake = await startFakeDiscord({ messageContentEnabled: false }));
    await expect(login(f, [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent])).rejects.toThrow(/not enabled|disallowed/i);
  });

  it('given the intent disabled in the portal, when the bot reads a member message over REST, then its content is empty', async () => {
    const f = (fake = await startFakeDiscord({ messageContentEnabled: false }));
    const message = f.postUserMessage('secret words');
    const rest = new REST({ api: f.apiUrl }).setToken(TOKEN);
    const read = (await rest.get(Routes.channelMessage(f.channel.id, message.id))) as { content: string };
    expect(read.content).toBe('');
  });
});

describe('threads and forums', () => {
  it('given a message, when the bot starts a thread from it, then the thread takes its id, THREAD_CREATE is sent and a second thread is refused', async () => {
    // given
    const f = (fake = await startFakeDiscord());
    const client = await login(f, [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages]);
    const created = once(client, 'threadCreate');
    const message = f.postUserMessage('start here');
    const channel = await client.channels.fetch(f.channel.id);
    if (!channel?.isTextBased() || channel.isDMBased() || channel.isThread()) throw new Error('expected the text channel');
    const target = await channel.messages.fetch(message.id);
    // when
    const thread = await target.startThread({ name: 'A thread' });
    const [event, newlyCreated] = (await created) as [{ id: string; ownerId: string }, boolean];
    // then
    expect(thread.id).toBe(message.id);
    expect(event.id).toBe(message.id);
    expect(newlyCreated).toBe(true);
    expect(f.channelById(thread.id)).toMatchObject({ type: 11, parentId: f.channel.id, ownerId: f.botUserId });
    expect(f.messages(f.channel.id).find((m) => m.id === message.id)?.thread?.id).toBe(thread.id);
    const rest = new REST({ api: f.apiUrl }).setToken(TOKEN);
    const error = await rest.post(Routes.threads(f.channel.id, message.id), { body: { name: 'Again' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(160004);
  });

  it('given a forum with tags, when a member posts, then THREAD_CREATE (with tags) comes before the first message, which shares the post id', async () => {
    // given
    const f = (fake = await startFakeDiscord());
    const client = await login(f, [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent]);
    const forum = f.createChannel('help', 'forum', ['Rules', 'Modding']);
    await settle();
    const order: string[] = [];
    client.on('threadCreate', (t) => order.push(`thread ${t.id} ${t.appliedTags.join(',')}`));
    client.on('messageCreate', (m) => order.push(`message ${m.id} in ${m.channelId}: ${m.content}`));
    // when
    const tag = forum.availableTags![1]!;
    const { thread } = f.postForumPost(forum.id, 'Mods?', 'How do I install mods?', { tagIds: [tag.id] });
    await settle();
    // then
    expect(order).toEqual([`thread ${thread.id} ${tag.id}`, `message ${thread.id} in ${thread.id}: How do I install mods?`]);
    expect(client.channels.cache.get(forum.id)?.type).toBe(15);
  });

  it('given a forum, when the bot posts in it directly, then Discord refuses (50008); creating a post works', async () => {
    const f = (fake = await startFakeDiscord());
    const forum = f.createChannel('help', 'forum');
    const rest = new REST({ api: f.apiUrl }).setToken(TOKEN);
    const error = await rest.post(Routes.channelMessages(forum.id), { body: { content: 'hi' } }).catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(50008);
    const post = (await rest.post(Routes.threads(forum.id), { body: { name: 'Announcement', message: { content: 'Hello' } } })) as { id: string; message: { id: string } };
    expect(post.message.id).toBe(post.id);
    expect(f.messages(post.id).map((m) => m.content)).toEqual(['Hello']);
  });
});
