/**
 * A hidden answer's public copy ("Post publicly") is a posted answer like any other: it is
 * remembered with the passages it shows (hashes of the text as shown), so a /reload that changes
 * one of them marks it, and a vote on it records all of them. With the real bot against the fake
 * Discord, a tiny knowledge folder in a temp folder, and the real store (SQLite, and PostgreSQL
 * when its server is installed).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../src/discord/logger.js';
import { type RunningBot, startBot } from '../../src/discord/start-bot.js';
import type { StoredMessage } from '../../src/fake-discord/index.js';
import { contentHash } from '../../src/moderation/address.js';
import { createKnowledgeService } from '../../src/service/knowledge-service.js';
import type { PassageAddress, Store } from '../../src/store/store.js';
import { storeBackends, type TestDatabase } from '../helpers/store-backends.js';
import { DUES, DUES_RAISED, gardenClubRules, WATERING } from './garden-club.js';
import { buttonIds, type Harness, logOf, openWithoutCache, replyOf, startHarness } from './harness.js';

/** The drift note's first words (see drift-note.ts). */
const DRIFT_MARK = '⚠ the source changed since this answer';

for (const backend of storeBackends()) describe(`on ${backend.name}`, () => {
  let h: Harness;
  let restarted: RunningBot | undefined;
  let store: Store;
  let database: TestDatabase;
  let folder: string;
  const knowledgeDir = (): string => join(folder, 'knowledge');
  const file = (): string => join(knowledgeDir(), 'rules.md');

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'footnote-public-copy-'));
    await mkdir(knowledgeDir());
    await writeFile(file(), gardenClubRules(DUES));
    database = await backend.fresh();
    store = await database.open();
    h = await startHarness({ knowledgeDir: knowledgeDir(), questionLimit: 'off', store });
  });
  afterEach(async () => {
    await restarted?.stop();
    restarted = undefined;
    await h?.close();
    await store?.close();
    await database?.remove();
    await rm(folder, { recursive: true, force: true });
  });

  const member = () => h.fake.users.member;
  const askHidden = (query: string) => replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('ask', { query, hide: true }, { user: member() })));
  const current = (id: string): StoredMessage => h.fake.messages().find((m) => m.id === id)!;
  /** Clicks "Post publicly" on a hidden answer; resolves with the public copy once the click is handled. */
  const postPublicly = async (hidden: StoredMessage): Promise<StoredMessage> => {
    const post = buttonIds(hidden).find((id) => id.startsWith('ask:public:'))!;
    const sent = h.fake.sendInteraction(h.fake.button(post, hidden, { user: member() }));
    expect(await logOf(h, sent)).toMatchObject({ outcome: 'ok' });
    return h.fake.messages().find((m) => !m.flags && m.content === `-# Asked by <@${member().id}>` && m.embeds[0]?.title === hidden.embeds[0]?.title)!;
  };
  const voteOn = async (message: StoredMessage) => {
    await logOf(h, h.fake.sendInteraction(h.fake.button('fb:up', message, { user: member() })));
    return (await store.vote(message.id, store.hashUser(member().id)))!;
  };
  const reloadWith = async (rules: string) => {
    await writeFile(file(), rules);
    const report = await replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('reload', {}, { user: h.fake.users.moderator })), 15_000);
    expect(report.embeds[0]?.title).toBe('Knowledge reloaded');
    return report;
  };
  /** Stops the bot (its answer memory goes with it) and starts a new one on the same store and folder. */
  const restart = async () => {
    await h.bot.stop();
    const service = await createKnowledgeService(knowledgeDir(), { open: openWithoutCache });
    const logger = createJsonLogger({ write: (line) => h.logs.push(JSON.parse(line) as Record<string, unknown>) });
    restarted = await startBot(h.config, { service, store, questionLimit: 'off', logger });
    await h.fake.waitForReady();
  };
  /** The address of a Watering paragraph, as the knowledge first had it. */
  const watering = (paragraph: number) => ({ documentPath: 'rules.md', section: 'Watering', paragraph, contentHash: contentHash(WATERING[paragraph - 1]!) });
  /** The paragraph number each excerpt of an answer cites (its citation ends in "¶n"). */
  const citedParagraphs = (message: StoredMessage): number[] => (message.embeds[0]?.fields ?? []).map((f) => Number(/¶(\d+)/.exec(f.value)?.[1]));
  const firstPassageOf = (message: StoredMessage): string => buttonIds(message).find((id) => id.startsWith('ask:more:'))!.slice('ask:more:'.length);

  it('given a hidden answer posted publicly, when the knowledge is reloaded with its cited paragraph changed, then the public copy gets the drift note and the hidden one is left alone', async () => {
    // given
    const hidden = await askHidden('How much are the dues?');
    expect(hidden.embeds[0]?.fields?.[0]?.value).toContain('ten euros');
    const copy = await postPublicly(hidden);
    // when
    const report = await reloadWith(gardenClubRules(DUES_RAISED));
    // then
    expect(report.embeds[1]?.description).toMatch(/^1 posted answer marked/);
    expect(current(copy.id).content).toMatch(new RegExp(`^-# Asked by <@${member().id}>\\n${DRIFT_MARK}: .*Dues ¶1.* now reads differently\\.$`));
    expect(current(copy.id).embeds).toEqual(copy.embeds);
    expect(current(hidden.id).content).toBe(hidden.content);
  });

  it('given a hidden answer posted publicly, when a member votes on the copy after a reload, then the vote records every passage it shows, with the hashes of their text as shown', async () => {
    // given: three watering paragraphs shown, and then the knowledge changes under them
    const hidden = await askHidden('When do members water their plots?');
    const shown = citedParagraphs(hidden);
    expect(shown).toHaveLength(3);
    const copy = await postPublicly(hidden);
    await reloadWith(gardenClubRules(DUES, WATERING.map((p) => p.replace('Members', 'Gardeners'))));
    // when
    const vote = await voteOn(copy);
    // then
    expect(vote.cited).toEqual(shown.map((paragraph) => expect.objectContaining(watering(paragraph))));
    expect(vote.cited[0]?.passageId).toBe(firstPassageOf(copy));
  });

  it('given a hidden answer paged to its next results, when it is posted publicly, then the copy is remembered with the passages of the page it shows', async () => {
    // given
    const hidden = await askHidden('When do members water their plots?');
    const next = buttonIds(hidden).find((id) => id.startsWith('ask:next:'))!;
    await logOf(h, h.fake.sendInteraction(h.fake.button(next, hidden, { user: member() })));
    const paged = current(hidden.id);
    expect(paged.embeds[0]?.fields?.[0]?.name).toBe('Excerpt 4');
    // when
    const copy = await postPublicly(paged);
    // then
    const cited = (await store.postedAnswer(copy.id))?.cited ?? [];
    expect(cited.map((c) => c.paragraph)).toEqual(citedParagraphs(paged));
    expect(cited[0]?.passageId).toBe(firstPassageOf(paged));
  });

  describe('after a restart (the answer memory is empty)', () => {
    it('given a hidden answer from before the restart, when the member votes, then the vote records the one passage its buttons name, as the knowledge still has it', async () => {
      // given
      const hidden = await askHidden('When do members water their plots?');
      const [first] = citedParagraphs(hidden);
      await restart();
      // when
      const vote = await voteOn(hidden);
      // then
      expect(vote.cited).toEqual([{ passageId: firstPassageOf(hidden), ...watering(first!) }]);
    });

    it('given a hidden answer whose paragraph changed before the restart, when the member votes, then the vote records no passage rather than today\'s text', async () => {
      // given
      const hidden = await askHidden('How much are the dues?');
      await writeFile(file(), gardenClubRules(DUES_RAISED));
      await restart();
      // when
      const vote = await voteOn(hidden);
      // then
      expect(vote.cited).toEqual([]);
    });

    it('given a hidden answer from before the restart, when it is posted publicly, then the copy is remembered with the one passage its buttons name (More context\'s), as the knowledge still has it', async () => {
      // given
      const hidden = await askHidden('When do members water their plots?');
      const [first] = citedParagraphs(hidden);
      await restart();
      // when
      const copy = await postPublicly(hidden);
      // then: the other excerpts are named nowhere on the message; a passage id hashes its text
      const expected: PassageAddress = { passageId: firstPassageOf(hidden), ...watering(first!) };
      expect((await store.postedAnswer(copy.id))?.cited).toEqual([expected]);
    });

    it('given a hidden answer whose paragraph changed before the restart, when it is posted publicly, then nothing is remembered rather than today\'s text', async () => {
      // given
      const hidden = await askHidden('How much are the dues?');
      await writeFile(file(), gardenClubRules(DUES_RAISED));
      await restart();
      // when
      const copy = await postPublicly(hidden);
      // then
      expect(copy.embeds).toEqual(hidden.embeds);
      expect(await store.postedAnswer(copy.id)).toBeUndefined();
    });
  });
});
