/**
 * The moderator loop's side of answering: the 👍 / 👎 / Save as tag row under every answer, and
 * what an answer leaves in the store (the passages a public answer cited, a gap record when the
 * knowledge did not answer) and what a vote reads back from it (the passages the answer showed).
 * The store being down never stops an answer: these writes fail soft and are logged.
 */
import { ButtonStyle } from 'discord.js';
import type { Answer } from '../answer/answer.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { addressOf } from '../moderation/address.js';
import { analyseGap } from '../moderation/gap-analysis.js';
import type { GapKind, PassageAddress, Store } from '../store/store.js';
import { writeSoftly } from '../store/write-softly.js';
import type { BotContext } from './context.js';
import type { ButtonSpec } from './message.js';
import { feedbackId } from './moderation-ids.js';

/**
 * The feedback row of an answer: 👍, 👎, and (when it cites a passage) Save as tag, which only
 * moderators may use.
 *
 * @example feedbackButtons(true).map((b) => b.label) // ['👍', '👎', 'Save as tag']
 */
export function feedbackButtons(citesPassage: boolean): ButtonSpec[] {
  const buttons: ButtonSpec[] = [
    { customId: feedbackId('up'), label: '👍', style: ButtonStyle.Secondary },
    { customId: feedbackId('down'), label: '👎', style: ButtonStyle.Secondary },
  ];
  if (citesPassage) buttons.push({ customId: feedbackId('tag'), label: 'Save as tag', style: ButtonStyle.Secondary });
  return buttons;
}

/**
 * Runs a store write that must not stop anything: a failure is logged (`store-write-failed`,
 * with what was being done) and reported as false.
 */
export function softly(ctx: BotContext, what: string, write: (store: Store) => Promise<unknown>): Promise<boolean> {
  return writeSoftly(ctx.logger, what, () => write(ctx.store));
}

/**
 * The addresses of passages of the knowledge, in the order given (ids no longer in it are left out).
 *
 * @example addressesOf(knowledge, ['doc:ab12']).length // 1
 */
export function addressesOf(knowledge: KnowledgeBase, passageIds: readonly string[]): PassageAddress[] {
  const wanted = new Set(passageIds);
  const found = new Map(knowledge.passages.filter((p) => wanted.has(p.id)).map((p) => [p.id, addressOf(knowledge, p)]));
  return passageIds.flatMap((id) => {
    const address = found.get(id);
    return address === undefined ? [] : [address];
  });
}

/** Where an answer was posted. */
export interface AnswerPlace {
  readonly guildId: string;
  readonly channelId: string;
}

/**
 * The addresses of the passages an answer shows (its excerpts, or the closest passages of an
 * abstention), with the hashes of their text as the knowledge in use has it.
 *
 * @example passagesOfAnswer(ctx.service.index().knowledge, page.answer).length // 3
 */
export function passagesOfAnswer(knowledge: KnowledgeBase, answer: Answer): PassageAddress[] {
  return addressesOf(knowledge, answer.excerpts.map((e) => e.passageId));
}

/**
 * Remembers a public answer with the passages it shows (addresses and hashes of the text as
 * shown), so it can be marked when they change and a vote on it records them. Nothing is
 * recorded when no passage is known. Fails soft.
 */
export async function rememberPostedAnswer(ctx: BotContext, place: AnswerPlace, messageId: string | undefined, question: string, cited: readonly PassageAddress[]): Promise<void> {
  if (messageId === undefined || cited.length === 0) return;
  await softly(ctx, 'posted-answer', (store) => store.recordPostedAnswer({ ...place, messageId, question, cited, postedAt: ctx.clock() }));
}

/**
 * The passages an answer message showed, for a vote on it: what the voter saw, never what the
 * question finds today. In order:
 *
 * 1. the addresses recorded when the answer was posted (public answers, the page shown after
 *    paging, a hidden answer's public copy): exactly the passages cited, with the hash of their
 *    text as it was shown, even after a reload or a sync changed them;
 * 2. else the passages the answer memory kept when the message was shown (`remembered`: a hidden
 *    answer, while the bot has not restarted), with the same hashes as shown;
 * 3. else the passages the message's buttons name (`shownPassageIds`: More context's, the first
 *    excerpt) that the knowledge still has. A passage id hashes its text, so a passage found by it
 *    is the text shown; one edited or removed since cannot be rebuilt and is left out. A hidden
 *    answer after a restart, or an answer the store lost, is known only this far;
 * 4. else none.
 *
 * It does not search the question again: after a reload, a sync or a re-ranking change that gives
 * passages the member never saw, and moderators reviewing a 👎 would be sent to the wrong
 * paragraphs with hashes of text nobody was shown. A short or empty list is honest (what was shown
 * is not known further); a wrong one misleads.
 *
 * @example await passagesShown(store, knowledge, message.id, ctx.answers.shownBy(message.id), ['doc:ab12']) // the answer's cited addresses
 */
export async function passagesShown(
  store: Store,
  knowledge: KnowledgeBase,
  messageId: string,
  remembered: readonly PassageAddress[] | undefined,
  shownPassageIds: readonly string[],
): Promise<readonly PassageAddress[]> {
  const posted = await store.postedAnswer(messageId);
  if (posted !== undefined) return posted.cited;
  return remembered ?? addressesOf(knowledge, shownPassageIds);
}

/**
 * Records a gap (what the knowledge lacks for this question). Fails soft.
 */
export async function recordGap(ctx: BotContext, place: AnswerPlace, question: string, kind: GapKind): Promise<void> {
  const analysis = analyseGap(ctx.service.index(), question);
  await softly(ctx, 'gap', (store) => store.recordGap({ ...place, kind, question, ...analysis, at: ctx.clock() }));
}

/** Records a gap when the knowledge did not answer. Fails soft. */
export async function recordGapIfAbstained(ctx: BotContext, place: AnswerPlace, answer: Answer): Promise<void> {
  if (!answer.answered) await recordGap(ctx, place, answer.question, 'abstained');
}
