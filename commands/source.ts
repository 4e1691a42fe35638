/**
 * /source query:<Title › Section>: open a document or one of its sections by name.
 */
import { type AutocompleteInteraction, type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import { cleanQuery, QUERY_OPTION_MAX } from '../src/discord/ask-flow.js';
import type { BotContext, HandlerResult } from '../src/discord/context.js';
import { UserFacingError } from '../src/discord/errors.js';
import { escapeText } from '../src/discord/escape.js';
import { CHOICES_MAX } from '../src/discord/limits.js';
import type { Choice } from '../src/discord/message.js';
import { renderSection } from '../src/discord/render/section.js';
import { headingChoiceName, oneLine } from '../src/discord/render/style.js';
import type { Responder } from '../src/discord/respond.js';
import { truncatePlain } from '../src/discord/truncate.js';

/** Characters of the query echoed when nothing matches. */
const ECHO_MAX = 200;

/** The command as registered with Discord. */
export const data = new SlashCommandBuilder()
  .setName('source')
  .setDescription('Open a document or section of the sources by name.')
  .addStringOption((o) =>
    o.setName('query').setDescription('Title › Section').setRequired(true).setMaxLength(QUERY_OPTION_MAX).setAutocomplete(true),
  );

/** Documents and sections whose "Title › Section" matches what has been typed. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<Choice[]> {
  const entries = await ctx.service.suggestSections(interaction.options.getFocused(), CHOICES_MAX, await ctx.collectionsOf(interaction));
  return entries.map((e) => ({ name: headingChoiceName(e.document.title, e.section), value: e.key }));
}

/** Shows the chosen document or section, or the best name match for free text. */
export async function execute(interaction: ChatInputCommandInteraction, respond: Responder, ctx: BotContext): Promise<HandlerResult> {
  const query = cleanQuery(interaction.options.getString('query'));
  const entry = await ctx.collectionsOf(interaction).then(async (c) => (await ctx.service.section(query, c)) ?? (await ctx.service.suggestSections(query, 1, c))[0]);
  if (!entry) {
    throw new UserFacingError(`No document or section is called “${escapeText(truncatePlain(oneLine(query), ECHO_MAX))}”. Pick one of the suggestions, or see \`/sources\`.`);
  }
  await respond.send(renderSection(entry, ctx.service.knowledgeRoot()));
  return {};
}
