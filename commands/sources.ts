/**
 * /sources: the documents Footnote answers from.
 */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import type { BotContext, HandlerResult } from '../src/discord/context.js';
import { renderSources } from '../src/discord/render/sources.js';
import type { Responder } from '../src/discord/respond.js';

/** The command as registered with Discord. */
export const data = new SlashCommandBuilder().setName('sources').setDescription('List the documents Footnote answers from.');

/** Lists every document with its licence, size and last change. */
export async function execute(_interaction: ChatInputCommandInteraction, respond: Responder, ctx: BotContext): Promise<HandlerResult> {
  await respond.send(await ctx.collectionsOf(_interaction).then(async (c) => renderSources(await ctx.service.documents(c), c)));
  return {};
}
