/**
 * Community mode end to end: the real bot (startBot) answering @mentions, forum posts and
 * messages in auto-answer channels of the fake Discord, with per-channel collections, on SQLite
 * and (when its server binaries are installed) PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FakeUser, StoredMessage } from '../../src/fake-discord/index.js';
import type { ChannelSettings, Store } from '../../src/store/store.js';
import { removeKnowledge, writeKnowledge } from '../discord/temp-knowledge.js';
import { storeBackends, type TestDatabase } from '../helpers/store-backends.js';
import { buttonLabels, communityLogOf, type Harness, replyOf, startHarness, waitForMessage } from './harness.js';

const RULES = '---\ntitle: House rules\nlicense: CC0\n---\n# House rules\n\n## Voice channels\n\nBe kind in voice channels. Soundboards are not allowed after midnight.\n\n## Bans\n\nA ban can be appealed once, by writing to the moderators within thirty days of the ban.\n';
const MODS =
  "---\ntitle: Modding guide\nlicense: CC0\n---\n# Modding guide\n\n## Installing mods\n\nMods are installed by copying the mod archive into the mods folder, then restarting the game launcher.\n\n## Banned mods\n\nA mod that breaks the house rules is banned by the modding team. A banned mod can be appealed by writing to the modding team with the mod's name.\n";

for (const backend of storeBackends()) describe(`on ${backend.name}`, () => {
  let h: Harness;
  let store: Store;
  let database: TestDatabase;
  let mention: string;
  beforeAll(async () => {
    const knowledgeDir = await writeKnowledge({ 'game-rules/rules.md': RULES, 'modding/mods.md': MODS });
    database = await backend.fresh();
    store = await database.open();
    h = await startHarness({ knowledgeDir, store, questionLimit: 'off' });
    mention = `<@${h.fake.botUserId}>`;
  });
  afterAll(async () => {
    await h?.close();
    await store?.close();
    await database?.remove();
    await removeKnowledge();
  });

  /** Stores a channel's settings as /settings would. */
  async function configure(channelId: string, settings: Partial<Pick<ChannelSettings, 'autoAnswer' | 'replyStyle' | 'collections'>>): Promise<void> {
    const full: ChannelSettings = { guildId: h.fake.guild.id, channelId, autoAnswer: false, replyStyle: 'reply', collections: [], updatedAt: Date.now(), ...settings };
    await store.saveChannelSettings(full, { guildId: h.fake.guild.id, actorName: 'test', actorHash: 'x', change: 'test setup', at: Date.now() });
  }

  const byBot = (h: Harness) => (m: StoredMessage): boolean => m.author.id === h.fake.botUserId;
  const replyTo = (question: StoredMessage) => (m: StoredMessage): boolean => m.author.id === h.fake.botUserId && m.message_reference?.message_id === question.id;
  /** The document titles an answer cites (from each excerpt's citation line "— Title › Section ¶n"). */
  const citedTitles = (m: StoredMessage): string[] => (m.embeds[0]?.fields ?? []).map((f) => /\n— \[?(.+?) (?:›|¶)/.exec(f.value)?.[1] ?? '?');

  describe('@mentions', () => {
    it('given a mention with a question, when posted, then the answer is a reply with the /ask embed and buttons, pinging only the asker', async () => {
      // given
      const channel = h.fake.createChannel('questions');
      // when
      const question = h.fake.postUserMessage(`${mention} how is a ban appealed?`, h.fake.users.member, channel.id);
      const answer = await waitForMessage(h.fake, replyTo(question));
      // then
      expect(answer.channel_id).toBe(channel.id);
      expect(answer.type).toBe(19);
      expect(answer.embeds[0]?.title).toBe('how is a ban appealed?');
      expect(answer.embeds[0]?.description).toMatch(/^Confidence: \*\*high\*\*/);
      expect(buttonLabels(answer)).toContain('More context');
      expect(buttonLabels(answer)).toContain('Delete');
      expect(answer.allowed_mentions).toEqual({ parse: [], replied_user: true });
      expect(answer.mentions.map((u) => u.id)).toEqual([h.fake.users.member.id]);
    });

    it('given a channel set to answer in threads, when mentioned, then a thread is started from the question and the answer is posted in it', async () => {
      // given
      const channel = h.fake.createChannel('help-threads');
      await configure(channel.id, { replyStyle: 'thread' });
      // when
      const question = h.fake.postUserMessage(`${mention} How do I install mods?`, h.fake.users.member, channel.id);
      const answer = await waitForMessage(h.fake, (m) => byBot(h)(m) && m.channel_id === question.id);
      // then
      const thread = h.fake.channelById(question.id);
      expect(thread).toMatchObject({ type: 11, parentId: channel.id, ownerId: h.fake.botUserId, name: 'How do I install mods?' });
      expect(h.fake.messages(channel.id).find((m) => m.id === question.id)?.thread).toBeDefined();
      expect(answer.embeds[0]?.fields?.[0]?.value).toMatch(/copying the \*\*mod\*\* archive/);
      expect(answer.allowed_mentions).toEqual({ parse: [] });
    });

    it('given a channel set to threads where Footnote may not start one, when mentioned, then it replies instead', async () => {
      // given
      const channel = h.fake.createChannel('no-threads');
      await configure(channel.id, { replyStyle: 'thread' });
      h.fake.failNext({ method: 'POST', pathPattern: /\/threads$/, status: 403, body: { code: 50013, message: 'Missing Permissions' } });
      // when
      const question = h.fake.postUserMessage(`${mention} How do I install mods?`, h.fake.users.member, channel.id);
      const answer = await waitForMessage(h.fake, replyTo(question));
      // then
      expect(answer.channel_id).toBe(channel.id);
      expect(h.fake.channelById(question.id)).toBeUndefined();
      expect(h.logs.some((l) => l.event === 'thread-start-failed')).toBe(true);
    });

    it('given a thread Footnote started, when a short follow-up mentions it, then the thread title gives the follow-up its context', async () => {
      // given
      const channel = h.fake.createChannel('follow-ups');
      await configure(channel.id, { replyStyle: 'thread' });
      const question = h.fake.postUserMessage(`${mention} How is a ban appealed?`, h.fake.users.member, channel.id);
      await waitForMessage(h.fake, (m) => byBot(h)(m) && m.channel_id === question.id);
      // when
      const followUp = h.fake.postUserMessage(`${mention} and for mods?`, h.fake.users.member, question.id);
      const answer = await waitForMessage(h.fake, replyTo(followUp));
      // then
      expect(answer.channel_id).toBe(question.id);
      expect(answer.embeds[0]?.title).toBe('How is a ban appealed? — and for mods?');
      expect(citedTitles(answer)).toContain('Modding guide');
    });

    it('given mention answers, when posted, then the cited passages are remembered for drift notes and an abstention is a gap, as for /ask', async () => {
      // given
      const channel = h.fake.createChannel('recorded');
      const since = Date.now() - 1000;
      // when
      const answered = h.fake.postUserMessage(`${mention} how is a ban appealed?`, h.fake.users.member, channel.id);
      const answer = await waitForMessage(h.fake, replyTo(answered));
      const unanswered = h.fake.postUserMessage(`${mention} who won the super bowl in 1994?`, h.fake.users.member, channel.id);
      await waitForMessage(h.fake, replyTo(unanswered));
      // then (recorded right after posting: wait for the writes)
      await vi.waitFor(async () => {
        const posted = await store.unmarkedPostedAnswers(since);
        expect(posted.find((p) => p.messageId === answer.id)).toMatchObject({ channelId: channel.id, question: 'how is a ban appealed?' });
        expect(posted.find((p) => p.messageId === answer.id)?.cited.length).toBeGreaterThan(0);
        const gaps = await store.gaps(h.fake.guild.id, since);
        expect(gaps.map((g) => [g.kind, g.question, g.channelId])).toContainEqual(['abstained', 'who won the super bowl in 1994?', channel.id]);
      }, { timeout: 5000, interval: 50 });
    });

    it('given hostile mention text, when answered, then nobody is pinged but the asker through the reply', async () => {
      // given
      const { moderator, member } = h.fake.users;
      const text = `${mention} @everyone @here <@&${h.fake.roles.moderator}> <@${moderator.id}> <@${h.fake.guild.id}> how is a ban appealed?`;
      // when
      const question = h.fake.postUserMessage(text, member);
      const answer = await waitForMessage(h.fake, replyTo(question));
      // then
      expect(answer.allowed_mentions).toEqual({ parse: [], replied_user: true });
      expect(answer.mentions.map((u) => u.id)).toEqual([member.id]);
      expect(answer.mention_roles).toEqual([]);
      expect(answer.mention_everyone).toBe(false);
      expect(answer.embeds[0]?.title).toBe('how is a ban appealed?');
      expect(JSON.stringify({ content: answer.content, embeds: answer.embeds })).not.toMatch(/@everyone|@here|<@/);
    });

    it('given a bare mention, when posted, then a short hint says how to ask', async () => {
      const question = h.fake.postUserMessage(`${mention}`);
      const hint = await waitForMessage(h.fake, replyTo(question));
      expect(hint.content).toMatch(/Ask me a question after the mention/);
      expect(hint.embeds).toEqual([]);
    });

    it('given another bot mentioning Footnote, when posted, then it is not answered (nor is Footnote itself)', async () => {
      // given
      const channel = h.fake.createChannel('bots');
      const otherBot: FakeUser = { ...h.fake.users.member, id: '876543210987654321', username: 'helperbot', globalName: 'Helper', bot: true };
      // when
      const fromBot = h.fake.postUserMessage(`${mention} how is a ban appealed?`, otherBot, channel.id);
      const fromPerson = h.fake.postUserMessage(`${mention} how is a ban appealed?`, h.fake.users.member, channel.id);
      await waitForMessage(h.fake, replyTo(fromPerson));
      await new Promise((r) => setTimeout(r, 200));
      // then
      expect(h.fake.messages(channel.id).filter(replyTo(fromBot))).toEqual([]);
      expect(h.fake.messages(channel.id).filter(byBot(h))).toHaveLength(1);
    });
  });

  describe('forum posts with auto-answer', () => {
    it('given a forum with auto-answer on, when a post asks something the knowledge answers, then the answer is posted in the post', async () => {
      // given
      const forum = h.fake.createChannel('help', 'forum', ['Rules', 'Modding']);
      await configure(forum.id, { autoAnswer: true });
      // when
      const { thread, message } = h.fake.postForumPost(forum.id, 'Installing mods', 'How do I install mods?');
      const answer = await waitForMessage(h.fake, replyTo(message));
      // then
      expect(answer.channel_id).toBe(thread.id);
      expect(answer.embeds[0]?.description).toMatch(/^Confidence: \*\*high\*\*/);
      expect(answer.allowed_mentions).toEqual({ parse: [], replied_user: false });
    });

    it('given a forum with auto-answer on, when a post is out of scope, then Footnote stays silent', async () => {
      // given
      const forum = h.fake.createChannel('help-2', 'forum');
      await configure(forum.id, { autoAnswer: true });
      // when
      const { thread } = h.fake.postForumPost(forum.id, 'Peru', 'What is the capital of Peru?');
      // then
      expect(await communityLogOf(h, thread.id)).toMatchObject({ kind: 'forum-post', decision: 'answer', outcome: 'unsure' });
      expect(h.fake.messages(thread.id).filter(byBot(h))).toEqual([]);
    });

    it('given a forum without auto-answer, when a post is created, then Footnote stays silent', async () => {
      const forum = h.fake.createChannel('chat-forum', 'forum');
      const { thread } = h.fake.postForumPost(forum.id, 'Installing mods', 'How do I install mods?');
      await new Promise((r) => setTimeout(r, 300));
      expect(h.fake.messages(thread.id).filter(byBot(h))).toEqual([]);
    });

    it('given forum tags mapped to a collection, when a tagged post is answered, then it cites only that collection', async () => {
      // given
      const forum = h.fake.createChannel('help-3', 'forum', ['Rules', 'Modding']);
      await configure(forum.id, { autoAnswer: true });
      const modding = forum.availableTags!.find((t) => t.name === 'Modding')!;
      await store.saveForumTagCollections({ guildId: h.fake.guild.id, channelId: forum.id, tagId: modding.id, collections: ['modding'] }, { guildId: h.fake.guild.id, actorName: 't', actorHash: 'x', change: 'tag', at: 0 });
      // when
      const { message } = h.fake.postForumPost(forum.id, 'Ban appeal', 'How is a ban appealed?', { tagIds: [modding.id] });
      const answer = await waitForMessage(h.fake, replyTo(message));
      // then
      expect(citedTitles(answer).length).toBeGreaterThan(0);
      expect(new Set(citedTitles(answer))).toEqual(new Set(['Modding guide']));
    });
  });

  describe('per-channel collections', () => {
    it('given a channel mapped to one collection, when a mention and /ask are answered there, then they cite only that collection', async () => {
      // given
      const channel = h.fake.createChannel('modding-help');
      await configure(channel.id, { collections: ['modding'] });
      // when
      const question = h.fake.postUserMessage(`${mention} How is a ban appealed?`, h.fake.users.member, channel.id);
      const answer = await waitForMessage(h.fake, replyTo(question));
      const asked = await replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('ask', { query: 'How is a ban appealed?' }, { channelId: channel.id })));
      // then
      expect(new Set(citedTitles(answer))).toEqual(new Set(['Modding guide']));
      expect(new Set(citedTitles(asked))).toEqual(new Set(['Modding guide']));
      expect(asked.channel_id).toBe(channel.id);
      const sources = await replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('sources', {}, { channelId: channel.id })));
      expect(sources.embeds[0]?.fields?.map((f) => f.name)).toEqual(['Modding guide']);
      expect(sources.embeds[0]?.description).toMatch(/This channel sees the collection \*\*modding\*\*/);
    });

    it('given no mapping, when asked, then every collection is searched', async () => {
      const asked = await replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('ask', { query: 'How is a ban appealed?' })));
      expect(new Set(citedTitles(asked))).toEqual(new Set(['House rules', 'Modding guide']));
    });
  });

  describe('buttons on community answers', () => {
    it('given a mention answer, when More context and then Delete are clicked by the asker, then both work as on /ask', async () => {
      // given
      const channel = h.fake.createChannel('buttons');
      const question = h.fake.postUserMessage(`${mention} How is a ban appealed?`, h.fake.users.member, channel.id);
      const answer = await waitForMessage(h.fake, replyTo(question));
      const ids = (answer.components ?? []).flatMap((row) => ('components' in row ? row.components.map((c) => ('custom_id' in c ? c.custom_id : '')) : []));
      // when
      const more = await replyOf(h.fake, h.fake.sendInteraction(h.fake.button(ids.find((id) => id.startsWith('ask:more:'))!, answer, { channelId: channel.id })));
      const remove = h.fake.sendInteraction(h.fake.button(ids.find((id) => id.startsWith('ask:delete:'))!, answer, { user: h.fake.users.member, channelId: channel.id }));
      await h.fake.waitForRequest((r) => r.method === 'DELETE' && r.path.includes(remove.token) && r.status < 300);
      // then
      expect(more.embeds[0]?.description ?? '').toMatch(/ban/i);
      expect(h.fake.messages(channel.id).some((m) => m.id === answer.id)).toBe(false);
    });
  });
});
