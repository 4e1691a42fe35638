/**
 * The moderator loop end to end, with the real bot against the fake Discord: 👍 / 👎 and the 👎
 * form, gap records and /gaps with Add alias and Covered, living tags, drift notes after /reload,
 * and what members may not do. The knowledge is a copy in a temp folder (aliases and paragraphs
 * are edited).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FakeUser, StoredMessage } from '../../src/fake-discord/index.js';
import { storeBackends, type TestDatabase } from '../helpers/store-backends.js';
import { type StoreWithOutage, withOutage } from '../helpers/store-outage.js';
import { buttonIds, buttonLabels, copyOfKnowledge, firstResponse, type Harness, logOf, replyOf, startHarness } from './harness.js';

for (const backend of storeBackends()) describe(`on ${backend.name}`, () => {
  const TXT = 'foreign-interference-2024-us-elections.txt';
  let h: Harness;
  let db: StoreWithOutage;
  let knowledge: Awaited<ReturnType<typeof copyOfKnowledge>>;
  let database: TestDatabase;
  beforeAll(async () => {
    knowledge = await copyOfKnowledge();
    // The real store (a SQLite file, or a PostgreSQL database), behind a switch that can take it down.
    database = await backend.fresh();
    db = withOutage(await database.open());
    h = await startHarness({ knowledgeDir: knowledge.dir, questionLimit: 'off', store: db.store });
  });
  afterAll(async () => {
    await h?.close();
    await db?.store.close();
    await database?.remove();
    await knowledge?.remove();
  });

  const ask = (query: string, user?: FakeUser) => replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('ask', { query }, user ? { user } : {})));
  const click = (customId: string, message: StoredMessage, user: FakeUser = h.fake.users.member) => h.fake.sendInteraction(h.fake.button(customId, message, { user }));
  const slash = (name: string, options: Record<string, string | number | FakeUser>, user: FakeUser, subcommand?: string) =>
    h.fake.sendInteraction(h.fake.slashCommand(name, options, { user, ...(subcommand ? { subcommand } : {}) }));
  const current = (id: string): StoredMessage => h.fake.messages().find((m) => m.id === id)!;
  const voteOf = (messageId: string, user: FakeUser = h.fake.users.member) => db.store.vote(messageId, db.store.hashUser(user.id));
  const gapsNow = () => db.store.gaps(h.fake.guild.id, 0);
  /** Waits until an abstained question's gap is stored (it is written right after the answer is sent). */
  const untilGap = (question: string) =>
    vi.waitFor(async () => expect((await gapsNow()).some((g) => g.question === question)).toBe(true), { timeout: 5000, interval: 20 });

  describe('feedback on answers', () => {
    it('given an answer, then it carries 👍, 👎 and Save as tag in a row of their own', async () => {
      const answer = await ask('Which countries interfered in the 2024 US elections?');
      expect(buttonLabels(answer).slice(-3)).toEqual(['👍', '👎', 'Save as tag']);
      expect(answer.components).toHaveLength(2);
    });

    it('given a member, when they vote 👍 and then 👎, then one vote is kept, changed, with the question and cited passages, and never their id', async () => {
      // given
      const answer = await ask('What did Russia do in the 2024 election?');
      // when
      const up = await replyOf(h.fake, click('fb:up', answer));
      // then
      expect(up).toMatchObject({ flags: 64 });
      expect(up.content).toMatch(/Thanks for the 👍/);
      const mine = await voteOf(answer.id);
      expect(mine).toMatchObject({ vote: 'up', question: 'What did Russia do in the 2024 election?', channelId: h.fake.channel.id, guildId: h.fake.guild.id });
      expect(mine!.cited.length).toBeGreaterThan(0);
      expect(mine!.cited[0]!.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(mine!.voterHash).not.toContain(h.fake.users.member.id);
      expect(await db.store.voteTally(h.fake.guild.id, 0)).toEqual({ up: 1, down: 0 });

      // when: changes the vote
      const down = click('fb:down', answer);
      const modal = await firstResponse(h.fake, down);
      await logOf(h, down);
      // then: the form opens, and the vote is now 👎 (still one) and a gap record
      expect(modal.body).toMatchObject({ type: 9, data: { custom_id: `fb:why:${answer.id}`, title: 'What was missing or wrong?' } });
      expect((modal.body as { data: { components: { components: { max_length: number; required: boolean }[] }[] } }).data.components[0]!.components[0]).toMatchObject({ max_length: 300, required: false });
      expect((await voteOf(answer.id))?.vote).toBe('down');
      expect(await db.store.voteTally(h.fake.guild.id, 0)).toEqual({ up: 0, down: 1 });
      expect((await gapsNow()).filter((g) => g.kind === 'downvoted').map((g) => g.question)).toContain('What did Russia do in the 2024 election?');
    });

    it('given the 👎 form with hostile text, when it is sent, then it is stored as text and shown escaped, pinging nobody', async () => {
      const answer = await ask('Who hacked the Trump campaign?');
      await logOf(h, click('fb:down', answer));
      const hostile = '@everyone <@&1> **read** `this` [x](https://evil.example)';
      const sent = h.fake.sendInteraction(h.fake.modalSubmit(`fb:why:${answer.id}`, { comment: hostile }, { message: answer }));
      const reply = await replyOf(h.fake, sent);
      expect(reply.flags).toBe(64);
      expect(reply.content).toContain('\\*\\*read\\*\\*');
      expect(reply.allowed_mentions).toEqual({ parse: [] });
      expect((await voteOf(answer.id))?.comment).toBe(hostile);
    });

    it('given the database is down, when a member asks and votes, then the answer still comes and the vote failure is logged', async () => {
      db.down = true;
      try {
        const answer = await ask('Which countries interfered in the 2024 US elections?');
        expect(answer.embeds[0]?.description).toMatch(/^Confidence/);
        const reply = await replyOf(h.fake, click('fb:up', answer));
        expect(reply.content).toMatch(/could not save your vote/);
        expect(h.logs.some((l) => l.event === 'store-write-failed')).toBe(true);
      } finally {
        db.down = false;
      }
    });
  });

  describe('/gaps', () => {
    it('given a member, when they run /gaps or Save as tag, then they are refused', async () => {
      const gaps = await replyOf(h.fake, slash('gaps', {}, h.fake.users.member));
      expect(gaps).toMatchObject({ flags: 64, content: 'Only members with the Manage Server permission can see the gap report.' });
      const answer = await ask('What did Russia do in the 2024 election?');
      const save = await replyOf(h.fake, click('fb:tag', answer));
      expect(save.content).toBe('Only moderators (Manage Server or Manage Messages) can save answers as tags.');
      const create = await replyOf(h.fake, slash('tag', { name: 'x', passage: 'y' }, h.fake.users.member, 'create'));
      expect(create.content).toBe('Only moderators (Manage Server or Manage Messages) can create tags.');
    });

    it('given an unanswered question, when a moderator adds an alias from /gaps, then the question is answered', async () => {
      // given
      const before = await ask('What did the Ruskies do?');
      await untilGap('What did the Ruskies do?');
      expect(before.embeds[0]?.description).toMatch(/The sources don't say/);
      const report = await replyOf(h.fake, slash('gaps', { days: 7 }, h.fake.users.moderator));
      expect(report.flags).toBe(64);
      expect(report.embeds[0]?.title).toBe('Gaps in the last 7 days');
      const field = report.embeds[0]?.fields?.find((f) => f.name.includes('“ruskies”'));
      expect(field?.value).toContain('• What did the Ruskies do?');
      const aliasId = buttonIds(report).find((id, i) => id.startsWith('gaps:alias:') && buttonLabels(report)[i]?.includes('ruskies'))!;
      // when: the button opens the form with the word filled in
      const opened = await firstResponse(h.fake, click(aliasId, report, h.fake.users.moderator));
      expect(JSON.stringify(opened.body)).toContain('"value":"ruskies"');
      const formId = (opened.body as { data: { custom_id: string } }).data.custom_id;
      // a bad entry is refused and nothing changes
      const aliasesBefore = await readFile(join(knowledge.dir, 'aliases.yaml'), 'utf8');
      const bad = await replyOf(h.fake, h.fake.sendInteraction(h.fake.modalSubmit(formId, { word: 'ruskies', means: 'Zanzibarians' }, { user: h.fake.users.moderator, message: report })));
      expect(bad.content).toMatch(/^Alias not added, nothing changed: The documents never use “Zanzibarians”/);
      expect(await readFile(join(knowledge.dir, 'aliases.yaml'), 'utf8')).toBe(aliasesBefore);
      const member = await replyOf(h.fake, h.fake.sendInteraction(h.fake.modalSubmit(formId, { word: 'ruskies', means: 'Russia' }, { message: report })));
      expect(member.content).toMatch(/Only members with the Manage Server permission/);
      // a good one is written, reloaded, and the group's question is answered
      const good = await replyOf(h.fake, h.fake.sendInteraction(h.fake.modalSubmit(formId, { word: 'ruskies', means: 'Russia' }, { user: h.fake.users.moderator, message: report })));
      expect(good.content).toContain('Added the alias “ruskies” → “Russia” and reloaded the knowledge.');
      expect(good.content).toContain('✅ now answered: What did the Ruskies do?');
      expect(await readFile(join(knowledge.dir, 'aliases.yaml'), 'utf8')).toBe(`${aliasesBefore}ruskies: Russia\n`);
      const after = await ask('What did the Ruskies do?');
      expect(after.embeds[0]?.description).toMatch(/^Confidence/);
    });

    it('given a group, when a moderator marks it covered, then the report hides it', async () => {
      await ask('Who won the Super Bowl in 2024?');
      await untilGap('Who won the Super Bowl in 2024?');
      const report = await replyOf(h.fake, slash('gaps', {}, h.fake.users.moderator));
      const index = (report.embeds[0]?.fields ?? []).findIndex((f) => f.name.includes('“super”') || f.name.includes('“bowl”'));
      expect(index).toBeGreaterThanOrEqual(0);
      const coverId = buttonIds(report).filter((id) => id.startsWith('gaps:cover:'))[index]!;
      const sent = click(coverId, report, h.fake.users.moderator);
      await logOf(h, sent);
      expect(current(report.id).embeds[0]?.fields?.some((f) => f.name.includes('“super”') || f.name.includes('“bowl”'))).toBe(false);
    });
  });

  describe('living tags and drift', () => {
    it('given an answer, when a moderator clicks Save as tag and names it, then /tag show posts the answer\'s first passage', async () => {
      const answer = await ask('Who hacked the Trump campaign?', h.fake.users.moderator);
      const passageId = buttonIds(answer).find((id) => id.startsWith('ask:more:'))!.slice('ask:more:'.length);
      const form = await firstResponse(h.fake, click('fb:tag', answer, h.fake.users.moderator));
      expect(form.body).toMatchObject({ type: 9, data: { custom_id: `fb:tagname:${passageId}`, title: 'Save as tag' } });
      const bad = await replyOf(h.fake, h.fake.sendInteraction(h.fake.modalSubmit(`fb:tagname:${passageId}`, { name: 'two words' }, { user: h.fake.users.moderator, message: answer })));
      expect(bad.content).toMatch(/^A tag name is 1–32 characters/);
      const saved = await replyOf(h.fake, h.fake.sendInteraction(h.fake.modalSubmit(`fb:tagname:${passageId}`, { name: 'Hack' }, { user: h.fake.users.moderator, message: answer })));
      expect(saved.content).toMatch(/^Saved as tag `hack`/);
      const shown = await replyOf(h.fake, slash('tag', { name: 'hack', target: h.fake.users.member }, h.fake.users.member, 'show'));
      expect(shown.content).toBe(`<@${h.fake.users.member.id}>, this is for you (tag \`hack\`).`);
      expect(shown.allowed_mentions).toEqual({ parse: [], users: [h.fake.users.member.id] });
      expect(buttonIds(shown)).toContain(`ask:more:${passageId}`);
    });

    it('given a tag and a posted answer on a paragraph, when the paragraph is edited and reloaded, then the tag shows the new text, the reload lists it, and the answer is marked', async () => {
      // given: a tag created from passage autocomplete, and a public answer citing the same paragraph
      const choices = await firstResponse(h.fake, h.fake.sendInteraction(h.fake.autocomplete('tag', { name: 'rivals', passage: 'top threat' }, 'passage', { user: h.fake.users.moderator, subcommand: 'create' })));
      const passageId = (choices.body as { data: { choices: { value: string }[] } }).data.choices[0]!.value;
      const created = await replyOf(h.fake, slash('tag', { name: 'Rivals', passage: passageId }, h.fake.users.moderator, 'create'));
      expect(created.content).toMatch(/^Saved tag `rivals`/);
      const names = await firstResponse(h.fake, h.fake.sendInteraction(h.fake.autocomplete('tag', { name: 'ri' }, 'name', { subcommand: 'show' })));
      expect(names.body).toMatchObject({ data: { choices: [{ name: 'rivals', value: 'rivals' }] } });
      const shown = await replyOf(h.fake, slash('tag', { name: 'rivals' }, h.fake.users.member, 'show'));
      const oldText = shown.embeds[0]?.description ?? '';
      expect(oldText).toContain('top threat');
      const answer = await ask('Which country remained the top threat?');
      expect(buttonIds(answer)).toContain(`ask:more:${passageId}`);

      // when: the paragraph is edited and a moderator reloads
      const file = join(knowledge.dir, TXT);
      const text = await readFile(file, 'utf8');
      expect(text).toContain('the top threat');
      await writeFile(file, text.replace('the top threat', 'the single gravest threat'));
      const report = await replyOf(h.fake, slash('reload', {}, h.fake.users.moderator), 15_000);

      // then
      const drift = report.embeds[1];
      // (earlier answers in this file cite the same paragraph)
      expect(drift?.description).toMatch(/^[1-9]\d* posted answers? marked “⚠ the source changed since this answer”\./);
      expect(drift?.description).toContain('`rivals` changed');
      expect(drift?.description).toContain('the single gravest threat');
      expect(drift?.description).toMatch(/Before:\n> .*the top threat/);
      expect(drift?.description).toMatch(/Now:\n> .*the single gravest threat/);
      const now = await replyOf(h.fake, slash('tag', { name: 'rivals' }, h.fake.users.member, 'show'));
      expect(now.embeds[0]?.description).toContain('the single gravest threat');
      const marked = current(answer.id);
      expect(marked.content).toMatch(/^⚠ the source changed since this answer: \[.+\]\(https:\/\/en\.wikipedia\.org\/.+\) now reads differently\.$/);
      expect(marked.embeds).toEqual(answer.embeds);
    });

    it('given a tagged paragraph that is removed, when reloaded, then the tag is an error and /tag says so', async () => {
      const file = join(knowledge.dir, TXT);
      const text = await readFile(file, 'utf8');
      const paragraph = text.split('\n').find((line) => line.includes('the single gravest threat'))!;
      const answer = await ask('Which country remained the single gravest threat?');
      await writeFile(file, text.replace(`${paragraph}\n`, ''));
      const report = await replyOf(h.fake, slash('reload', {}, h.fake.users.moderator), 15_000);
      expect(report.embeds[1]?.title).toBe('Drift: 1 tag points at nothing');
      // (every answer quoting a part of the removed paragraph is marked)
      expect(report.embeds[1]?.description).toMatch(/^[1-9]\d* posted answers? marked/);
      // the paragraph after it moved up into its place: that is not an edit, so the answer says "removed"
      expect(current(answer.id).content).toMatch(/^⚠ the source changed since this answer: .+ was removed from the sources\.$/);
      expect(report.embeds[1]?.description).toContain('❌ `rivals`: its paragraph was removed from the sources.');
      const shown = await replyOf(h.fake, slash('tag', { name: 'rivals' }, h.fake.users.member, 'show'));
      expect(shown.content).toMatch(/^The paragraph of tag `rivals` was changed or removed since the tag was saved/);
      // and a second reload does not list it again
      const again = await replyOf(h.fake, slash('reload', {}, h.fake.users.moderator), 15_000);
      expect(again.embeds[1]?.description).not.toContain('rivals');
    });
  });

  describe('weekly digest', () => {
    it('given a moderator sets a digest channel, then the first digest is posted there with the gaps chart as a PNG', async () => {
      const sent = slash('gaps', { digest: h.fake.channel.id }, h.fake.users.moderator);
      const reply = await replyOf(h.fake, sent, 15_000);
      expect(reply.content).toBe(`The weekly digest goes to <#${h.fake.channel.id}>; the first one is there now.`);
      const post = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${h.fake.channel.id}/messages`);
      expect(post.files).toEqual([expect.objectContaining({ filename: 'gaps.png', contentType: 'image/png' })]);
      expect(post.files[0]!.size).toBeGreaterThan(1000);
      const digest = h.fake.messages().find((m) => m.embeds[0]?.title === 'Weekly digest: gaps in the sources')!;
      expect(digest.embeds[0]?.image?.url).toBe('attachment://gaps.png');
      expect(digest.embeds[0]?.description).toMatch(/Votes: (none this week|👍 \d+ · 👎 \d+)/);
      expect((await db.store.guildSettings(h.fake.guild.id)).digestChannelId).toBe(h.fake.channel.id);
    });
  });
});
