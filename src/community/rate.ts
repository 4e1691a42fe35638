/**
 * The per-user question budget, shared by every way of asking (slash commands, mentions,
 * auto-answers): one function, so switching the limiter is a one-line change.
 */
import type { BotContext } from '../discord/context.js';

/**
 * Takes a question token for `userId`: 0 when the question may be answered now, else the
 * milliseconds until the user may ask again (nothing is taken then).
 *
 * @example mayAsk(ctx, userId) // 0 for the first questions in a row, then the wait for the next token
 */
export function mayAsk(ctx: Pick<BotContext, 'questionLimiter'>, userId: string): number {
  return ctx.questionLimiter.take(userId);
}
