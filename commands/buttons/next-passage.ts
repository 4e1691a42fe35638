/**
 * "Next results" / "Previous results": pages through an answer's results by editing the message.
 * A public answer changes for everyone, so only its asker or a moderator may page it; anyone
 * else gets that page as a copy only they can see. A public answer paged in place is recorded
 * again with the passages it now shows, and loses a drift note about the page it showed before.
 */
import { type ButtonInteraction, MessageFlags, PermissionFlagsBits } from 'discord.js';
import { placeOf } from '../../src/discord/ask-flow.js';
import type { BotContext, HandlerResult } from '../../src/discord/context.js';
import type { AskButton } from '../../src/discord/custom-id.js';
import { UserFacingError } from '../../src/discord/errors.js';
import { passagesOfAnswer, rememberPostedAnswer } from '../../src/discord/feedback.js';
import { ANSWER_PAGE_SIZE, questionOfEmbed, renderAnswer } from '../../src/discord/render/answer.js';
import type { Responder } from '../../src/discord/respond.js';
import { withoutNote } from '../../src/moderation/drift-note.js';

/** The button action this module handles (see custom-id.ts). */
export const action = 'next';

/** Shows the page at the button's offset, for the question the message answers. */
export async function execute(interaction: ButtonInteraction, button: AskButton, respond: Responder, ctx: BotContext): Promise<HandlerResult> {
  if (button.action !== 'next') throw new Error(`next-passage got a ${button.action} button`);
  const { message } = interaction;
  const hidden = message.flags.has(MessageFlags.Ephemeral);
  const moderator = interaction.memberPermissions?.any([PermissionFlagsBits.ManageMessages, PermissionFlagsBits.ManageGuild]) ?? false;
  const ownCopy = !hidden && interaction.user.id !== button.askerId && !moderator;
  respond.intend(ownCopy ? { kind: 'reply', ephemeral: true } : { kind: 'update' });
  const question = ctx.answers.recall(message.id) ?? questionOfEmbed(message.embeds[0]?.toJSON());
  if (question === undefined) throw new UserFacingError('I no longer know which question this answer was for. Please ask again.');
  const page = await ctx.service.ask(question, { offset: button.offset, limit: ANSWER_PAGE_SIZE, collections: await ctx.collectionsOf(interaction) });
  const shown = passagesOfAnswer(ctx.service.index().knowledge, page.answer);
  if (ownCopy) {
    // Someone else's public answer: their own hidden copy of that page, which they may page further.
    const copyId = await respond.send(renderAnswer(page, { askerId: interaction.user.id, hidden: true }));
    ctx.answers.remember(copyId, question, shown);
    return { answered: page.answer.answered };
  }
  // No content: an edit keeps the message's first line (who it is for) and pings nobody again.
  // A drift note goes: it spoke of passages this page no longer quotes.
  const unmarked = withoutNote(message.content);
  await respond.update({ ...renderAnswer(page, { askerId: button.askerId, hidden }), ...(unmarked === undefined ? {} : { content: unmarked }) });
  ctx.answers.remember(message.id, question, shown);
  // A public answer now shows this page: drift notes and votes are about these passages.
  const place = placeOf(interaction);
  if (!hidden && place !== undefined) await rememberPostedAnswer(ctx, place, message.id, page.answer.question, shown);
  return { answered: page.answer.answered };
}
