/**
 * Answering a question in Discord, shared by /ask and "Find sources": the question limit, deferral, the
 * answer, and remembering which question the message holds for its buttons.
 */
import type { BotContext, HandlerResult } from './context.js';
import { UserFacingError } from './errors.js';
import { type AnswerPlace, passagesOfAnswer, recordGapIfAbstained, rememberPostedAnswer } from './feedback.js';
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
  if (waitMs > 0) throw new UserFacingError(throttledMessage(ctx.clock(), waitMs));
}

/**
 * What a member who asked too many questions in a row is told: when the next one is possible,
 * as a Discord relative timestamp.
 *
 * @example throttledMessage(0, 4200) // 'You have asked a lot of questions in a row. You can ask again <t:5:R>.'
 */
export function throttledMessage(now: number, waitMs: number): string {
  // Rounded up, so the moment shown is never before the question is possible.
  const at = Math.ceil((now + waitMs) / 1000);
  return `You have asked a lot of questions in a row. You can ask again <t:${at}:R>.`;
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
  /** Search only these collections (the channel's mapping); absent or empty: everything. */
  readonly collections?: readonly string[];
  /** Where it is asked (for feedback, gap records and drift notes); absent outside a server. */
  readonly place?: AnswerPlace;
}

/**
 * Defers (searching may take a while on a large knowledge base), answers, and remembers the
 * question and the passages shown for the answer's buttons (a hidden answer's "Post publicly"
 * records them for its public copy).
 */
export async function answerQuestionInDiscord(request: AskRequest, respond: Responder, ctx: BotContext): Promise<HandlerResult> {
  await respond.defer(request.hidden);
  const page = await ctx.service.ask(request.query, { limit: ANSWER_PAGE_SIZE, ...(request.collections === undefined ? {} : { collections: request.collections }) });
  const view = {
    askerId: request.askerId,
    hidden: request.hidden,
    ...(request.targetId === undefined ? {} : { targetId: request.targetId }),
    ...(request.intro === undefined ? {} : { intro: request.intro }),
  };
  const messageId = await respond.send(renderAnswer(page, view));
  const shown = passagesOfAnswer(ctx.service.index().knowledge, page.answer);
  ctx.answers.remember(messageId, request.query, shown);
  if (request.place !== undefined) {
    // Hidden answers cannot be edited later, so only public ones are remembered for drift notes.
    if (!request.hidden) await rememberPostedAnswer(ctx, request.place, messageId, page.answer.question, shown);
    await recordGapIfAbstained(ctx, request.place, page.answer);
  }
  return { answered: page.answer.answered };
}

/**
 * Where an interaction happens, for the store; undefined outside a server.
 *
 * @example placeOf(interaction) // { guildId: '…', channelId: '…' }
 */
export function placeOf(interaction: { readonly guildId: string | null; readonly channelId: string | null }): AnswerPlace | undefined {
  return interaction.guildId === null || interaction.channelId === null ? undefined : { guildId: interaction.guildId, channelId: interaction.channelId };
}

/** `{ place }` for an {@link AskRequest} when the interaction is in a server, else nothing. */
export function withPlace(interaction: { readonly guildId: string | null; readonly channelId: string | null }): { place?: AnswerPlace } {
  const place = placeOf(interaction);
  return place === undefined ? {} : { place };
}
