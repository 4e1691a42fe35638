/**
 * Answering a question in the conversation it was asked in: the question budget, the place's
 * collections, the answer, the confidence rule for auto-answers, and posting.
 */
import type { BotContext } from '../discord/context.js';
import { throttledMessage } from '../discord/ask-flow.js';
import { ANSWER_PAGE_SIZE } from '../discord/render/answer.js';
import { collectionsOrEverything } from './collections.js';
import type { Conversation } from './conversation.js';
import type { Placement, Trigger } from './decide.js';
import type { Place } from './place.js';
import { postAnswer } from './post-answer.js';
import { mayAsk } from './rate.js';

/** A question to answer in a conversation. */
export interface ConversationQuestion {
  /** What to search (already with the thread's context, for a short follow-up). */
  readonly question: string;
  readonly trigger: Trigger;
  readonly placement: Placement;
  readonly askerId: string;
  readonly place: Place;
}

/** What happened: posted, or why nothing was posted. */
export type ConversationOutcome =
  | { readonly kind: 'posted'; readonly messageId: string; readonly answered: boolean }
  /** An auto-answer below high confidence: nothing is posted. */
  | { readonly kind: 'unsure' }
  /** The asker's question budget is spent (a mention gets a short note, an auto-answer nothing). */
  | { readonly kind: 'throttled'; readonly waitMs: number };

/**
 * Answers a question where it was asked. Auto-answers are posted only when the answer's
 * confidence is high (never an abstention, never a guess); a mention always gets an answer,
 * an abstention included, since someone asked for it.
 *
 * @example await answerInConversation(ctx, { question: 'Who interfered?', trigger: 'mention', placement: 'reply', askerId, place }, conversation)
 */
export async function answerInConversation(ctx: BotContext, request: ConversationQuestion, conversation: Conversation): Promise<ConversationOutcome> {
  const waitMs = mayAsk(ctx, request.askerId);
  if (waitMs > 0) {
    if (request.trigger === 'mention') {
      const content = throttledMessage(ctx.clock(), waitMs);
      await conversation.reply({ content }, { pingAsker: false });
    }
    return { kind: 'throttled', waitMs };
  }
  const collections = await collectionsOrEverything(ctx.store, request.place, (error) => ctx.logger.error('store-read-failed', { what: 'channel collections', error }));
  const page = await ctx.service.ask(request.question, { limit: ANSWER_PAGE_SIZE, collections });
  if (request.trigger === 'auto' && page.answer.confidence !== 'high') return { kind: 'unsure' };
  const posted = await postAnswer(ctx, conversation, { ...request, page });
  return { kind: 'posted', messageId: posted.id, answered: page.answer.answered };
}
