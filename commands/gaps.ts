/**
 * /gaps [days] (Manage Server): what members asked that the sources did not answer, and the
 * answers they voted 👎, grouped by what the knowledge lacks. Private and paged.
 */
import { type ChatInputCommandInteraction, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { BotContext, HandlerResult } from '../src/discord/context.js';
import { UserFacingError } from '../src/discord/errors.js';
import { DEFAULT_GAP_DAYS, gapReportPage, MAX_GAP_DAYS } from '../src/discord/gap-report.js';
import { requireManageServer } from '../src/discord/moderator.js';
import type { Responder } from '../src/discord/respond.js';

/** The command as registered with Discord. */
export const data = new SlashCommandBuilder()
  .setName('gaps')
  .setDescription('What the sources could not answer, and answers voted 👎 (server managers).')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addIntegerOption((o) => o.setName('days').setDescription(`How far back to look (default ${DEFAULT_GAP_DAYS})`).setMinValue(1).setMaxValue(MAX_GAP_DAYS));

/** Shows the first page of the report, privately. */
export async function execute(interaction: ChatInputCommandInteraction, respond: Responder, ctx: BotContext): Promise<HandlerResult> {
  requireManageServer(interaction, 'see the gap report');
  const guildId = interaction.guildId;
  if (guildId === null) throw new UserFacingError('The gap report belongs to a server.');
  const { store } = ctx;
  const days = interaction.options.getInteger('days') ?? DEFAULT_GAP_DAYS;
  await respond.defer(true);
  await respond.send(await gapReportPage(ctx, store, guildId, days, 0));
  return {};
}
