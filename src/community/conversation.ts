/**
 * Where a community answer is posted, as the flow sees it. `src/discord/` implements it over
 * discord.js (through the respond helper, so limits and allowed mentions are enforced there).
 */
import type { ReplyMessage } from '../discord/message.js';

/** A message Footnote posted: its id and the channel (or thread) it is in. */
export interface PostedMessage {
  readonly id: string;
  readonly channelId: string;
}

/** The conversation a question was asked in. */
export interface Conversation {
  /**
   * Replies to the question's message where it was written (a channel, thread or forum post),
   * pinging its author only when `pingAsker`. Resolves with the posted message.
   */
  reply(message: ReplyMessage, options: { readonly pingAsker: boolean }): Promise<PostedMessage>;
  /** Starts a thread from the question's message, named `name`, and posts there. Resolves with the posted message. */
  replyInNewThread(name: string, message: ReplyMessage): Promise<PostedMessage>;
}
