/**
 * The one implementation of {@link Store}, over a `Kysely<Database>`: SQLite and PostgreSQL
 * differ only in how the connection is opened (`sqlite.ts`, `postgres.ts`), never in queries.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Selectable, Transaction } from 'kysely';
import { type Kysely, Migrator, sql } from './kysely-runtime.js';
import { migrationProvider, type DialectName } from './migrations/index.js';
import { DAY_MS } from './retention.js';
import type { Database } from './schema.js';
import type {
  ChannelSettings,
  CoveredGapGroup,
  DeletedCounts,
  FeedbackVote,
  ForumTagCollections,
  GapRecord,
  GuildSettings,
  GuildSettingsUpdate,
  Millis,
  PassageAddress,
  PostedAnswer,
  Retention,
  SettingsChange,
  Store,
  StoredGap,
  Tag,
  UserHash,
  VoteTally,
} from './store.js';

/** The longest 👎 comment kept (the modal allows this many characters). */
export const VOTE_COMMENT_MAX = 300;
/** Tag names: 1–32 characters, like Discord's option values people type. */
export const TAG_NAME_MAX = 32;
/** The meta row holding the user-hash salt. */
const SALT_KEY = 'user_hash_salt';
/** Bytes of randomness in the salt. */
const SALT_BYTES = 32;

/**
 * Brings the database's schema up to date with the migrations in `migrations/`.
 * Throws the first failing migration's error.
 *
 * @example await migrateToLatest(db, 'sqlite');
 */
export async function migrateToLatest(db: Kysely<Database>, dialect: DialectName): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(failed === undefined ? `migration failed: ${message}` : `migration ${failed} failed: ${message}`, { cause: error });
  }
}

/** The database's salt for user hashes, made at random by the first process that asks. */
async function userHashSalt(db: Kysely<Database>): Promise<string> {
  // Several shards may start at once on a new database: the first insert wins, all read it back.
  await db
    .insertInto('meta')
    .values({ key: SALT_KEY, value: randomBytes(SALT_BYTES).toString('hex') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('meta').select('value').where('key', '=', SALT_KEY).executeTakeFirstOrThrow();
  return row.value;
}

/**
 * A {@link Store} over an open, migrated database. `close` is what releases the connection
 * (kysely's `destroy` closes the SQLite handle or ends the PostgreSQL pool).
 *
 * @example const store = await createKyselyStore(db, 'sqlite');
 */
export async function createKyselyStore(db: Kysely<Database>, kind: DialectName): Promise<Store> {
  const salt = await userHashSalt(db);
  return new KyselyStore(db, kind, salt);
}

const json = (value: unknown): string => JSON.stringify(value);
const parseList = <T>(text: string): T[] => JSON.parse(text) as T[];
const flag = (value: boolean): number => (value ? 1 : 0);
/** Counts come back as bigint (kysely's result) or, from PostgreSQL, as text. */
const count = (value: bigint | number | string | undefined): number => Number(value ?? 0);

function normaliseTagName(name: string): string {
  const lower = name.trim().toLowerCase();
  if (lower.length === 0 || [...lower].length > TAG_NAME_MAX) throw new RangeError(`a tag name has 1–${TAG_NAME_MAX} characters`);
  return lower;
}

function clampComment(comment: string): string {
  const characters = [...comment];
  return characters.length > VOTE_COMMENT_MAX ? characters.slice(0, VOTE_COMMENT_MAX).join('') : comment;
}

class KyselyStore implements Store {
  private closed = false;

  constructor(
    private readonly db: Kysely<Database>,
    readonly kind: DialectName,
    private readonly salt: string,
  ) {}

  hashUser(userId: string): UserHash {
    return createHmac('sha256', this.salt).update(userId).digest('hex');
  }

  // ─── Settings ──────────────────────────────────────────────────────────────────────────────

  async channelSettings(guildId: string, channelId: string): Promise<ChannelSettings | undefined> {
    const row = await this.db.selectFrom('channel_settings').selectAll().where('guild_id', '=', guildId).where('channel_id', '=', channelId).executeTakeFirst();
    return row === undefined ? undefined : toChannelSettings(row);
  }

  async listChannelSettings(guildId: string): Promise<ChannelSettings[]> {
    const rows = await this.db.selectFrom('channel_settings').selectAll().where('guild_id', '=', guildId).orderBy('channel_id').execute();
    return rows.map(toChannelSettings);
  }

  async saveChannelSettings(settings: ChannelSettings, change: SettingsChange): Promise<void> {
    const values = {
      guild_id: settings.guildId,
      channel_id: settings.channelId,
      auto_answer: flag(settings.autoAnswer),
      reply_style: settings.replyStyle,
      collections: json(settings.collections),
      updated_at: settings.updatedAt,
    };
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('channel_settings')
        .values(values)
        .onConflict((oc) =>
          oc.columns(['guild_id', 'channel_id']).doUpdateSet({
            auto_answer: values.auto_answer,
            reply_style: values.reply_style,
            collections: values.collections,
            updated_at: values.updated_at,
          }),
        )
        .execute();
      await logChange(tx, change);
    });
  }

  async forumTagCollections(guildId: string, channelId: string): Promise<ForumTagCollections[]> {
    const rows = await this.db.selectFrom('forum_tag_collections').selectAll().where('guild_id', '=', guildId).where('channel_id', '=', channelId).orderBy('tag_id').execute();
    return rows.map((r) => ({ guildId: r.guild_id, channelId: r.channel_id, tagId: r.tag_id, collections: parseList<string>(r.collections) }));
  }

  async saveForumTagCollections(mapping: ForumTagCollections, change: SettingsChange): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      if (mapping.collections.length === 0) {
        await tx
          .deleteFrom('forum_tag_collections')
          .where('guild_id', '=', mapping.guildId)
          .where('channel_id', '=', mapping.channelId)
          .where('tag_id', '=', mapping.tagId)
          .execute();
      } else {
        const collections = json(mapping.collections);
        await tx
          .insertInto('forum_tag_collections')
          .values({ guild_id: mapping.guildId, channel_id: mapping.channelId, tag_id: mapping.tagId, collections })
          .onConflict((oc) => oc.columns(['guild_id', 'channel_id', 'tag_id']).doUpdateSet({ collections }))
          .execute();
      }
      await logChange(tx, change);
    });
  }

  async guildSettings(guildId: string): Promise<GuildSettings> {
    const row = await this.db.selectFrom('guild_settings').selectAll().where('guild_id', '=', guildId).executeTakeFirst();
    return row === undefined ? { guildId } : toGuildSettings(row);
  }

  async updateGuildSettings(guildId: string, fields: GuildSettingsUpdate, change?: SettingsChange): Promise<void> {
    // `in`, not `!== undefined`: a key given as null clears the column.
    const set: { digest_channel_id?: string | null; last_digest_at?: number | null; content_intent_warned_at?: number | null } = {};
    if ('digestChannelId' in fields) set.digest_channel_id = fields.digestChannelId ?? null;
    if ('lastDigestAt' in fields) set.last_digest_at = fields.lastDigestAt ?? null;
    if ('contentIntentWarnedAt' in fields) set.content_intent_warned_at = fields.contentIntentWarnedAt ?? null;
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('guild_settings')
        .values({ guild_id: guildId, digest_channel_id: null, last_digest_at: null, content_intent_warned_at: null })
        .onConflict((oc) => oc.column('guild_id').doNothing())
        .execute();
      if (Object.keys(set).length > 0) await tx.updateTable('guild_settings').set(set).where('guild_id', '=', guildId).execute();
      if (change !== undefined) await logChange(tx, change);
    });
  }

  async guildsWithDigest(): Promise<GuildSettings[]> {
    const rows = await this.db.selectFrom('guild_settings').selectAll().where('digest_channel_id', 'is not', null).orderBy('guild_id').execute();
    return rows.map(toGuildSettings);
  }

  async settingsChanges(guildId: string, limit: number): Promise<SettingsChange[]> {
    const rows = await this.db
      .selectFrom('settings_changes')
      .selectAll()
      .where('guild_id', '=', guildId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ guildId: r.guild_id, actorName: r.actor_name, actorHash: r.actor_hash, change: r.change, at: Number(r.at) }));
  }

  // ─── Feedback and gaps ─────────────────────────────────────────────────────────────────────

  async recordVote(vote: FeedbackVote): Promise<void> {
    const values = {
      answer_message_id: vote.answerMessageId,
      voter_hash: vote.voterHash,
      guild_id: vote.guildId,
      channel_id: vote.channelId,
      vote: vote.vote,
      comment: vote.comment === undefined ? null : clampComment(vote.comment),
      question: vote.question,
      cited: json(vote.cited),
      at: vote.at,
    };
    await this.db
      .insertInto('feedback_votes')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['answer_message_id', 'voter_hash']).doUpdateSet({
          vote: values.vote,
          question: values.question,
          cited: values.cited,
          channel_id: values.channel_id,
          at: values.at,
          // A new comment replaces the old; the same vote again keeps its comment; a changed vote
          // drops it (a 👎 comment says nothing about a 👍).
          comment: sql<string | null>`case when excluded.comment is not null then excluded.comment when feedback_votes.vote = excluded.vote then feedback_votes.comment else null end`,
        }),
      )
      .execute();
  }

  async setVoteComment(answerMessageId: string, voterHash: UserHash, comment: string): Promise<void> {
    await this.db
      .updateTable('feedback_votes')
      .set({ comment: clampComment(comment) })
      .where('answer_message_id', '=', answerMessageId)
      .where('voter_hash', '=', voterHash)
      .execute();
  }

  async vote(answerMessageId: string, voterHash: UserHash): Promise<FeedbackVote | undefined> {
    const r = await this.db.selectFrom('feedback_votes').selectAll().where('answer_message_id', '=', answerMessageId).where('voter_hash', '=', voterHash).executeTakeFirst();
    if (r === undefined) return undefined;
    return {
      guildId: r.guild_id,
      channelId: r.channel_id,
      answerMessageId: r.answer_message_id,
      voterHash: r.voter_hash,
      vote: r.vote,
      ...(r.comment === null ? {} : { comment: r.comment }),
      question: r.question,
      cited: parseList<PassageAddress>(r.cited),
      at: Number(r.at),
    };
  }

  async voteTally(guildId: string, since: Millis): Promise<VoteTally> {
    const rows = await this.db
      .selectFrom('feedback_votes')
      .select(['vote', (eb) => eb.fn.countAll<string | number | bigint>().as('n')])
      .where('guild_id', '=', guildId)
      .where('at', '>=', since)
      .groupBy('vote')
      .execute();
    const of = (vote: 'up' | 'down'): number => count(rows.find((r) => r.vote === vote)?.n);
    return { up: of('up'), down: of('down') };
  }

  async recordGap(gap: GapRecord): Promise<void> {
    await this.db
      .insertInto('gaps')
      .values({
        guild_id: gap.guildId,
        channel_id: gap.channelId,
        kind: gap.kind,
        question: gap.question,
        missing_terms: json(gap.missingTerms),
        nearest_section: gap.nearestSection ?? null,
        at: gap.at,
      })
      .execute();
  }

  async gaps(guildId: string, since: Millis): Promise<StoredGap[]> {
    const rows = await this.db.selectFrom('gaps').selectAll().where('guild_id', '=', guildId).where('at', '>=', since).orderBy('at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(toStoredGap);
  }

  async allGaps(since: Millis): Promise<StoredGap[]> {
    const rows = await this.db.selectFrom('gaps').selectAll().where('at', '>=', since).orderBy('at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(toStoredGap);
  }

  async markGapGroupCovered(group: CoveredGapGroup): Promise<void> {
    await this.db
      .insertInto('covered_gap_groups')
      .values({ guild_id: group.guildId, group_key: group.groupKey, covered_at: group.coveredAt })
      .onConflict((oc) => oc.columns(['guild_id', 'group_key']).doUpdateSet({ covered_at: group.coveredAt }))
      .execute();
  }

  async coveredGapGroups(guildId: string): Promise<CoveredGapGroup[]> {
    const rows = await this.db.selectFrom('covered_gap_groups').selectAll().where('guild_id', '=', guildId).orderBy('group_key').execute();
    return rows.map((r) => ({ guildId: r.guild_id, groupKey: r.group_key, coveredAt: Number(r.covered_at) }));
  }

  // ─── Tags ──────────────────────────────────────────────────────────────────────────────────

  async createTag(tag: Tag): Promise<boolean> {
    const result = await this.db
      .insertInto('tags')
      .values({
        guild_id: tag.guildId,
        name: normaliseTagName(tag.name),
        passage_id: tag.address.passageId,
        document_path: tag.address.documentPath,
        section: tag.address.section,
        paragraph: tag.address.paragraph,
        content_hash: tag.address.contentHash,
        created_by_hash: tag.createdByHash,
        created_at: tag.createdAt,
      })
      .onConflict((oc) => oc.columns(['guild_id', 'name']).doNothing())
      .executeTakeFirst();
    return count(result.numInsertedOrUpdatedRows) > 0;
  }

  async tag(guildId: string, name: string): Promise<Tag | undefined> {
    const row = await this.db.selectFrom('tags').selectAll().where('guild_id', '=', guildId).where('name', '=', name.trim().toLowerCase()).executeTakeFirst();
    return row === undefined ? undefined : toTag(row);
  }

  async tagNames(guildId: string, prefix: string, limit: number): Promise<string[]> {
    const lower = prefix.trim().toLowerCase();
    // substr, not LIKE: a prefix with % or _ must match literally, in both dialects.
    const rows = await this.db
      .selectFrom('tags')
      .select('name')
      .where('guild_id', '=', guildId)
      .where(sql<boolean>`substr(name, 1, length(cast(${lower} as text))) = ${lower}`)
      .orderBy('name')
      .limit(limit)
      .execute();
    return rows.map((r) => r.name);
  }

  async allTags(): Promise<Tag[]> {
    const rows = await this.db.selectFrom('tags').selectAll().orderBy('guild_id').orderBy('name').execute();
    return rows.map(toTag);
  }

  async deleteTag(guildId: string, name: string): Promise<boolean> {
    const result = await this.db.deleteFrom('tags').where('guild_id', '=', guildId).where('name', '=', name.trim().toLowerCase()).executeTakeFirst();
    return count(result.numDeletedRows) > 0;
  }

  // ─── Posted answers ────────────────────────────────────────────────────────────────────────

  async recordPostedAnswer(answer: PostedAnswer): Promise<void> {
    const values = {
      message_id: answer.messageId,
      guild_id: answer.guildId,
      channel_id: answer.channelId,
      question: answer.question,
      cited: json(answer.cited),
      posted_at: answer.postedAt,
      drift_marked_at: answer.driftMarkedAt ?? null,
    };
    // An answer edited in place (a new page, a retry) is recorded again under the same message.
    await this.db
      .insertInto('posted_answers')
      .values(values)
      .onConflict((oc) => oc.column('message_id').doUpdateSet({ question: values.question, cited: values.cited, posted_at: values.posted_at, drift_marked_at: values.drift_marked_at }))
      .execute();
  }

  async postedAnswer(messageId: string): Promise<PostedAnswer | undefined> {
    // message_id is the table's primary key: no index to add.
    const row = await this.db.selectFrom('posted_answers').selectAll().where('message_id', '=', messageId).executeTakeFirst();
    return row === undefined ? undefined : toPostedAnswer(row);
  }

  async unmarkedPostedAnswers(since: Millis): Promise<PostedAnswer[]> {
    const rows = await this.db.selectFrom('posted_answers').selectAll().where('drift_marked_at', 'is', null).where('posted_at', '>=', since).orderBy('posted_at').execute();
    return rows.map(toPostedAnswer);
  }

  async markDrifted(messageId: string, at: Millis): Promise<void> {
    await this.db.updateTable('posted_answers').set({ drift_marked_at: at }).where('message_id', '=', messageId).execute();
  }

  // ─── Housekeeping ──────────────────────────────────────────────────────────────────────────

  async deleteExpired(now: Millis, retention: Retention): Promise<DeletedCounts> {
    const feedbackCutoff = now - retention.feedbackDays * DAY_MS;
    const answerCutoff = now - retention.postedAnswerDays * DAY_MS;
    return this.db.transaction().execute(async (tx) => {
      const votes = await tx.deleteFrom('feedback_votes').where('at', '<', feedbackCutoff).executeTakeFirst();
      const gaps = await tx.deleteFrom('gaps').where('at', '<', feedbackCutoff).executeTakeFirst();
      // The settings log names moderators (by display name and hash): it is kept as long as feedback.
      const settingsChanges = await tx.deleteFrom('settings_changes').where('at', '<', feedbackCutoff).executeTakeFirst();
      const postedAnswers = await tx.deleteFrom('posted_answers').where('posted_at', '<', answerCutoff).executeTakeFirst();
      return {
        votes: count(votes.numDeletedRows),
        gaps: count(gaps.numDeletedRows),
        postedAnswers: count(postedAnswers.numDeletedRows),
        settingsChanges: count(settingsChanges.numDeletedRows),
      };
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.db.destroy();
  }
}

async function logChange(tx: Transaction<Database>, change: SettingsChange): Promise<void> {
  await tx
    .insertInto('settings_changes')
    .values({ guild_id: change.guildId, actor_name: change.actorName, actor_hash: change.actorHash, change: change.change, at: change.at })
    .execute();
}

type Row<T extends keyof Database> = Selectable<Database[T]>;

function toChannelSettings(r: Row<'channel_settings'>): ChannelSettings {
  return {
    guildId: r.guild_id,
    channelId: r.channel_id,
    autoAnswer: Number(r.auto_answer) === 1,
    replyStyle: r.reply_style,
    collections: parseList<string>(r.collections),
    updatedAt: Number(r.updated_at),
  };
}

function toGuildSettings(r: Row<'guild_settings'>): GuildSettings {
  return {
    guildId: r.guild_id,
    ...(r.digest_channel_id === null ? {} : { digestChannelId: r.digest_channel_id }),
    ...(r.last_digest_at === null ? {} : { lastDigestAt: Number(r.last_digest_at) }),
    ...(r.content_intent_warned_at === null ? {} : { contentIntentWarnedAt: Number(r.content_intent_warned_at) }),
  };
}

function toStoredGap(r: Row<'gaps'>): StoredGap {
  return {
    id: Number(r.id),
    guildId: r.guild_id,
    channelId: r.channel_id,
    kind: r.kind,
    question: r.question,
    missingTerms: parseList<string>(r.missing_terms),
    ...(r.nearest_section === null ? {} : { nearestSection: r.nearest_section }),
    at: Number(r.at),
  };
}

function toPostedAnswer(r: Row<'posted_answers'>): PostedAnswer {
  return {
    guildId: r.guild_id,
    channelId: r.channel_id,
    messageId: r.message_id,
    question: r.question,
    cited: parseList<PassageAddress>(r.cited),
    postedAt: Number(r.posted_at),
    ...(r.drift_marked_at === null ? {} : { driftMarkedAt: Number(r.drift_marked_at) }),
  };
}

function toTag(r: Row<'tags'>): Tag {
  return {
    guildId: r.guild_id,
    name: r.name,
    address: { passageId: r.passage_id, documentPath: r.document_path, section: r.section, paragraph: Number(r.paragraph), contentHash: r.content_hash },
    createdByHash: r.created_by_hash,
    createdAt: Number(r.created_at),
  };
}
