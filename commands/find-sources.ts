/**
 * "Find sources" (message context menu): looks up what a message says in the knowledge.
 */
import { type APIEmbed, ApplicationCommandType, ContextMenuCommandBuilder, type MessageContextMenuCommandInteraction } from 'discord.js';
import { answerQuestionInDiscord, cleanQuery, takeQuestionToken, withPlace } from '../src/discord/ask-flow.js';
import type { BotContext, HandlerResult } from '../src/discord/context.js';
import { UserFacingError } from '../src/discord/errors.js';
import { maskedLink } from '../src/discord/escape.js';
import { questionOfEmbed } from '../src/discord/render/answer.js';
import type { Responder } from '../src/discord/respond.js';

/** The command as registered with Discord. */
export const data = new ContextMenuCommandBuilder().setName('Find sources').setType(ApplicationCommandType.Message);

/**
 * What to look up for a message: its text, or, for a message that is only an embed (such as an
 * answer Footnote posted), the embed's title: the question that answer was for.
 *
 * @example textToLookUp({ content: '', embeds: [answerEmbed] }) // 'Who interfered?'
 */
export function textToLookUp(message: { readonly content: string; readonly embeds: readonly { toJSON(): APIEmbed }[] }): string | undefined {
  if (message.content.trim() !== '') return message.content;
  const embed = message.embeds[0]?.toJSON();
  return questionOfEmbed(embed);
}

/** Answers with the message's text as the question, linking back to the message. */
export async function execute(interaction: MessageContextMenuCommandInteraction, respond: Responder, ctx: BotContext): Promise<HandlerResult> {
  const message = interaction.targetMessage;
  const text = textToLookUp(message);
  if (text === undefined) {
    throw new UserFacingError('That message has no text to look up (only images, files or an embed without a title). Use `/ask` with the words you want sources for.');
  }
  const query = cleanQuery(text);
  takeQuestionToken(ctx, interaction.user.id);
  return answerQuestionInDiscord(
    {
      query,
      askerId: interaction.user.id,
      hidden: false,
      collections: await ctx.collectionsOf(interaction),
      intro: `Sources for ${maskedLink('this message', message.url)}:`,
      ...withPlace(interaction),
    },
    respond,
    ctx,
  );
}
