/**
 * /ask query:<text> [hide] [target]: answers from the knowledge with cited, verbatim excerpts.
 */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import { answerQuestionInDiscord, cleanQuery, QUERY_OPTION_MAX, takeQuestionToken, withPlace } from '../src/discord/ask-flow.js';
import type { BotContext, HandlerResult } from '../src/discord/context.js';
import { UserFacingError } from '../src/discord/errors.js';
import type { Responder } from '../src/discord/respond.js';

/** The command as registered with Discord. */
export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question; Footnote answers with quotes from its sources.')
  .addStringOption((o) => o.setName('query').setDescription('Your question').setRequired(true).setMaxLength(QUERY_OPTION_MAX))
  .addBooleanOption((o) => o.setName('hide').setDescription('Show the answer only to you'))
  .addUserOption((o) => o.setName('target').setDescription('Address the answer to this member (only they are pinged)'));

/** Answers the question, privately with `hide`, addressed to `target` when given. */
export async function execute(interaction: ChatInputCommandInteraction, respond: Responder, ctx: BotContext): Promise<HandlerResult> {
  const query = cleanQuery(interaction.options.getString('query'));
  const hidden = interaction.options.getBoolean('hide') ?? false;
  const target = interaction.options.getUser('target');
  if (hidden && target) throw new UserFacingError('A hidden answer cannot be addressed to someone else: use either `hide` or `target`.');
  respond.intend({ kind: 'reply', ephemeral: hidden });
  takeQuestionToken(ctx, interaction.user.id);
  return answerQuestionInDiscord(
    { query, askerId: interaction.user.id, hidden, collections: await ctx.collectionsOf(interaction), ...(target ? { targetId: target.id } : {}), ...withPlace(interaction) },
    respond,
    ctx,
  );
}
