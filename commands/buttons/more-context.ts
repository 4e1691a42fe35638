/**
 * "More context": the paragraphs around the first excerpt's passage, shown privately, with a
 * link back to the message it expands (an interaction reply cannot be a Discord reply).
 */
import type { ButtonInteraction } from 'discord.js';
import type { BotContext, HandlerResult } from '../../src/discord/context.js';
import type { AskButton } from '../../src/discord/custom-id.js';
import { UserFacingError } from '../../src/discord/errors.js';
import { renderContext } from '../../src/discord/render/passage.js';
import type { Responder } from '../../src/discord/respond.js';

/** The button action this module handles (see custom-id.ts). */
export const action = 'more';

/** Shows the passage in its surroundings. */
export async function execute(interaction: ButtonInteraction, button: AskButton, respond: Responder, ctx: BotContext): Promise<HandlerResult> {
  if (button.action !== 'more') throw new Error(`more-context got a ${button.action} button`);
  respond.intend({ kind: 'reply', ephemeral: true });
  const context = await ctx.service.context(button.passageId);
  if (!context) throw new UserFacingError('That passage is no longer in the knowledge (it has been reloaded since). Ask again to get a fresh answer.');
  await respond.send(renderContext(context, { expands: interaction.message.url }));
  return {};
}
