/**
 * /reload (Manage Server): re-reads the knowledge folder. A folder with errors is refused and
 * the previous knowledge keeps answering; a good one replaces it and the changes are reported.
 */
import { type ChatInputCommandInteraction, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { BotContext, HandlerResult } from '../src/discord/context.js';
import { UserFacingError } from '../src/discord/errors.js';
import { checkDrift } from '../src/discord/drift-marker.js';
import { driftEmbed } from '../src/discord/render/drift.js';
import { renderReload } from '../src/discord/render/reload.js';
import type { Responder } from '../src/discord/respond.js';

/** The command as registered with Discord. */
export const data = new SlashCommandBuilder()
  .setName('reload')
  .setDescription('Re-read the knowledge folder (server managers).')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);

/** Reloads and reports, privately. */
export async function execute(interaction: ChatInputCommandInteraction, respond: Responder, ctx: BotContext): Promise<HandlerResult> {
  // Server admins can open the command to others in Integrations, so check here too.
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserFacingError('Only members with the Manage Server permission can reload the knowledge.');
  }
  await respond.defer(true);
  const before = ctx.service.index().knowledge;
  const outcome = await ctx.service.reload();
  ctx.logger.info('reload', outcome.ok ? { ok: true, user: interaction.user.id, ...outcome.stats, diff: outcome.diff } : { ok: false, user: interaction.user.id, problems: outcome.problems.length });
  const report = renderReload(outcome);
  // Answers and tags quoting a paragraph this reload changed are marked and listed.
  const drift = outcome.ok ? await checkDrift(interaction.client, ctx, ctx.store, interaction.guildId, before) : undefined;
  await respond.send(drift === undefined ? report : { ...report, embeds: [...(report.embeds ?? []), driftEmbed(drift)] });
  return {};
}
