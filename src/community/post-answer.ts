/**
 * The one place every community answer (mention or auto-answer) is posted through, so that
 * what is posted can be recorded in one spot (posted answers, gaps) and looks exactly like /ask.
 */
import type { BotContext } from '../discord/context.js';
import { passagesOfAnswer, recordGapIfAbstained, rememberPostedAnswer } from '../discord/feedback.js';
import { renderAnswer } from '../discord/render/answer.js';
import type { AnswerPage } from '../service/knowledge-service.js';
import type { Conversation, PostedMessage } from './conversation.js';
import type { Placement, Trigger } from './decide.js';
import type { Place } from './place.js';

/** Longest thread name Discord accepts. */
export const THREAD_NAME_MAX = 100;

/** An answer ready to be posted. */
export interface CommunityAnswer {
  /** What was searched (the question, with the thread's context for a short follow-up). */
  readonly question: string;
  readonly page: AnswerPage;
  readonly trigger: Trigger;
  readonly placement: Placement;
  readonly askerId: string;
  readonly place: Place;
}

/**
 * A thread name from a question: one line, at most {@link THREAD_NAME_MAX} characters.
 *
 * @example threadNameFor('What did Russia do?') // 'What did Russia do?'
 */
export function threadNameFor(question: string): string {
  const line = question.replace(/\s+/g, ' ').trim();
  return line.length <= THREAD_NAME_MAX ? line || 'Question' : `${line.slice(0, THREAD_NAME_MAX - 1).trimEnd()}…`;
}

/**
 * Posts an answer where it was asked (a reply, or a new thread), with the embeds, buttons and
 * limits of /ask, and remembers the question for the answer's buttons. Pings nobody but the
 * asker of a mention (through the reply). Like /ask, it records what moderators need: the cited
 * passages (for drift notes) and, when the sources do not answer, a gap. Resolves with the
 * posted message.
 *
 * @example await postAnswer(ctx, conversation, { question, page, trigger: 'mention', placement: 'reply', askerId, place });
 */
export async function postAnswer(ctx: BotContext, conversation: Conversation, answer: CommunityAnswer): Promise<PostedMessage> {
  const message = renderAnswer(answer.page, { askerId: answer.askerId, hidden: false });
  const posted =
    answer.placement === 'new-thread'
      ? await conversation.replyInNewThread(threadNameFor(answer.question), message)
      : await conversation.reply(message, { pingAsker: answer.trigger === 'mention' });
  const shown = passagesOfAnswer(ctx.service.index().knowledge, answer.page.answer);
  ctx.answers.remember(posted.id, answer.question, shown);
  const place = { guildId: answer.place.guildId, channelId: posted.channelId };
  await rememberPostedAnswer(ctx, place, posted.id, answer.page.answer.question, shown);
  await recordGapIfAbstained(ctx, place, answer.page.answer);
  return posted;
}
