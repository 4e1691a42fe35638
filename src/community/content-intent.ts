/**
 * Telling moderators, once per server, that auto-answer cannot read messages because Discord
 * sends them without their text (the bot lacks the privileged Message Content intent), instead
 * of staying silent for ever.
 */
import type { BotContext } from '../discord/context.js';
import { writeSoftly } from '../store/write-softly.js';

/** The note posted (once per server) in the auto-answer channel that received an empty message. */
export const CONTENT_INTENT_NOTE =
  'Auto-answer is on in this channel, but Discord sends me messages without their text: the bot needs the **Message Content** intent. ' +
  'Whoever runs Footnote can enable it in the Discord developer portal (Bot → Privileged Gateway Intents) and restart the bot; see the README. ' +
  'Until then I still answer when someone mentions me, and moderators can turn auto-answer off with `/settings auto-answer`.';

/**
 * Posts {@link CONTENT_INTENT_NOTE} through `post` unless this server was already told, and
 * records that it was. Resolves true when the note was posted.
 *
 * @example await warnContentIntentOnce(ctx, guildId, (text) => conversation.reply({ content: text }, { pingAsker: false }))
 */
export async function warnContentIntentOnce(ctx: BotContext, guildId: string, post: (text: string) => Promise<unknown>): Promise<boolean> {
  const settings = await ctx.store.guildSettings(guildId);
  if (settings.contentIntentWarnedAt !== undefined) return false;
  // Recorded before posting: two empty messages arriving together must not both warn, and a
  // database that cannot record it must not make every message post the note again.
  if (!(await writeSoftly(ctx.logger, 'content-intent-warned', () => ctx.store.updateGuildSettings(guildId, { contentIntentWarnedAt: ctx.clock() })))) return false;
  ctx.logger.warn('message-content-missing', { guild: guildId, fix: 'enable the Message Content intent in the developer portal, set MESSAGE_CONTENT_INTENT, restart' });
  await post(CONTENT_INTENT_NOTE);
  return true;
}
