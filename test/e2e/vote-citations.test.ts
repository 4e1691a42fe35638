/**
 * What a 👍 / 👎 is pinned on: the passages the answer message showed, as they read when it was
 * shown — not what the question finds after a /reload changed the knowledge. With the real bot
 * against the fake Discord, a tiny knowledge folder in a temp folder, and the real store (SQLite,
 * and PostgreSQL when its server is installed).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/fake-discord/index.js';
import { contentHash } from '../../src/moderation/address.js';
import type { Store } from '../../src/store/store.js';
import { storeBackends, type TestDatabase } from '../helpers/store-backends.js';
import { DRIFT_MARK } from '../../src/moderation/drift-note.js';
import { DUES, DUES_RAISED, gardenClubRules, WATERING } from './garden-club.js';
import { buttonIds, type Harness, logOf, replyOf, startHarness } from './harness.js';

for (const backend of storeBackends()) describe(`on ${backend.name}`, () => {
  let h: Harness;
  let store: Store;
  let database: TestDatabase;
  let folder: string;
  const file = (): string => join(folder, 'knowledge', 'rules.md');

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'footnote-votes-'));
    await mkdir(join(folder, 'knowledge'));
    await writeFile(file(), gardenClubRules(DUES));
    database = await backend.fresh();
    store = await database.open();
    h = await startHarness({ knowledgeDir: join(folder, 'knowledge'), questionLimit: 'off', store });
  });
  afterEach(async () => {
    await h?.close();
    await store?.close();
    await database?.remove();
    await rm(folder, { recursive: true, force: true });
  });

  const ask = (query: string, options: { hide?: boolean } = {}) => replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('ask', { query, ...options })));
  const click = (customId: string, message: StoredMessage) => h.fake.sendInteraction(h.fake.button(customId, message));
  const current = (id: string): StoredMessage => h.fake.messages().find((m) => m.id === id)!;
  const voteOn = async (message: StoredMessage, choice: 'up' | 'down') => {
    await logOf(h, click(`fb:${choice}`, message));
    return (await store.vote(message.id, store.hashUser(h.fake.users.member.id)))!;
  };
  /** The passage More context opens: the answer's first excerpt. */
  const firstPassageOf = (message: StoredMessage): string => buttonIds(message).find((id) => id.startsWith('ask:more:'))!.slice('ask:more:'.length);
  const raiseDuesAndReload = async () => {
    await writeFile(file(), gardenClubRules(DUES_RAISED));
    const report = await replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('reload', {}, { user: h.fake.users.moderator })), 15_000);
    expect(report.embeds[0]?.title).toBe('Knowledge reloaded');
  };

  it('given a posted answer, when the knowledge is reloaded with that paragraph changed and a member votes 👎, then the vote records the paragraph (and hash) the member saw, not today\'s best passage', async () => {
    // given
    const answer = await ask('How much are the dues?');
    const shown = firstPassageOf(answer);
    expect(answer.embeds[0]?.fields?.[0]?.value).toContain('ten euros');
    // when
    await raiseDuesAndReload();
    const again = await ask('How much are the dues?');
    expect(firstPassageOf(again)).not.toBe(shown); // today's best passage is the edited paragraph
    const vote = await voteOn(answer, 'down');
    // then
    expect(vote.vote).toBe('down');
    expect(vote.cited[0]).toEqual({ passageId: shown, documentPath: 'rules.md', section: 'Dues', paragraph: 1, contentHash: contentHash(DUES) });
    expect(vote.cited.map((c) => c.passageId)).toEqual((await store.postedAnswer(answer.id))!.cited.map((c) => c.passageId));
  });

  it('given a posted answer paged to its next results, when a member votes, then the vote records the passages of the page shown', async () => {
    // given
    const answer = await ask('When do members water their plots?');
    const next = buttonIds(answer).find((id) => id.startsWith('ask:next:'))!;
    await logOf(h, click(next, answer)); // by its asker: the message itself changes
    const paged = current(answer.id);
    expect(firstPassageOf(paged)).not.toBe(firstPassageOf(answer));
    // when
    const vote = await voteOn(paged, 'up');
    // then
    expect(vote.cited[0]?.passageId).toBe(firstPassageOf(paged));
    expect(vote.cited.map((c) => c.passageId)).not.toContain(firstPassageOf(answer));
    // and drift notes watch the same passages
    expect((await store.postedAnswer(answer.id))?.cited).toEqual(vote.cited);
  });

  it('given a posted answer marked by a drift note, when its asker pages it, then the note goes with the passages it spoke of, and the new page is watched instead', async () => {
    // given: the watering paragraphs the first page quotes change, and the answer is marked
    const answer = await ask('When do members water their plots?');
    await writeFile(file(), gardenClubRules(DUES, WATERING.map((p) => p.replace('Members', 'Gardeners'))));
    const report = await replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('reload', {}, { user: h.fake.users.moderator })), 15_000);
    expect(report.embeds[1]?.description).toMatch(/^1 posted answer marked/);
    expect(current(answer.id).content).toContain(DRIFT_MARK);
    // when
    const next = buttonIds(answer).find((id) => id.startsWith('ask:next:'))!;
    await logOf(h, click(next, current(answer.id)));
    // then
    const paged = current(answer.id);
    expect(paged.content).not.toContain(DRIFT_MARK);
    expect(firstPassageOf(paged)).not.toBe(firstPassageOf(answer));
    const watched = await store.postedAnswer(answer.id);
    expect(watched?.driftMarkedAt).toBeUndefined();
    expect(watched?.cited[0]?.passageId).toBe(firstPassageOf(paged));
  });

  describe('an answer the store does not remember (a hidden one)', () => {
    it('given a hidden answer, when the member votes, then the vote records every passage it showed, as the answer memory kept them when shown', async () => {
      // given: three watering paragraphs shown
      const answer = await ask('When do members water their plots?', { hide: true });
      expect(answer.flags).toBe(64);
      expect(answer.embeds[0]?.fields).toHaveLength(3);
      expect(await store.postedAnswer(answer.id)).toBeUndefined();
      // when
      const vote = await voteOn(answer, 'up');
      // then: all three, in the order shown, the first being More context's
      const shown = (answer.embeds[0]?.fields ?? []).map((f) => Number(/¶(\d+)/.exec(f.value)?.[1]));
      expect(vote.cited.map((c) => [c.section, c.paragraph])).toEqual(shown.map((paragraph) => ['Watering', paragraph]));
      expect(vote.cited[0]?.passageId).toBe(firstPassageOf(answer));
    });

    it('given a hidden answer whose paragraph a reload changed, when the member votes 👎, then the vote records the paragraph as it read when shown, not today\'s best one', async () => {
      // given
      const answer = await ask('How much are the dues?', { hide: true });
      const shown = firstPassageOf(answer);
      await raiseDuesAndReload();
      // when
      const vote = await voteOn(answer, 'down');
      // then
      expect(vote.vote).toBe('down');
      expect(vote.cited[0]).toEqual({ passageId: shown, documentPath: 'rules.md', section: 'Dues', paragraph: 1, contentHash: contentHash(DUES) });
    });
  });
});
