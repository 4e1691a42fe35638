/**
 * After a reload: marks every remembered public answer whose cited paragraph changed or vanished,
 * by editing it in place (a note with a link to the current text, or "removed from the sources"),
 * one edit at a time with a pause between edits, at most {@link DRIFT_EDITS_PER_RUN} per reload.
 * Also lists the server's tags whose paragraph this reload changed or removed.
 */
import type { Client } from 'discord.js';
import { wholePassageExcerpt } from '../answer/passage-view.js';
import { citationFor } from '../answer/citation.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { addressBook, addressOf } from '../moderation/address.js';
import { type CitationDrift, driftedAnswers, type TagDrift, tagDrift } from '../moderation/drift.js';
import { driftNote, withNote } from '../moderation/drift-note.js';
import type { Store } from '../store/store.js';
import type { BotContext } from './context.js';
import { maskedLink } from './escape.js';
import { CONTENT_MAX } from './limits.js';
import { citationLabel } from './render/style.js';

/** Edits made per reload at most; the rest are marked on the next one. */
export const DRIFT_EDITS_PER_RUN = 50;
/** Pause between two edits (Discord allows about 5 edits per 5 s per channel). */
export const DRIFT_EDIT_INTERVAL_MS = 1100;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What a drift check after a reload found and did. */
export interface DriftReport {
  /** Answers edited with a drift note. */
  readonly marked: number;
  /** Drifted answers left for the next reload (over the per-run limit, or an edit failed). */
  readonly pending: number;
  /** The server's tags this reload changed or removed. */
  readonly tags: readonly TagDrift[];
}

/** Options of {@link checkDrift}. */
export interface DriftOptions {
  readonly intervalMs?: number;
  readonly maxEdits?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The note for one answer, with links to the current text (the same links answers use). */
function noteFor(knowledge: KnowledgeBase, citations: readonly CitationDrift[]): string {
  return driftNote(
    citations,
    (drift) => {
      const document = knowledge.documents[drift.passage.documentIndex];
      if (document === undefined) return { label: drift.passage.section };
      const citation = citationFor(knowledge.root, document, drift.passage, wholePassageExcerpt(drift.passage));
      return { label: citationLabel(citation), ...(citation.url === undefined ? {} : { url: citation.url }) };
    },
    maskedLink,
  );
}

/** Edits one message; false when it could not be (it is then retried on the next reload). */
async function editAnswer(client: Client, channelId: string, messageId: string, note: string): Promise<'edited' | 'gone'> {
  try {
    const channel = await client.channels.fetch(channelId);
    if (channel === null || !channel.isTextBased()) return 'gone';
    const message = await channel.messages.fetch(messageId);
    await message.edit({ content: withNote(message.content, note, CONTENT_MAX), allowedMentions: { parse: [] } });
    return 'edited';
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // Unknown Message / Unknown Channel: deleted since; nothing left to mark.
    if (code === 10008 || code === 10003) return 'gone';
    throw error;
  }
}

/**
 * Checks tags and posted answers against the knowledge now in use (`before`: the one replaced).
 * Never throws for a store or Discord failure: those are logged and the answers stay pending.
 */
export async function checkDrift(client: Client, ctx: BotContext, store: Store, guildId: string | null, before: KnowledgeBase, options: DriftOptions = {}): Promise<DriftReport> {
  const after = ctx.service.index().knowledge;
  const intervalMs = options.intervalMs ?? DRIFT_EDIT_INTERVAL_MS;
  const maxEdits = options.maxEdits ?? DRIFT_EDITS_PER_RUN;
  let tags: TagDrift[] = [];
  try {
    const all = await store.allTags();
    // Every server's tags follow an edit (the knowledge is shared); this server's are listed.
    const drifts = tagDrift(all, after, before);
    for (const drift of drifts) {
      if (drift.kind !== 'changed') continue;
      // Re-saved on the edited paragraph, and listed with its old and new text: never silently.
      const { tag } = drift;
      await store.deleteTag(tag.guildId, tag.name);
      await store.createTag({ ...tag, address: addressOf(after, drift.passage) });
    }
    tags = drifts.filter((d) => guildId === null || d.tag.guildId === guildId);
  } catch (error) {
    ctx.logger.warn('tag-drift-failed', { error });
  }
  let marked = 0;
  let pending = 0;
  try {
    const remembered = await store.unmarkedPostedAnswers(ctx.clock() - ctx.config.retention.postedAnswerDays * DAY_MS);
    const drifted = driftedAnswers(remembered, addressBook(after, before));
    for (const [i, drift] of drifted.entries()) {
      if (i >= maxEdits) {
        pending += drifted.length - i;
        break;
      }
      if (i > 0) await sleep(intervalMs);
      const { channelId, messageId } = drift.answer;
      try {
        const result = await editAnswer(client, channelId, messageId, noteFor(after, drift.citations));
        await store.markDrifted(messageId, ctx.clock());
        if (result === 'edited') marked += 1;
      } catch (error) {
        pending += 1;
        ctx.logger.warn('drift-edit-failed', { channelId, messageId, error });
      }
    }
  } catch (error) {
    ctx.logger.warn('answer-drift-failed', { error });
  }
  ctx.logger.info('drift', { marked, pending, tags: tags.length });
  return { marked, pending, tags };
}
