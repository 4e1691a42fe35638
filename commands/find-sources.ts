/**
 * "Find sources" (message context menu): looks up what a message says in the knowledge.
 */
import { ApplicationCommandType, ContextMenuCommandBuilder, type MessageContextMenuCommandInteraction } from 'discord.js';
import { answerQuestionInDiscord, cleanQuery, takeCooldown, withPlace } from '../src/discord/ask-flow.js';
import type { BotContext, HandlerResult } from '../src/discord/context.js';
import { UserFacingError } from '../src/discord/errors.js';
import { maskedLink } from '../src/discord/escape.js';
import type { Responder } from '../src/discord/respond.js';

/** The command as registered with Discord. */
export const data = new ContextMenuCommandBuilder().setName('Find sources').setType(ApplicationCommandType.Message);

/** Answers with the message's text as the question, linking back to the message. */
export async function execute(interaction: MessageContextMenuCommandInteraction, respond: Responder, ctx: BotContext): Promise<HandlerResult> {
  const message = interaction.targetMessage;
  if (message.content.trim() === '') throw new UserFacingError('That message has no text for me to look up.');
  const query = cleanQuery(message.content);
  takeCooldown(ctx, 'ask', interaction.user.id);
  return answerQuestionInDiscord(
    { query, askerId: interaction.user.id, hidden: false, intro: `Sources for ${maskedLink('this message', message.url)}:`, ...withPlace(interaction) },
    respond,
    ctx,
  );
}
