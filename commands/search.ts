/**
 * /search query:<text>: find a passage as you type (autocomplete), then show it whole with its
 * citation. Free text that is not a suggestion shows the best matching passage.
 */
import { type AutocompleteInteraction, type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import { cleanQuery, QUERY_OPTION_MAX, takeQuestionToken } from '../src/discord/ask-flow.js';
import type { BotContext, HandlerResult } from '../src/discord/context.js';
import { UserFacingError } from '../src/discord/errors.js';
import { escapeText } from '../src/discord/escape.js';
import { CHOICES_MAX } from '../src/discord/limits.js';
import type { Choice } from '../src/discord/message.js';
import { oneLine, passageChoiceName } from '../src/discord/render/style.js';
import { renderPassage } from '../src/discord/render/passage.js';
import type { Responder } from '../src/discord/respond.js';
import { truncatePlain } from '../src/discord/truncate.js';

/** Characters of the query echoed in "Best match for …". */
const ECHO_MAX = 200;

/** The command as registered with Discord. */
export const data = new SlashCommandBuilder()
  .setName('search')
  .setDescription('Find a passage in the sources and show it whole.')
  .addStringOption((o) =>
    o.setName('query').setDescription('Words from a section title or passage').setRequired(true).setMaxLength(QUERY_OPTION_MAX).setAutocomplete(true),
  );

/** Passages whose heading or text matches what has been typed; the value is the passage id. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<Choice[]> {
  const suggestions = await ctx.service.suggestPassages(interaction.options.getFocused(), CHOICES_MAX, await ctx.collectionsOf(interaction));
  // With one document, its (often long) title would only push the snippets out.
  const showTitle = new Set(suggestions.map((s) => s.title)).size > 1;
  return suggestions.map((s) => ({ name: passageChoiceName(s, showTitle), value: s.passageId }));
}

/** Shows the chosen passage, or the best match for free text. */
export async function execute(interaction: ChatInputCommandInteraction, respond: Responder, ctx: BotContext): Promise<HandlerResult> {
  const query = cleanQuery(interaction.options.getString('query'));
  takeQuestionToken(ctx, interaction.user.id);
  const chosen = await ctx.service.passage(query);
  if (chosen) {
    await respond.send(renderPassage(chosen));
    return { answered: true };
  }
  const page = await ctx.service.ask(query, { limit: 1, collections: await ctx.collectionsOf(interaction) });
  const best = page.answer.excerpts[0];
  const view = best && (await ctx.service.passage(best.passageId));
  if (!view) throw new UserFacingError(`Nothing in the sources matches “${escapeText(truncatePlain(oneLine(query), ECHO_MAX))}”. Try other words, or see \`/sources\`.`);
  const strength = page.answer.answered ? '' : ' (a weak match: the sources may not cover this)';
  await respond.send(renderPassage(view, { note: `Best match for “${escapeText(truncatePlain(oneLine(query), ECHO_MAX))}”${strength}:` }));
  return { answered: page.answer.answered };
}
