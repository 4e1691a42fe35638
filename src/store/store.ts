/**
 * The store: what Footnote remembers between restarts. One interface, two backends (SQLite by
 * default, PostgreSQL when several processes share one database), both behind the same calls.
 *
 * What is kept is what moderators need and no more: user ids never appear in the clear (callers
 * pass {@link UserHash}es made by {@link Store.hashUser} with the database's own random salt),
 * and rows older than the retention windows are deleted by {@link Store.deleteExpired}.
 *
 * This file is the contract that `src/community/`, the moderator loop and the bot's commands
 * code against. One implementation (`kysely-store.ts`) serves both backends (`sqlite.ts`,
 * `postgres.ts`), opened by `openStore` (`open-store.ts`) from `DATABASE_URL`.
 */

/** A salted hash of a Discord user id (hex). Never a raw id. */
export type UserHash = string;

/** Milliseconds since epoch. */
export type Millis = number;

/** Where a passage stands in the knowledge, so that a changed or vanished paragraph can be found again. */
export interface PassageAddress {
  /** The passage id at the time (it embeds a hash of the paragraph's text). */
  readonly passageId: string;
  /** The document's path inside the knowledge folder (`game-rules/faq.md`). */
  readonly documentPath: string;
  /** Heading path joined with ` › `. */
  readonly section: string;
  /** 1-based paragraph within the section. */
  readonly paragraph: number;
  /** sha256 (hex) of the passage text as it was cited. */
  readonly contentHash: string;
}

// ─── Settings ────────────────────────────────────────────────────────────────────────────────

/** How Footnote answers in a channel (a text channel, or a forum channel for its posts). */
export interface ChannelSettings {
  readonly guildId: string;
  readonly channelId: string;
  /** Answer every new question (every new forum post) on its own, only when confident. Default false. */
  readonly autoAnswer: boolean;
  /** Answer as a reply to the message, or in a thread started from it. Default 'reply'. */
  readonly replyStyle: 'reply' | 'thread';
  /** Collections searched from this channel; empty means every collection. */
  readonly collections: readonly string[];
  readonly updatedAt: Millis;
}

/** Collections searched for forum posts carrying a tag (forum channels only). */
export interface ForumTagCollections {
  readonly guildId: string;
  readonly channelId: string;
  readonly tagId: string;
  readonly collections: readonly string[];
}

/** Server-wide settings. */
export interface GuildSettings {
  readonly guildId: string;
  /** Channel for the weekly moderator digest; absent means no digest. */
  readonly digestChannelId?: string;
  /** When the last digest was posted. */
  readonly lastDigestAt?: Millis;
  /** When moderators were told that Discord sends empty message content (intent missing). */
  readonly contentIntentWarnedAt?: Millis;
}

/**
 * Fields of {@link GuildSettings} to change: absent keeps a field, `null` clears it (for
 * example `{ digestChannelId: null }` turns the digest off).
 */
export type GuildSettingsUpdate = { readonly [K in Exclude<keyof GuildSettings, 'guildId'>]?: GuildSettings[K] | null };

/** One line of the settings log: who changed what, when. */
export interface SettingsChange {
  readonly guildId: string;
  /** The moderator's display name at the time (for people), and the hash (to group by person). */
  readonly actorName: string;
  readonly actorHash: UserHash;
  /** What changed, in words: "#help: auto-answer on". */
  readonly change: string;
  readonly at: Millis;
}

// ─── Feedback and gaps ───────────────────────────────────────────────────────────────────────

/** A member's vote on one posted answer; one per member and answer, and it may change. */
export interface FeedbackVote {
  readonly guildId: string;
  readonly channelId: string;
  /** The answer message voted on. */
  readonly answerMessageId: string;
  readonly voterHash: UserHash;
  readonly vote: 'up' | 'down';
  /** What was missing or wrong (the 👎 modal; at most 300 characters), stored as plain text. */
  readonly comment?: string;
  readonly question: string;
  readonly cited: readonly PassageAddress[];
  readonly at: Millis;
}

/** Why a question became a gap record. */
export type GapKind = 'abstained' | 'downvoted';

/** A question the knowledge did not answer (an abstention) or answered badly (a 👎). */
export interface GapRecord {
  readonly guildId: string;
  readonly channelId: string;
  readonly kind: GapKind;
  readonly question: string;
  /** The question's informative index terms the knowledge lacks or has only weakly, most telling first. */
  readonly missingTerms: readonly string[];
  /** The nearest section ("Title › Section"), when one was found. */
  readonly nearestSection?: string;
  readonly at: Millis;
}

/** A stored gap record with its id. */
export interface StoredGap extends GapRecord {
  readonly id: number;
}

/** A group of gaps a moderator marked as covered: hidden until a newer gap joins it. */
export interface CoveredGapGroup {
  readonly guildId: string;
  /** The group's key, as computed by the gap report. */
  readonly groupKey: string;
  readonly coveredAt: Millis;
}

/** Up and down votes in a period. */
export interface VoteTally {
  readonly up: number;
  readonly down: number;
}

// ─── Tags and posted answers ─────────────────────────────────────────────────────────────────

/** A living tag: a name pointing at a passage's address, never a copy of its text. */
export interface Tag {
  readonly guildId: string;
  /** Lower-case, 1–32 characters. */
  readonly name: string;
  readonly address: PassageAddress;
  readonly createdByHash: UserHash;
  readonly createdAt: Millis;
}

/** An answer Footnote posted, with the passages it cited, so it can be marked when they drift. */
export interface PostedAnswer {
  readonly guildId: string;
  readonly channelId: string;
  readonly messageId: string;
  readonly question: string;
  readonly cited: readonly PassageAddress[];
  readonly postedAt: Millis;
  /** When the drift note was added (so it is added once). */
  readonly driftMarkedAt?: Millis;
}

/** How long rows are kept (days); see {@link Store.deleteExpired}. */
export interface Retention {
  /** Votes, comments and gap records. Default 90. */
  readonly feedbackDays: number;
  /** Posted answers remembered for drift notes. Default 30. */
  readonly postedAnswerDays: number;
}

/** What {@link Store.deleteExpired} removed. */
export interface DeletedCounts {
  readonly votes: number;
  readonly gaps: number;
  readonly postedAnswers: number;
  readonly settingsChanges: number;
}

/**
 * Everything Footnote persists. Every call is async and every write is committed before its
 * promise resolves (a `kill -9` right after loses nothing it acknowledged).
 *
 * Failures: opening a store that cannot be used throws a {@link StoreError} at start-up. After
 * that, a call rejects with the driver's error when the database is down, locked or full; the
 * store neither retries nor logs. Callers own that: a write that goes with an answer (a vote,
 * a gap record, a posted answer) must be caught and logged, and the answer still sent
 * (`writeSoftly(ctx.logger, 'vote', () => ctx.store.recordVote(vote))`).
 */
export interface Store {
  /** `sqlite` or `postgres`, for logs. */
  readonly kind: 'sqlite' | 'postgres';
  /**
   * The salted hash of a Discord user id. The salt is made at random when the database is
   * created and kept in it, so one person is one hash across restarts and shards.
   */
  hashUser(userId: string): UserHash;

  // Settings
  channelSettings(guildId: string, channelId: string): Promise<ChannelSettings | undefined>;
  listChannelSettings(guildId: string): Promise<ChannelSettings[]>;
  /** Creates or replaces a channel's settings and logs the change, in one transaction. */
  saveChannelSettings(settings: ChannelSettings, change: SettingsChange): Promise<void>;
  forumTagCollections(guildId: string, channelId: string): Promise<ForumTagCollections[]>;
  /** Sets (or with an empty list, removes) a forum tag's collections and logs the change. */
  saveForumTagCollections(mapping: ForumTagCollections, change: SettingsChange): Promise<void>;
  guildSettings(guildId: string): Promise<GuildSettings>;
  /** Merges the given fields into the guild's settings (`null` clears one); logs `change` when given. */
  updateGuildSettings(guildId: string, fields: GuildSettingsUpdate, change?: SettingsChange): Promise<void>;
  /** Guilds with a digest channel set. */
  guildsWithDigest(): Promise<GuildSettings[]>;
  settingsChanges(guildId: string, limit: number): Promise<SettingsChange[]>;

  // Feedback and gaps
  /** Records or changes a member's vote on an answer (unique per answer and voter). */
  recordVote(vote: FeedbackVote): Promise<void>;
  /** Adds the 👎 comment to an existing vote. */
  setVoteComment(answerMessageId: string, voterHash: UserHash, comment: string): Promise<void>;
  vote(answerMessageId: string, voterHash: UserHash): Promise<FeedbackVote | undefined>;
  voteTally(guildId: string, since: Millis): Promise<VoteTally>;
  recordGap(gap: GapRecord): Promise<void>;
  /** Gaps of a guild since a time, newest first. */
  gaps(guildId: string, since: Millis): Promise<StoredGap[]>;
  /** Every guild's gaps since a time (for the command-line export), newest first. */
  allGaps(since: Millis): Promise<StoredGap[]>;
  markGapGroupCovered(group: CoveredGapGroup): Promise<void>;
  coveredGapGroups(guildId: string): Promise<CoveredGapGroup[]>;

  // Tags
  /** Creates a tag; false when the guild already has one by that name. */
  createTag(tag: Tag): Promise<boolean>;
  tag(guildId: string, name: string): Promise<Tag | undefined>;
  /** Tag names of a guild starting with `prefix`, alphabetically, at most `limit`. */
  tagNames(guildId: string, prefix: string, limit: number): Promise<string[]>;
  /** Every tag of every guild (for drift checks after a reload and validate-knowledge). */
  allTags(): Promise<Tag[]>;
  deleteTag(guildId: string, name: string): Promise<boolean>;

  // Posted answers (drift notes, and what a vote was on)
  /** Records a posted answer, or replaces the record of a message edited in place (a new page). */
  recordPostedAnswer(answer: PostedAnswer): Promise<void>;
  /** The posted answer of a message, with the passages it cited as they were then; undefined when not remembered. */
  postedAnswer(messageId: string): Promise<PostedAnswer | undefined>;
  /** Posted answers not yet marked as drifted, posted since a time. */
  unmarkedPostedAnswers(since: Millis): Promise<PostedAnswer[]>;
  markDrifted(messageId: string, at: Millis): Promise<void>;

  // Housekeeping
  /** Deletes rows older than the retention windows, measured back from `now`. */
  deleteExpired(now: Millis, retention: Retention): Promise<DeletedCounts>;
  /** Closes connections; safe to call twice. */
  close(): Promise<void>;
}

/** A database that cannot be opened or migrated: the message names the problem, never a password. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}
