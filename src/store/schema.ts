/**
 * The database's tables as kysely sees them. One schema for SQLite and PostgreSQL: booleans
 * are integers (0/1) and lists are JSON text, so both dialects store the same values and the
 * store's code never branches on the dialect. Timestamps are milliseconds since epoch
 * (`bigint` in PostgreSQL, read back as numbers; see `postgres.ts`).
 *
 * Migrations (`migrations/`) create these tables; this file must follow them, never lead.
 */
import type { Generated } from 'kysely';

/** Key–value facts about the database itself (the user-hash salt). */
export interface MetaTable {
  key: string;
  value: string;
}

export interface ChannelSettingsTable {
  guild_id: string;
  channel_id: string;
  /** 0 or 1. */
  auto_answer: number;
  reply_style: 'reply' | 'thread';
  /** JSON array of collection names. */
  collections: string;
  updated_at: number;
}

export interface ForumTagCollectionsTable {
  guild_id: string;
  channel_id: string;
  tag_id: string;
  /** JSON array of collection names. */
  collections: string;
}

export interface GuildSettingsTable {
  guild_id: string;
  digest_channel_id: string | null;
  last_digest_at: number | null;
  content_intent_warned_at: number | null;
}

export interface SettingsChangesTable {
  id: Generated<number>;
  guild_id: string;
  actor_name: string;
  actor_hash: string;
  change: string;
  at: number;
}

export interface FeedbackVotesTable {
  answer_message_id: string;
  voter_hash: string;
  guild_id: string;
  channel_id: string;
  vote: 'up' | 'down';
  comment: string | null;
  question: string;
  /** JSON array of PassageAddress. */
  cited: string;
  at: number;
}

export interface GapsTable {
  id: Generated<number>;
  guild_id: string;
  channel_id: string;
  kind: 'abstained' | 'downvoted';
  question: string;
  /** JSON array of terms. */
  missing_terms: string;
  nearest_section: string | null;
  at: number;
}

export interface CoveredGapGroupsTable {
  guild_id: string;
  group_key: string;
  covered_at: number;
}

export interface TagsTable {
  guild_id: string;
  name: string;
  passage_id: string;
  document_path: string;
  section: string;
  paragraph: number;
  content_hash: string;
  created_by_hash: string;
  created_at: number;
}

export interface PostedAnswersTable {
  message_id: string;
  guild_id: string;
  channel_id: string;
  question: string;
  /** JSON array of PassageAddress. */
  cited: string;
  posted_at: number;
  drift_marked_at: number | null;
}

/** Every table, by name. */
export interface Database {
  meta: MetaTable;
  channel_settings: ChannelSettingsTable;
  forum_tag_collections: ForumTagCollectionsTable;
  guild_settings: GuildSettingsTable;
  settings_changes: SettingsChangesTable;
  feedback_votes: FeedbackVotesTable;
  gaps: GapsTable;
  covered_gap_groups: CoveredGapGroupsTable;
  tags: TagsTable;
  posted_answers: PostedAnswersTable;
}
