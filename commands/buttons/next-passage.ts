/**
 * "Next passage" / "Previous": pages through an answer's results by editing the message.
 */
import { type ButtonInteraction, MessageFlags } from 'discord.js';
import type { BotContext, HandlerResult } from '../../src/discord/context.js';
import type { AskButton } from '../../src/discord/custom-id.js';
import { UserFacingError } from '../../src/discord/errors.js';
import { ANSWER_PAGE_SIZE, questionOfEmbed, renderAnswer } from '../../src/discord/render/answer.js';
import type { Responder } from '../../src/discord/respond.js';

/** The button action this module handles (see custom-id.ts). */
export const action = 'next';

/** Shows the page at the button's offset, for the question the message answers. */
export async function execute(interaction: ButtonInteraction, button: AskButton, respond: Responder, ctx: BotContext): Promise<HandlerResult> {
  if (button.action !== 'next') throw new Error(`next-passage got a ${button.action} button`);
  respond.intend({ kind: 'update' });
  const { message } = interaction;
  const question = ctx.answers.recall(message.id) ?? questionOfEmbed(message.embeds[0]?.toJSON());
  if (question === undefined) throw new UserFacingError('I no longer know which question this answer was for. Please ask again.');
  const page = await ctx.service.ask(question, { offset: button.offset, limit: ANSWER_PAGE_SIZE, collections: await ctx.collectionsOf(interaction) });
  const hidden = message.flags.has(MessageFlags.Ephemeral);
  // No content: an edit keeps the message's first line (who it is for) and pings nobody again.
  await respond.update(renderAnswer(page, { askerId: button.askerId, hidden }));
  ctx.answers.remember(message.id, question);
  return { answered: page.answer.answered };
}
