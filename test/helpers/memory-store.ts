/**
 * A small in-memory {@link Store} for tests of the moderator loop until the SQLite store is merged:
 * the same contract (one vote per answer and voter, unique tag names per guild, newest gaps
 * first), nothing persisted. `failing` makes every call reject, like a database that is down.
 */
import { createHash } from 'node:crypto';
import type {
  ChannelSettings, CoveredGapGroup, DeletedCounts, FeedbackVote, ForumTagCollections, GapRecord, GuildSettings, Millis, PostedAnswer,
  Retention, SettingsChange, Store, StoredGap, Tag, UserHash, VoteTally,
} from '../../src/store/store.js';

/** The in-memory store, with its rows open for assertions. */
export class MemoryStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly votes: FeedbackVote[] = [];
  readonly gapRows: StoredGap[] = [];
  readonly covered: CoveredGapGroup[] = [];
  readonly tags: Tag[] = [];
  readonly posted: PostedAnswer[] = [];
  /** While true, every call rejects (a database that is down). */
  failing = false;
  private nextGapId = 1;

  hashUser(userId: string): UserHash {
    return createHash('sha256').update(`test-salt:${userId}`).digest('hex');
  }

  private async run<T>(op: () => T): Promise<T> {
    if (this.failing) throw new Error('database is down');
    return op();
  }

  channelSettings(): Promise<ChannelSettings | undefined> { return this.run(() => undefined); }
  listChannelSettings(): Promise<ChannelSettings[]> { return this.run(() => []); }
  saveChannelSettings(): Promise<void> { return this.run(() => undefined); }
  forumTagCollections(): Promise<ForumTagCollections[]> { return this.run(() => []); }
  saveForumTagCollections(): Promise<void> { return this.run(() => undefined); }
  guildSettings(guildId: string): Promise<GuildSettings> { return this.run(() => ({ guildId })); }
  updateGuildSettings(): Promise<void> { return this.run(() => undefined); }
  guildsWithDigest(): Promise<GuildSettings[]> { return this.run(() => []); }
  settingsChanges(): Promise<SettingsChange[]> { return this.run(() => []); }

  recordVote(vote: FeedbackVote): Promise<void> {
    return this.run(() => {
      const i = this.votes.findIndex((v) => v.answerMessageId === vote.answerMessageId && v.voterHash === vote.voterHash);
      if (i >= 0) this.votes.splice(i, 1);
      this.votes.push(vote);
    });
  }
  setVoteComment(answerMessageId: string, voterHash: UserHash, comment: string): Promise<void> {
    return this.run(() => {
      const i = this.votes.findIndex((v) => v.answerMessageId === answerMessageId && v.voterHash === voterHash);
      if (i >= 0) this.votes[i] = { ...this.votes[i]!, comment };
    });
  }
  vote(answerMessageId: string, voterHash: UserHash): Promise<FeedbackVote | undefined> {
    return this.run(() => this.votes.find((v) => v.answerMessageId === answerMessageId && v.voterHash === voterHash));
  }
  voteTally(guildId: string, since: Millis): Promise<VoteTally> {
    return this.run(() => {
      const recent = this.votes.filter((v) => v.guildId === guildId && v.at >= since);
      return { up: recent.filter((v) => v.vote === 'up').length, down: recent.filter((v) => v.vote === 'down').length };
    });
  }
  recordGap(gap: GapRecord): Promise<void> {
    return this.run(() => void this.gapRows.push({ ...gap, id: this.nextGapId++ }));
  }
  gaps(guildId: string, since: Millis): Promise<StoredGap[]> {
    return this.run(() => this.gapRows.filter((g) => g.guildId === guildId && g.at >= since).sort((a, b) => b.at - a.at || b.id - a.id));
  }
  allGaps(since: Millis): Promise<StoredGap[]> {
    return this.run(() => this.gapRows.filter((g) => g.at >= since).sort((a, b) => b.at - a.at || b.id - a.id));
  }
  markGapGroupCovered(group: CoveredGapGroup): Promise<void> {
    return this.run(() => {
      const i = this.covered.findIndex((c) => c.guildId === group.guildId && c.groupKey === group.groupKey);
      if (i >= 0) this.covered.splice(i, 1);
      this.covered.push(group);
    });
  }
  coveredGapGroups(guildId: string): Promise<CoveredGapGroup[]> {
    return this.run(() => this.covered.filter((c) => c.guildId === guildId));
  }

  createTag(tag: Tag): Promise<boolean> {
    return this.run(() => {
      if (this.tags.some((t) => t.guildId === tag.guildId && t.name === tag.name)) return false;
      this.tags.push(tag);
      return true;
    });
  }
  tag(guildId: string, name: string): Promise<Tag | undefined> {
    return this.run(() => this.tags.find((t) => t.guildId === guildId && t.name === name));
  }
  tagNames(guildId: string, prefix: string, limit: number): Promise<string[]> {
    return this.run(() => this.tags.filter((t) => t.guildId === guildId && t.name.startsWith(prefix)).map((t) => t.name).sort().slice(0, limit));
  }
  allTags(): Promise<Tag[]> { return this.run(() => [...this.tags]); }
  deleteTag(guildId: string, name: string): Promise<boolean> {
    return this.run(() => {
      const i = this.tags.findIndex((t) => t.guildId === guildId && t.name === name);
      if (i >= 0) this.tags.splice(i, 1);
      return i >= 0;
    });
  }

  recordPostedAnswer(answer: PostedAnswer): Promise<void> { return this.run(() => void this.posted.push(answer)); }
  unmarkedPostedAnswers(since: Millis): Promise<PostedAnswer[]> {
    return this.run(() => this.posted.filter((a) => a.driftMarkedAt === undefined && a.postedAt >= since));
  }
  markDrifted(messageId: string, at: Millis): Promise<void> {
    return this.run(() => {
      const i = this.posted.findIndex((a) => a.messageId === messageId);
      if (i >= 0) this.posted[i] = { ...this.posted[i]!, driftMarkedAt: at };
    });
  }

  deleteExpired(_now: Millis, _retention: Retention): Promise<DeletedCounts> {
    return this.run(() => ({ votes: 0, gaps: 0, postedAnswers: 0, settingsChanges: 0 }));
  }
  async close(): Promise<void> {}
}
