/**
 * A test double of the store, in memory, for tests that run before the real store (SQLite) is
 * merged. It keeps the contract's observable rules: one settings row per channel, changes logged
 * with every save, newest-first listings.
 */
import { createHash } from 'node:crypto';
import type {
  ChannelSettings, CoveredGapGroup, DeletedCounts, FeedbackVote, ForumTagCollections, GapRecord, GuildSettings, Millis, PostedAnswer,
  SettingsChange, Store, StoredGap, Tag, UserHash, VoteTally,
} from '../../src/store/store.js';

/** An in-memory {@link Store}. */
export class MemoryStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly channels = new Map<string, ChannelSettings>();
  readonly tagMappings = new Map<string, ForumTagCollections>();
  readonly guilds = new Map<string, GuildSettings>();
  readonly changes: SettingsChange[] = [];
  private readonly votes = new Map<string, FeedbackVote>();
  private readonly gapList: StoredGap[] = [];
  private readonly covered: CoveredGapGroup[] = [];
  private readonly tags = new Map<string, Tag>();
  private readonly posted = new Map<string, PostedAnswer>();

  hashUser(userId: string): UserHash {
    return createHash('sha256').update(`test-salt:${userId}`).digest('hex');
  }

  async channelSettings(guildId: string, channelId: string): Promise<ChannelSettings | undefined> {
    return this.channels.get(`${guildId}/${channelId}`);
  }
  async listChannelSettings(guildId: string): Promise<ChannelSettings[]> {
    return [...this.channels.values()].filter((s) => s.guildId === guildId);
  }
  async saveChannelSettings(settings: ChannelSettings, change: SettingsChange): Promise<void> {
    this.channels.set(`${settings.guildId}/${settings.channelId}`, settings);
    this.changes.push(change);
  }
  async forumTagCollections(guildId: string, channelId: string): Promise<ForumTagCollections[]> {
    return [...this.tagMappings.values()].filter((m) => m.guildId === guildId && m.channelId === channelId);
  }
  async saveForumTagCollections(mapping: ForumTagCollections, change: SettingsChange): Promise<void> {
    const key = `${mapping.guildId}/${mapping.channelId}/${mapping.tagId}`;
    if (mapping.collections.length === 0) this.tagMappings.delete(key);
    else this.tagMappings.set(key, mapping);
    this.changes.push(change);
  }
  async guildSettings(guildId: string): Promise<GuildSettings> {
    return this.guilds.get(guildId) ?? { guildId };
  }
  async updateGuildSettings(guildId: string, fields: Partial<Omit<GuildSettings, 'guildId'>>, change?: SettingsChange): Promise<void> {
    this.guilds.set(guildId, { ...(await this.guildSettings(guildId)), ...fields });
    if (change) this.changes.push(change);
  }
  async guildsWithDigest(): Promise<GuildSettings[]> {
    return [...this.guilds.values()].filter((g) => g.digestChannelId !== undefined);
  }
  async settingsChanges(guildId: string, limit: number): Promise<SettingsChange[]> {
    return this.changes.filter((c) => c.guildId === guildId).reverse().slice(0, limit);
  }

  async recordVote(vote: FeedbackVote): Promise<void> {
    this.votes.set(`${vote.answerMessageId}/${vote.voterHash}`, vote);
  }
  async setVoteComment(answerMessageId: string, voterHash: UserHash, comment: string): Promise<void> {
    const vote = this.votes.get(`${answerMessageId}/${voterHash}`);
    if (vote) this.votes.set(`${answerMessageId}/${voterHash}`, { ...vote, comment });
  }
  async vote(answerMessageId: string, voterHash: UserHash): Promise<FeedbackVote | undefined> {
    return this.votes.get(`${answerMessageId}/${voterHash}`);
  }
  async voteTally(guildId: string, since: Millis): Promise<VoteTally> {
    const votes = [...this.votes.values()].filter((v) => v.guildId === guildId && v.at >= since);
    return { up: votes.filter((v) => v.vote === 'up').length, down: votes.filter((v) => v.vote === 'down').length };
  }
  async recordGap(gap: GapRecord): Promise<void> {
    this.gapList.push({ ...gap, id: this.gapList.length + 1 });
  }
  async gaps(guildId: string, since: Millis): Promise<StoredGap[]> {
    return (await this.allGaps(since)).filter((g) => g.guildId === guildId);
  }
  async allGaps(since: Millis): Promise<StoredGap[]> {
    return this.gapList.filter((g) => g.at >= since).reverse();
  }
  async markGapGroupCovered(group: CoveredGapGroup): Promise<void> {
    this.covered.push(group);
  }
  async coveredGapGroups(guildId: string): Promise<CoveredGapGroup[]> {
    return this.covered.filter((g) => g.guildId === guildId);
  }

  async createTag(tag: Tag): Promise<boolean> {
    const key = `${tag.guildId}/${tag.name}`;
    if (this.tags.has(key)) return false;
    this.tags.set(key, tag);
    return true;
  }
  async tag(guildId: string, name: string): Promise<Tag | undefined> {
    return this.tags.get(`${guildId}/${name}`);
  }
  async tagNames(guildId: string, prefix: string, limit: number): Promise<string[]> {
    return [...this.tags.values()].filter((t) => t.guildId === guildId && t.name.startsWith(prefix)).map((t) => t.name).sort().slice(0, limit);
  }
  async allTags(): Promise<Tag[]> {
    return [...this.tags.values()];
  }
  async deleteTag(guildId: string, name: string): Promise<boolean> {
    return this.tags.delete(`${guildId}/${name}`);
  }

  async recordPostedAnswer(answer: PostedAnswer): Promise<void> {
    this.posted.set(answer.messageId, answer);
  }
  async unmarkedPostedAnswers(since: Millis): Promise<PostedAnswer[]> {
    return [...this.posted.values()].filter((a) => a.postedAt >= since && a.driftMarkedAt === undefined);
  }
  async markDrifted(messageId: string, at: Millis): Promise<void> {
    const answer = this.posted.get(messageId);
    if (answer) this.posted.set(messageId, { ...answer, driftMarkedAt: at });
  }

  async deleteExpired(): Promise<DeletedCounts> {
    return { votes: 0, gaps: 0, postedAnswers: 0, settingsChanges: 0 };
  }
  async close(): Promise<void> {}
}
