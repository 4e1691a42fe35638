/**
 * The store's contract, as tests any backend must pass: `describeStoreContract('sqlite', …)`
 * and `describeStoreContract('postgres', …)` run the same cases.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/store/retention.js';
import type { TestDatabase } from '../helpers/store-backends.js';
import type { FeedbackVote, GapRecord, PassageAddress, PostedAnswer, SettingsChange, Store, Tag } from '../../src/store/store.js';

/** A new, empty database that can be opened (and reopened) as a store. */
export type FreshDatabase = Pick<TestDatabase, 'open' | 'remove'>;

/** A backend under test: makes fresh databases. */
export interface Backend {
  fresh(): Promise<FreshDatabase>;
}

const GUILD = '100000000000000001';
const OTHER_GUILD = '100000000000000002';
const CHANNEL = '200000000000000001';
const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);

const address = (n: number, hash = `hash-${n}`): PassageAddress => ({
  passageId: `faq-md-${n}`,
  documentPath: 'game-rules/faq.md',
  section: 'FAQ › Scoring',
  paragraph: n,
  contentHash: hash,
});

const change = (text: string, at = T0): SettingsChange => ({ guildId: GUILD, actorName: 'Mod Alice', actorHash: 'alice-hash', change: text, at });

const vote = (fields: Partial<FeedbackVote> = {}): FeedbackVote => ({
  guildId: GUILD,
  channelId: CHANNEL,
  answerMessageId: 'answer-1',
  voterHash: 'voter-1',
  vote: 'up',
  question: 'How are points scored?',
  cited: [address(1)],
  at: T0,
  ...fields,
});

const gap = (fields: Partial<GapRecord> = {}): GapRecord => ({
  guildId: GUILD,
  channelId: CHANNEL,
  kind: 'abstained',
  question: 'Can I trade cards?',
  missingTerms: ['trade'],
  nearestSection: 'FAQ › Cards',
  at: T0,
  ...fields,
});

const tag = (name: string, fields: Partial<Tag> = {}): Tag => ({ guildId: GUILD, name, address: address(2), createdByHash: 'alice-hash', createdAt: T0, ...fields });

const posted = (messageId: string, postedAt = T0): PostedAnswer => ({
  guildId: GUILD,
  channelId: CHANNEL,
  messageId,
  question: 'How are points scored?',
  cited: [address(1), address(3)],
  postedAt,
});

/**
 * Registers the contract's tests for one backend.
 *
 * @example describeStoreContract('sqlite', { fresh: freshSqlite });
 */
export function describeStoreContract(name: string, backend: Backend): void {
  describe(`store contract (${name})`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    /** A fresh database opened as a store; both are cleaned up after the test. */
    async function given(): Promise<{ store: Store; database: FreshDatabase }> {
      const database = await backend.fresh();
      cleanups.push(() => database.remove());
      const store = await database.open();
      cleanups.push(() => store.close());
      return { store, database };
    }

    describe('settings', () => {
      it('given no settings, when a channel is read, then it has none and the guild has only its id', async () => {
        const { store } = await given();
        expect(await store.channelSettings(GUILD, CHANNEL)).toBeUndefined();
        expect(await store.guildSettings(GUILD)).toEqual({ guildId: GUILD });
        expect(await store.listChannelSettings(GUILD)).toEqual([]);
      });

      it('given saved channel settings, when saved again, then the second replaces the first and both changes are logged newest first', async () => {
        // given
        const { store } = await given();
        await store.saveChannelSettings({ guildId: GUILD, channelId: CHANNEL, autoAnswer: true, replyStyle: 'thread', collections: ['game-rules'], updatedAt: T0 }, change('#help: auto-answer on'));
        // when
        await store.saveChannelSettings({ guildId: GUILD, channelId: CHANNEL, autoAnswer: false, replyStyle: 'reply', collections: [], updatedAt: T0 + 1000 }, change('#help: auto-answer off', T0 + 1000));
        // then
        expect(await store.channelSettings(GUILD, CHANNEL)).toEqual({ guildId: GUILD, channelId: CHANNEL, autoAnswer: false, replyStyle: 'reply', collections: [], updatedAt: T0 + 1000 });
        expect(await store.listChannelSettings(GUILD)).toHaveLength(1);
        expect((await store.settingsChanges(GUILD, 10)).map((c) => c.change)).toEqual(['#help: auto-answer off', '#help: auto-answer on']);
        expect((await store.settingsChanges(GUILD, 1))[0]).toEqual(change('#help: auto-answer off', T0 + 1000));
        expect(await store.settingsChanges(OTHER_GUILD, 10)).toEqual([]);
      });

      it('given forum tag mappings, when one is saved with no collections, then it is removed and every change is logged', async () => {
        // given
        const { store } = await given();
        await store.saveForumTagCollections({ guildId: GUILD, channelId: CHANNEL, tagId: 't1', collections: ['modding'] }, change('tag t1 → modding'));
        await store.saveForumTagCollections({ guildId: GUILD, channelId: CHANNEL, tagId: 't2', collections: ['game-rules', 'modding'] }, change('tag t2 → both'));
        await store.saveForumTagCollections({ guildId: GUILD, channelId: CHANNEL, tagId: 't1', collections: ['game-rules'] }, change('tag t1 → game-rules'));
        // when
        await store.saveForumTagCollections({ guildId: GUILD, channelId: CHANNEL, tagId: 't2', collections: [] }, change('tag t2 cleared'));
        // then
        expect(await store.forumTagCollections(GUILD, CHANNEL)).toEqual([{ guildId: GUILD, channelId: CHANNEL, tagId: 't1', collections: ['game-rules'] }]);
        expect(await store.settingsChanges(GUILD, 10)).toHaveLength(4);
      });

      it('given guild settings, when fields are merged and one is cleared with null, then only those change', async () => {
        // given
        const { store } = await given();
        await store.updateGuildSettings(GUILD, { digestChannelId: '300000000000000001' }, change('digest → #mods'));
        await store.updateGuildSettings(GUILD, { lastDigestAt: T0 });
        expect(await store.guildSettings(GUILD)).toEqual({ guildId: GUILD, digestChannelId: '300000000000000001', lastDigestAt: T0 });
        expect((await store.guildsWithDigest()).map((g) => g.guildId)).toEqual([GUILD]);
        // when
        await store.updateGuildSettings(GUILD, { digestChannelId: null, contentIntentWarnedAt: T0 + 5 }, change('digest off'));
        // then
        expect(await store.guildSettings(GUILD)).toEqual({ guildId: GUILD, lastDigestAt: T0, contentIntentWarnedAt: T0 + 5 });
        expect(await store.guildsWithDigest()).toEqual([]);
        expect((await store.settingsChanges(GUILD, 10)).map((c) => c.change)).toEqual(['digest off', 'digest → #mods']);
      });
    });

    describe('votes', () => {
      it('given a member voted, when they vote again, then they still have one vote, the new one', async () => {
        // given
        const { store } = await given();
        await store.recordVote(vote({ vote: 'up' }));
        // when
        await store.recordVote(vote({ vote: 'down', at: T0 + 10 }));
        // then
        expect(await store.vote('answer-1', 'voter-1')).toEqual(vote({ vote: 'down', at: T0 + 10 }));
        expect(await store.voteTally(GUILD, 0)).toEqual({ up: 0, down: 1 });
      });

      it('given votes by several members, when tallied since a time, then each member counts once and older votes are left out', async () => {
        // given
        const { store } = await given();
        await store.recordVote(vote({ voterHash: 'a', vote: 'up' }));
        await store.recordVote(vote({ voterHash: 'b', vote: 'up' }));
        await store.recordVote(vote({ voterHash: 'c', vote: 'down' }));
        await store.recordVote(vote({ voterHash: 'a', answerMessageId: 'answer-2', vote: 'down', at: T0 - DAY_MS }));
        await store.recordVote(vote({ voterHash: 'a', guildId: OTHER_GUILD, answerMessageId: 'answer-3' }));
        // when / then
        expect(await store.voteTally(GUILD, T0 - 1000)).toEqual({ up: 2, down: 1 });
        expect(await store.voteTally(GUILD, 0)).toEqual({ up: 2, down: 2 });
      });

      it('given a 👎, when a comment is added, then it is kept as plain text, capped at 300 characters', async () => {
        // given
        const { store } = await given();
        await store.recordVote(vote({ vote: 'down' }));
        const hostile = `<@everyone> '); DROP TABLE feedback_votes; -- ${'x'.repeat(400)}`;
        // when
        await store.setVoteComment('answer-1', 'voter-1', hostile);
        // then
        const stored = await store.vote('answer-1', 'voter-1');
        expect(stored?.comment).toBe(hostile.slice(0, 300));
        expect(await store.voteTally(GUILD, 0)).toEqual({ up: 0, down: 1 });
      });

      it('given a commented 👎, when the member votes 👎 again, then the comment stays; when they switch to 👍, then it goes', async () => {
        // given
        const { store } = await given();
        await store.recordVote(vote({ vote: 'down', comment: 'missing the tie rule' }));
        // when
        await store.recordVote(vote({ vote: 'down', at: T0 + 1 }));
        // then
        expect((await store.vote('answer-1', 'voter-1'))?.comment).toBe('missing the tie rule');
        // when
        await store.recordVote(vote({ vote: 'up', at: T0 + 2 }));
        // then
        expect(await store.vote('answer-1', 'voter-1')).not.toHaveProperty('comment');
      });

      it('given no vote, when a comment is set, then nothing is created', async () => {
        const { store } = await given();
        await store.setVoteComment('answer-9', 'voter-9', 'hello');
        expect(await store.vote('answer-9', 'voter-9')).toBeUndefined();
      });
    });

    describe('gaps', () => {
      it('given gaps in two guilds, when listed, then they come newest first with their ids and fields', async () => {
        // given
        const { store } = await given();
        await store.recordGap(gap({ question: 'old', at: T0 - 2 * DAY_MS }));
        await store.recordGap(gap({ question: 'new', kind: 'downvoted', missingTerms: ['trade', 'swap'], at: T0 }));
        const { nearestSection: _omitted, ...withoutSection } = gap({ question: 'no section', at: T0 - DAY_MS });
        await store.recordGap(withoutSection);
        await store.recordGap(gap({ guildId: OTHER_GUILD, question: 'elsewhere', at: T0 }));
        // when
        const recent = await store.gaps(GUILD, T0 - DAY_MS);
        // then
        expect(recent.map((g) => g.question)).toEqual(['new', 'no section']);
        expect(recent[0]).toMatchObject({ kind: 'downvoted', missingTerms: ['trade', 'swap'], nearestSection: 'FAQ › Cards', at: T0, channelId: CHANNEL });
        expect(recent[1]).not.toHaveProperty('nearestSection');
        expect(new Set(recent.map((g) => g.id)).size).toBe(2);
        expect((await store.allGaps(T0 - DAY_MS)).map((g) => g.question).sort()).toEqual(['elsewhere', 'new', 'no section']);
      });

      it('given a covered group, when it is covered again later, then it is listed once with the later time', async () => {
        // given
        const { store } = await given();
        await store.markGapGroupCovered({ guildId: GUILD, groupKey: 'trade', coveredAt: T0 });
        await store.markGapGroupCovered({ guildId: OTHER_GUILD, groupKey: 'trade', coveredAt: T0 });
        // when
        await store.markGapGroupCovered({ guildId: GUILD, groupKey: 'trade', coveredAt: T0 + 100 });
        // then
        expect(await store.coveredGapGroups(GUILD)).toEqual([{ guildId: GUILD, groupKey: 'trade', coveredAt: T0 + 100 }]);
      });
    });

    describe('tags', () => {
      it('given a tag, when another with the same name (any case) is created in the guild, then it is refused; another guild may use the name', async () => {
        // given
        const { store } = await given();
        expect(await store.createTag(tag('scoring'))).toBe(true);
        // when / then
        expect(await store.createTag(tag('Scoring', { address: address(5) }))).toBe(false);
        expect((await store.tag(GUILD, 'scoring'))?.address).toEqual(address(2));
        expect(await store.createTag(tag('scoring', { guildId: OTHER_GUILD }))).toBe(true);
        expect(await store.tag(GUILD, 'SCORING')).toEqual(tag('scoring'));
      });

      it('given tags, when names are listed by prefix, then they come alphabetically, limited, and % or _ match literally', async () => {
        // given
        const { store } = await given();
        for (const name of ['scoring', 'setup', 'score-ties', 'rules', '100%_sure']) await store.createTag(tag(name));
        await store.createTag(tag('scored', { guildId: OTHER_GUILD }));
        // when / then
        expect(await store.tagNames(GUILD, 'sc', 10)).toEqual(['score-ties', 'scoring']);
        expect(await store.tagNames(GUILD, 'S', 2)).toEqual(['score-ties', 'scoring']);
        expect(await store.tagNames(GUILD, '', 10)).toHaveLength(5);
        expect(await store.tagNames(GUILD, '_', 10)).toEqual([]);
        expect(await store.tagNames(GUILD, '100%', 10)).toEqual(['100%_sure']);
        expect(await store.allTags()).toHaveLength(6);
      });

      it('given a tag, when deleted, then it is gone and deleting again says so', async () => {
        const { store } = await given();
        await store.createTag(tag('setup'));
        expect(await store.deleteTag(GUILD, 'setup')).toBe(true);
        expect(await store.tag(GUILD, 'setup')).toBeUndefined();
        expect(await store.deleteTag(GUILD, 'setup')).toBe(false);
      });

      it('given a name longer than 32 characters, when a tag is created, then it is refused', async () => {
        const { store } = await given();
        await expect(store.createTag(tag('x'.repeat(33)))).rejects.toThrow(RangeError);
      });
    });

    describe('posted answers', () => {
      it('given posted answers, when one is marked as drifted, then only the unmarked recent ones are listed, with their citations', async () => {
        // given
        const { store } = await given();
        await store.recordPostedAnswer(posted('m-old', T0 - 40 * DAY_MS));
        await store.recordPostedAnswer(posted('m-1', T0));
        await store.recordPostedAnswer(posted('m-2', T0 + 1));
        // when
        await store.markDrifted('m-1', T0 + 5);
        // then
        expect(await store.unmarkedPostedAnswers(T0 - 30 * DAY_MS)).toEqual([posted('m-2', T0 + 1)]);
      });

      it('given a posted answer, when it is looked up by its message, then it comes back with the citations as recorded; a message never recorded gives nothing', async () => {
        // given
        const { store } = await given();
        await store.recordPostedAnswer(posted('m-1'));
        await store.markDrifted('m-1', T0 + 5);
        // when / then
        expect(await store.postedAnswer('m-1')).toEqual({ ...posted('m-1'), driftMarkedAt: T0 + 5 });
        expect(await store.postedAnswer('m-never')).toBeUndefined();
      });

      it('given a posted answer, when its message is recorded again with another page, then the lookup gives the new citations', async () => {
        // given
        const { store } = await given();
        await store.recordPostedAnswer(posted('m-1'));
        // when
        await store.recordPostedAnswer({ ...posted('m-1', T0 + 1), cited: [address(7, 'hash-of-page-2')] });
        // then
        expect((await store.postedAnswer('m-1'))?.cited).toEqual([address(7, 'hash-of-page-2')]);
      });
    });

    describe('retention', () => {
      it('given rows on both sides of the windows, when expired rows are deleted, then only the old ones go and the counts say so', async () => {
        // given
        const { store } = await given();
        const now = T0 + 100 * DAY_MS;
        await store.recordVote(vote({ voterHash: 'old', at: now - 91 * DAY_MS }));
        await store.recordVote(vote({ voterHash: 'new', at: now - 89 * DAY_MS }));
        await store.recordGap(gap({ question: 'old', at: now - 91 * DAY_MS }));
        await store.recordGap(gap({ question: 'new', at: now - DAY_MS }));
        await store.saveChannelSettings({ guildId: GUILD, channelId: CHANNEL, autoAnswer: true, replyStyle: 'reply', collections: [], updatedAt: now - 91 * DAY_MS }, change('old change', now - 91 * DAY_MS));
        await store.recordPostedAnswer(posted('m-old', now - 31 * DAY_MS));
        await store.recordPostedAnswer(posted('m-new', now - 29 * DAY_MS));
        // when
        const deleted = await store.deleteExpired(now, { feedbackDays: 90, postedAnswerDays: 30 });
        // then
        expect(deleted).toEqual({ votes: 1, gaps: 1, postedAnswers: 1, settingsChanges: 1 });
        expect(await store.vote('answer-1', 'old')).toBeUndefined();
        expect(await store.vote('answer-1', 'new')).toBeDefined();
        expect((await store.gaps(GUILD, 0)).map((g) => g.question)).toEqual(['new']);
        expect((await store.unmarkedPostedAnswers(0)).map((a) => a.messageId)).toEqual(['m-new']);
        // Settings themselves are not feedback: they stay.
        expect(await store.channelSettings(GUILD, CHANNEL)).toBeDefined();
        expect(await store.deleteExpired(now, { feedbackDays: 90, postedAnswerDays: 30 })).toEqual({ votes: 0, gaps: 0, postedAnswers: 0, settingsChanges: 0 });
      });
    });

    describe('user hashes and reopening', () => {
      it('given a database, when it is closed and reopened, then a user hashes the same, the hash is salted, and everything written is there', async () => {
        // given
        const { store, database } = await given();
        const before = store.hashUser('123456789012345678');
        await store.recordVote(vote({ voterHash: before }));
        await store.close();
        // when
        const reopened = await database.open();
        cleanups.push(() => reopened.close());
        // then
        expect(reopened.hashUser('123456789012345678')).toBe(before);
        expect(before).toMatch(/^[0-9a-f]{64}$/);
        expect(before).not.toContain('123456789012345678');
        expect(reopened.hashUser('123456789012345679')).not.toBe(before);
        expect(await reopened.vote('answer-1', before)).toBeDefined();
        await reopened.close();
        await reopened.close(); // twice is safe
      });

      it('given two databases, when the same user is hashed in each, then the hashes differ (each has its own salt)', async () => {
        const { store: one } = await given();
        const { store: two } = await given();
        expect(one.hashUser('123456789012345678')).not.toBe(two.hashUser('123456789012345678'));
      });
    });
  });
}
