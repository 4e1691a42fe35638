/**
 * /settings end to end: moderators change where Footnote answers, members cannot, `show` lists
 * it all with the change log, and settings survive a restart on the same database (a SQLite
 * file, and PostgreSQL when its server binaries are installed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../src/discord/logger.js';
import { type RunningBot, startBot } from '../../src/discord/start-bot.js';
import type { StoredMessage } from '../../src/fake-discord/index.js';
import { createKnowledgeService } from '../../src/service/knowledge-service.js';
import type { Store } from '../../src/store/store.js';
import { removeKnowledge, writeKnowledge } from '../discord/temp-knowledge.js';
import { storeBackends, type TestDatabase } from '../helpers/store-backends.js';
import { type Harness, openWithoutCache, replyOf, startHarness, waitForMessage } from './harness.js';

const RULES = '---\ntitle: House rules\nlicense: CC0\n---\n# House rules\n\n## Bans\n\nA ban can be appealed once, by writing to the moderators within thirty days of the ban.\n';
const MODS = '---\ntitle: Modding guide\nlicense: CC0\n---\n# Modding guide\n\n## Installing mods\n\nMods are installed by copying the mod archive into the mods folder, then restarting the game launcher.\n';

for (const backend of storeBackends()) describe(`on ${backend.name}`, () => {
  let h: Harness;
  let store: Store;
  let database: TestDatabase;
  let knowledgeDir: string;
  let second: RunningBot | undefined;
  let reopened: Store | undefined;
  beforeAll(async () => {
    knowledgeDir = await writeKnowledge({ 'game-rules/rules.md': RULES, 'modding/mods.md': MODS });
    database = await backend.fresh();
    store = await database.open();
    h = await startHarness({ knowledgeDir, store, questionLimit: 'off' });
  });
  afterAll(async () => {
    await second?.stop();
    await h?.close();
    await store?.close().catch(() => undefined);
    await reopened?.close();
    await database?.remove();
    await removeKnowledge();
  });

  const settings = (subcommand: string, options: Parameters<Harness['fake']['slashCommand']>[1], user = h.fake.users.moderator) =>
    replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('settings', options, { subcommand, user })));
  const replyTo = (question: StoredMessage) => (m: StoredMessage): boolean => m.author.id === h.fake.botUserId && m.message_reference?.message_id === question.id;

  describe('/settings', () => {
    it('is registered for server managers only, in servers', () => {
      const command = h.fake.commands.find((c) => c.name === 'settings');
      expect(command).toMatchObject({ default_member_permissions: String(1 << 5), contexts: [0] });
      expect(command?.options?.map((o) => o.name)).toEqual(['show', 'auto-answer', 'reply-style', 'collections', 'forum-tag']);
    });

    it('given a member without Manage Server, when they change a setting, then it is refused and nothing is stored', async () => {
      const forum = h.fake.createChannel('member-forum', 'forum');
      const reply = await settings('auto-answer', { channel: forum, enabled: true }, h.fake.users.member);
      expect(reply.flags).toBe(64);
      expect(reply.content).toMatch(/Manage Server/);
      expect(await store.channelSettings(h.fake.guild.id, forum.id)).toBeUndefined();
    });

    it('given a moderator, when they set auto-answer, reply style, collections and a forum tag, then show lists them all with who changed what', async () => {
      // given
      const forum = h.fake.createChannel('help', 'forum', ['Rules', 'Modding']);
      const text = h.fake.createChannel('modding-chat');
      const modding = forum.availableTags!.find((t) => t.name === 'Modding')!;
      // when
      expect((await settings('auto-answer', { channel: forum, enabled: true })).content).toMatch(/^Saved: <#\d+>: auto-answer on/);
      expect((await settings('reply-style', { channel: text, style: 'thread' })).content).toMatch(/answers in threads/);
      expect((await settings('collections', { channel: text, collections: 'Modding' })).content).toMatch(/collections: modding/);
      expect((await settings('forum-tag', { channel: forum, tag: modding.id, collections: 'modding' })).content).toMatch(/tagged \*\*Modding\*\*/);
      const shown = await settings('show', {});
      // then
      const embed = shown.embeds[0]!;
      const text_ = JSON.stringify(embed);
      expect(shown.flags).toBe(64);
      expect(text_).toContain(`<#${forum.id}>: auto-answer on · answers as replies · collections: all`);
      expect(text_).toContain(`<#${text.id}>: auto-answer off (mentions only) · answers in threads · collections: modding`);
      expect(text_).toContain('tag **Modding** → collections: modding');
      expect(embed.fields?.at(-1)?.value).toMatch(/Morgan: #help: tag Modding → collections: modding/);
      expect((await store.settingsChanges(h.fake.guild.id, 10)).map((c) => c.change)).toContain('#help: auto-answer on');
    });

    it('given an unknown collection, when set, then the reply lists the known ones', async () => {
      const channel = h.fake.createChannel('typo');
      const reply = await settings('collections', { channel, collections: 'mods' });
      expect(reply.content).toBe('Unknown collection “mods”. Known collections: `game-rules`, `modding`, or `all`.');
    });

    it('given auto-answer on a text channel without the Message Content intent, when saved, then the moderator is warned', async () => {
      const channel = h.fake.createChannel('auto-text');
      const reply = await settings('auto-answer', { channel, enabled: true });
      expect(reply.content).toMatch(/Message Content intent/);
    });

    it('given collection autocomplete, when a list is being typed, then the last name is completed', async () => {
      const channel = h.fake.createChannel('complete');
      const sent = h.fake.sendInteraction(h.fake.autocomplete('settings', { channel, collections: 'game-rules, mo' }, 'collections', { subcommand: 'collections', user: h.fake.users.moderator }));
      const response = await h.fake.waitForRequest((r) => r.path.includes(sent.token) && r.status < 300);
      expect(response.body).toEqual({ type: 8, data: { choices: [{ name: 'game-rules, modding', value: 'game-rules, modding' }] } });
    });

    it('given settings saved, when the bot restarts on the same database, then they still apply', async () => {
      // given
      const forum = h.fake.createChannel('restart-forum', 'forum');
      await settings('auto-answer', { channel: forum, enabled: true });
      // when
      await h.bot.stop();
      await store.close();
      reopened = await database.open();
      const service = await createKnowledgeService(knowledgeDir, { open: openWithoutCache });
      second = await startBot(h.config, { service, store: reopened, questionLimit: 'off', logger: createJsonLogger({ write: () => undefined }) });
      await h.fake.waitForReady();
      const { message } = h.fake.postForumPost(forum.id, 'Installing mods', 'How do I install mods?');
      // then
      const answer = await waitForMessage(h.fake, replyTo(message));
      expect(answer.embeds[0]?.description).toMatch(/^Confidence: \*\*high\*\*/);
      expect((await reopened.channelSettings(h.fake.guild.id, forum.id))?.autoAnswer).toBe(true);
    });
  });
});
