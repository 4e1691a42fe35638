/**
 * /sync [query: a source URL] (Manage Server): re-ingests the sources of sources.yaml now, in a worker thread,
 * then reloads. A sync or reload that fails keeps the previous knowledge answering.
 */
import { type ChatInputCommandInteraction, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { BotContext, HandlerResult } from '../src/discord/context.js';
import { UserFacingError } from '../src/discord/errors.js';
import { renderSync } from '../src/discord/render/sync.js';
import type { Responder } from '../src/discord/respond.js';

/** Longest source URL accepted in the option. */
const SOURCE_OPTION_MAX = 500;

/** The command as registered with Discord. */
export const data = new SlashCommandBuilder()
  .setName('sync')
  .setDescription('Re-ingest the sources of sources.yaml now (server managers).')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addStringOption((o) => o.setName('query').setDescription('Only this source (its URL in sources.yaml)').setMaxLength(SOURCE_OPTION_MAX));

/** Syncs and reports, privately. */
export async function execute(interaction: ChatInputCommandInteraction, respond: Responder, ctx: BotContext): Promise<HandlerResult> {
  // Server admins can open the command to others in Integrations, so check here too.
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserFacingError('Only members with the Manage Server permission can sync the sources.');
  }
  if (ctx.sync === undefined) throw new UserFacingError('Syncing is turned off for this bot.');
  await respond.defer(true);
  const outcome = await ctx.sync.syncNow(interaction.options.getString('query')?.trim() || undefined);
  ctx.logger.info('sync-command', { user: interaction.user.id, ok: outcome.ok });
  await respond.send(renderSync(outcome));
  return {};
}
