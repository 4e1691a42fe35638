/**
 * /help: what Footnote does and how to ask.
 */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import type { BotContext, HandlerResult } from '../src/discord/context.js';
import { renderHelp } from '../src/discord/render/help.js';
import type { Responder } from '../src/discord/respond.js';

/** The command as registered with Discord. */
export const data = new SlashCommandBuilder().setName('help').setDescription('What Footnote does and how to ask it.');

/** Shows the help, privately. */
export async function execute(_interaction: ChatInputCommandInteraction, respond: Responder, _ctx: BotContext): Promise<HandlerResult> {
  await respond.send(renderHelp());
  return {};
}
