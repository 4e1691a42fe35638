/**
 * The first schema: settings and their log, votes, gaps, covered gap groups, tags and posted
 * answers. Released: never edit it; add a new numbered migration instead.
 */
import type { Kysely } from 'kysely';
import { autoId, type DialectMigration } from './dialect.js';

/** Timestamps are milliseconds since epoch: they outgrow a 32-bit integer. */
const MILLIS = 'bigint';

export const initial: DialectMigration = {
  async up(db: Kysely<unknown>, dialect) {
    await db.schema
      .createTable('meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('channel_settings')
      .addColumn('guild_id', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('auto_answer', 'integer', (c) => c.notNull())
      .addColumn('reply_style', 'text', (c) => c.notNull())
      .addColumn('collections', 'text', (c) => c.notNull())
      .addColumn('updated_at', MILLIS, (c) => c.notNull())
      .addPrimaryKeyConstraint('channel_settings_pk', ['guild_id', 'channel_id'])
      .execute();

    await db.schema
      .createTable('forum_tag_collections')
      .addColumn('guild_id', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('tag_id', 'text', (c) => c.notNull())
      .addColumn('collections', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('forum_tag_collections_pk', ['guild_id', 'channel_id', 'tag_id'])
      .execute();

    await db.schema
      .createTable('guild_settings')
      .addColumn('guild_id', 'text', (c) => c.primaryKey())
      .addColumn('digest_channel_id', 'text')
      .addColumn('last_digest_at', MILLIS)
      .addColumn('content_intent_warned_at', MILLIS)
      .execute();

    await db.schema
      .createTable('settings_changes')
      .addColumn('id', 'integer', autoId(dialect))
      .addColumn('guild_id', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('actor_hash', 'text', (c) => c.notNull())
      .addColumn('change', 'text', (c) => c.notNull())
      .addColumn('at', MILLIS, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('settings_changes_guild_at').on('settings_changes').columns(['guild_id', 'at']).execute();

    await db.schema
      .createTable('feedback_votes')
      .addColumn('answer_message_id', 'text', (c) => c.notNull())
      .addColumn('voter_hash', 'text', (c) => c.notNull())
      .addColumn('guild_id', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('vote', 'text', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('cited', 'text', (c) => c.notNull())
      .addColumn('at', MILLIS, (c) => c.notNull())
      .addPrimaryKeyConstraint('feedback_votes_pk', ['answer_message_id', 'voter_hash'])
      .execute();
    await db.schema.createIndex('feedback_votes_guild_at').on('feedback_votes').columns(['guild_id', 'at']).execute();
    await db.schema.createIndex('feedback_votes_at').on('feedback_votes').column('at').execute();

    await db.schema
      .createTable('gaps')
      .addColumn('id', 'integer', autoId(dialect))
      .addColumn('guild_id', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('missing_terms', 'text', (c) => c.notNull())
      .addColumn('nearest_section', 'text')
      .addColumn('at', MILLIS, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('gaps_guild_at').on('gaps').columns(['guild_id', 'at']).execute();
    await db.schema.createIndex('gaps_at').on('gaps').column('at').execute();

    await db.schema
      .createTable('covered_gap_groups')
      .addColumn('guild_id', 'text', (c) => c.notNull())
      .addColumn('group_key', 'text', (c) => c.notNull())
      .addColumn('covered_at', MILLIS, (c) => c.notNull())
      .addPrimaryKeyConstraint('covered_gap_groups_pk', ['guild_id', 'group_key'])
      .execute();

    await db.schema
      .createTable('tags')
      .addColumn('guild_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('passage_id', 'text', (c) => c.notNull())
      .addColumn('document_path', 'text', (c) => c.notNull())
      .addColumn('section', 'text', (c) => c.notNull())
      .addColumn('paragraph', 'integer', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('created_by_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', MILLIS, (c) => c.notNull())
      .addPrimaryKeyConstraint('tags_pk', ['guild_id', 'name'])
      .execute();

    await db.schema
      .createTable('posted_answers')
      .addColumn('message_id', 'text', (c) => c.primaryKey())
      .addColumn('guild_id', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('cited', 'text', (c) => c.notNull())
      .addColumn('posted_at', MILLIS, (c) => c.notNull())
      .addColumn('drift_marked_at', MILLIS)
      .execute();
    await db.schema.createIndex('posted_answers_posted_at').on('posted_answers').column('posted_at').execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of ['posted_answers', 'tags', 'covered_gap_groups', 'gaps', 'feedback_votes', 'settings_changes', 'guild_settings', 'forum_tag_collections', 'channel_settings', 'meta']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
