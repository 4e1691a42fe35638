/**
 * Auto-answer in text channels end to end: with the Message Content intent it answers confident
 * questions and ignores its own answers; without it, moderators are told once; and the
 * per-user question budget applies to mentions and auto-answers alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/fake-discord/index.js';
import { CONTENT_INTENT_NOTE } from '../../src/community/content-intent.js';
import { createWorld } from '../../src/fake-discord/world.js';
import { MEMORY_DATABASE_URL, openStore } from '../../src/store/open-store.js';
import { removeKnowledge, writeKnowledge } from '../discord/temp-knowledge.js';
import { communityLogOf, type Harness, startHarness, waitForMessage } from './harness.js';

const RULES = '---\ntitle: House rules\nlicense: CC0\n---\n# House rules\n\n## Bans\n\nA ban can be appealed once, by writing to the moderators within thirty days of the ban.\n';

let knowledgeDir: string;
beforeAll(async () => {
  knowledgeDir = await writeKnowledge({ 'rules.md': RULES });
});
afterAll(() => removeKnowledge());

const byBot = (h: Harness) => (m: StoredMessage): boolean => m.author.id === h.fake.botUserId;
const replyTo = (h: Harness, question: StoredMessage) => (m: StoredMessage): boolean => byBot(h)(m) && m.message_reference?.message_id === question.id;

async function autoChannel(h: Harness, name: string): Promise<string> {
  const channel = h.fake.createChannel(name);
  await h.store.saveChannelSettings(
    { guildId: h.fake.guild.id, channelId: channel.id, autoAnswer: true, replyStyle: 'reply', collections: [], updatedAt: 0 },
    { guildId: h.fake.guild.id, actorName: 'test', actorHash: 'x', change: 'setup', at: 0 },
  );
  return channel.id;
}

describe('with the Message Content intent', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ knowledgeDir, questionLimit: { burst: 3, refillMs: 60_000 }, env: { MESSAGE_CONTENT_INTENT: 'on' } });
  });
  afterAll(() => h?.close());

  it('given an auto-answer channel, when a confident question is posted, then it is answered once, without pinging, and its own answer is not answered', async () => {
    // given
    const channelId = await autoChannel(h, 'help');
    // when
    const question = h.fake.postUserMessage('How can a ban be appealed?', h.fake.users.member, channelId);
    const answer = await waitForMessage(h.fake, replyTo(h, question));
    await new Promise((r) => setTimeout(r, 300));
    // then
    expect(answer.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(answer.mentions).toEqual([]);
    expect(h.fake.messages(channelId).filter(byBot(h))).toHaveLength(1);
  });

  it('given an auto-answer channel, when an out-of-scope question or chatter is posted, then nothing is posted', async () => {
    const channelId = await autoChannel(h, 'chatter');
    h.fake.postUserMessage('What is the capital of Peru?', { ...h.fake.users.member, id: '700000000000000001' }, channelId);
    h.fake.postUserMessage('thanks!', { ...h.fake.users.member, id: '700000000000000002' }, channelId);
    expect(await communityLogOf(h, channelId)).toMatchObject({ decision: 'answer', outcome: 'unsure' });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.messages(channelId).filter(byBot(h))).toEqual([]);
  });

  it('given a member who asked three questions in a row, when they ask a fourth at once, then a mention gets a short note and an auto-answer stays silent', async () => {
    // given: the burst of three is spent (follow-ups are always answered)
    const channelId = await autoChannel(h, 'busy');
    const user = { ...h.fake.users.member, id: '700000000000000003' };
    for (let i = 0; i < 3; i++) {
      const asked = h.fake.postUserMessage(`<@${h.fake.botUserId}> How can a ban be appealed?`, user, channelId);
      const answered = await waitForMessage(h.fake, replyTo(h, asked));
      expect(answered.embeds?.length).toBeGreaterThan(0);
    }
    // when
    const mention = h.fake.postUserMessage(`<@${h.fake.botUserId}> How can a ban be appealed?`, user, channelId);
    const note = await waitForMessage(h.fake, replyTo(h, mention));
    const auto = h.fake.postUserMessage('How can a ban be appealed, again?', user, channelId);
    await new Promise((r) => setTimeout(r, 300));
    // then
    expect(note.content).toMatch(/^You have asked a lot of questions in a row\. You can ask again <t:\d+:R>\.$/);
    expect(note.embeds).toEqual([]);
    expect(h.fake.messages(channelId).filter(replyTo(h, auto))).toEqual([]);
  });
});

describe('without the Message Content intent', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ knowledgeDir, questionLimit: 'off', env: { MESSAGE_CONTENT_INTENT: 'off' } });
  });
  afterAll(() => h?.close());

  it('given an auto-answer channel, when messages arrive without content, then moderators are told once, and mentions still work', async () => {
    // given
    const channelId = await autoChannel(h, 'help');
    // when
    h.fake.postUserMessage('How can a ban be appealed?', h.fake.users.member, channelId);
    const note = await waitForMessage(h.fake, (m) => byBot(h)(m) && m.channel_id === channelId);
    h.fake.postUserMessage('How can a ban be appealed, please?', h.fake.users.member, channelId);
    const mention = h.fake.postUserMessage(`<@${h.fake.botUserId}> How can a ban be appealed?`, h.fake.users.member, channelId);
    await waitForMessage(h.fake, replyTo(h, mention));
    // then
    expect(note.content).toBe(CONTENT_INTENT_NOTE);
    expect(note.allowed_mentions).toEqual({ parse: [] });
    expect(h.fake.messages(channelId).filter((m) => m.content === CONTENT_INTENT_NOTE)).toHaveLength(1);
    expect((await h.store.guildSettings(h.fake.guild.id)).contentIntentWarnedAt).toBeTypeOf('number');
  });
});

describe('asking for a Message Content intent the portal has not enabled', () => {
  it('given MESSAGE_CONTENT_INTENT=on and the intent disabled in the portal, when the bot starts, then Discord refuses the login (4014) and the start fails', async () => {
    await expect(startHarness({ knowledgeDir, env: { MESSAGE_CONTENT_INTENT: 'on' }, fake: { messageContentEnabled: false } })).rejects.toThrow(/disallowed intents|4014/i);
  });
});

describe('auto mode when the portal has not enabled Message Content', () => {
  it('given an auto-answer channel in the store and the intent disabled, when the bot starts, then it logs the fix and runs without the intent', async () => {
    // given
    const world = createWorld(); // the fake's fixed ids, known before it starts
    const store = await openStore(MEMORY_DATABASE_URL);
    await store.saveChannelSettings(
      { guildId: world.guild.id, channelId: world.channel.id, autoAnswer: true, replyStyle: 'reply', collections: [], updatedAt: 0 },
      { guildId: world.guild.id, actorName: 'test', actorHash: 'x', change: 'setup', at: 0 },
    );
    // when
    const h = await startHarness({ knowledgeDir, store, fake: { messageContentEnabled: false } });
    try {
      // then
      expect(h.logs.some((l) => l.event === 'message-content-intent-disallowed')).toBe(true);
      expect(h.logs.find((l) => l.event === 'ready')).toMatchObject({ messageContent: false });
    } finally {
      await h.close();
      await store.close();
    }
  });
});
