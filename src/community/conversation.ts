/**
 * Where a community answer is posted, as the flow sees it. `src/discord/` implements it over
 * discord.js (through the respond helper, so limits and allowed mentions are enforced there).
 */
import type { ReplyMessage } from '../discord/message.js';

/** The conversation a question was asked in. */
export interface Conversation {
  /**
   * Replies to the question's message where it was written (a channel, thread or forum post),
   * pinging its author only when `pingAsker`. Resolves with the posted message's id.
   */
  reply(message: ReplyMessage, options: { readonly pingAsker: boolean }): Promise<string>;
  /** Starts a thread from the question's message, named `name`, and posts there. Resolves with the posted message's id. */
  replyInNewThread(name: string, message: ReplyMessage): Promise<string>;
}
