/**
 * What "Post publicly" leaves behind: the public copy of a hidden answer is remembered as a posted
 * answer with the passages it shows, like an answer posted publicly in the first place, so a
 * reload that changes one of them marks it and a vote on it records them all.
 */
import type { BotContext } from './context.js';
import { addressesOf, type AnswerPlace, rememberPostedAnswer } from './feedback.js';

/** A hidden answer and its public copy. */
export interface PublicCopy {
  /** The hidden answer copied. */
  readonly hiddenId: string;
  /** The public message; undefined when sending it gave no id. */
  readonly copyId: string | undefined;
  readonly question: string;
  /** The passages the hidden answer's buttons name (see `passagesNamedByButtons`). */
  readonly namedPassageIds: readonly string[];
}

/**
 * Remembers a public copy: in the answer memory (for its buttons) and, in a server, in the store
 * as a posted answer with the passages the hidden answer shows (the copy shows the same text), for
 * drift notes and votes. Those passages are, in order:
 *
 * 1. the ones remembered when the hidden answer was shown: every passage, with the hash of its
 *    text as shown, even if a reload changed it since;
 * 2. else (after a restart) those its buttons name that the knowledge still has: only the first
 *    excerpt's (More context's), as the others are named nowhere on the message. A passage id
 *    hashes its text, so a passage found by it is the text shown. One edited or removed since
 *    cannot be rebuilt and is left out: a record of today's text would mark the copy for the wrong
 *    change and pin votes on words nobody was shown, and a wrong record is worse than none;
 * 3. else none, and nothing is stored: the copy is then known to votes, like a hidden answer, only
 *    by its More context button, and gets no drift note.
 *
 * The store write fails soft.
 *
 * @example await rememberPublicCopy(ctx, placeOf(interaction), { hiddenId, copyId, question, namedPassageIds });
 */
export async function rememberPublicCopy(ctx: BotContext, place: AnswerPlace | undefined, copy: PublicCopy): Promise<void> {
  const remembered = ctx.answers.shownBy(copy.hiddenId);
  // The memory keeps only passages known in full; a partial list from the buttons is for the store.
  ctx.answers.remember(copy.copyId, copy.question, remembered);
  if (place === undefined) return;
  const shown = remembered ?? addressesOf(ctx.service.index().knowledge, copy.namedPassageIds);
  await rememberPostedAnswer(ctx, place, copy.copyId, copy.question, shown);
}
