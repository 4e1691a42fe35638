/**
 * Answering a question in Discord, shared by /ask and "Find sources": the question limit, deferral, the
 * answer, and remembering which question the message holds for its buttons.
 */
import type { BotContext, HandlerResult } from './context.js';
import { UserFacingError } from './errors.js';
import { ANSWER_PAGE_SIZE, renderAnswer } from './render/answer.js';
import type { Responder } from './respond.js';

/** Longest query option Discord will let people type (set on the slash command options). */
export const QUERY_OPTION_MAX = 300;
/** Longest text searched (a "Find sources" message can be much longer than a query option). */
const SEARCH_TEXT_MAX = 1000;

/**
 * Takes one question from the user's bucket (shared by /ask, /search, "Find sources" and any
 * answer given later), or throws a {@link UserFacingError} saying when the next question is
 * possible, as a Discord relative timestamp (shown as "in 8 seconds" in each reader's locale).
 *
 * @example takeQuestionToken(ctx, interaction.user.id); // throws once the user has asked too many in a row
 */
export function takeQuestionToken(ctx: BotContext, userId: string): void {
  const waitMs = ctx.questionLimiter.take(userId);
  if (waitMs > 0) {
    // Rounded up, so the moment shown is never before the question is possible.
    const at = Math.ceil((ctx.clock() + waitMs) / 1000);
    throw new UserFacingError(`You have asked a lot of questions in a row. You can ask again <t:${at}:R>.`);
  }
}

/** A question as searched: at most {@link SEARCH_TEXT_MAX} characters, or a user-facing error when blank. */
export function cleanQuery(text: string | null | undefined): string {
  const query = (text ?? '').trim().slice(0, SEARCH_TEXT_MAX);
  if (query === '') throw new UserFacingError('Please type a question (the `query` option).');
  return query;
}

/** Who asked and how the answer is shown. */
export interface AskRequest {
  readonly query: string;
  readonly askerId: string;
  readonly hidden: boolean;
  readonly targetId?: string;
  readonly intro?: string;
}

/**
 * Defers (searching may take a while on a large knowledge base), answers, and remembers the
 * question for the answer's buttons.
 */
export async function answerQuestionInDiscord(request: AskRequest, respond: Responder, ctx: BotContext): Promise<HandlerResult> {
  await respond.defer(request.hidden);
  const page = await ctx.service.ask(request.query, { limit: ANSWER_PAGE_SIZE });
  const view = {
    askerId: request.askerId,
    hidden: request.hidden,
    ...(request.targetId === undefined ? {} : { targetId: request.targetId }),
    ...(request.intro === undefined ? {} : { intro: request.intro }),
  };
  const messageId = await respond.send(renderAnswer(page, view));
  ctx.answers.remember(messageId, request.query);
  return { answered: page.answer.answered };
}
