/**
 * /gaps [days] (Manage Server): what members asked that the sources did not answer, and the
 * answers they voted 👎, grouped by what the knowledge lacks. Private and paged.
 */
import { ChannelType, type ChatInputCommandInteraction, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { postDigest } from '../src/discord/digest.js';
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
  .addIntegerOption((o) => o.setName('days').setDescription(`How far back to look (default ${DEFAULT_GAP_DAYS})`).setMinValue(1).setMaxValue(MAX_GAP_DAYS))
  .addChannelOption((o) => o.setName('digest').setDescription('Post a weekly digest (top gaps, 👍/👎 chart) to this channel').addChannelTypes(ChannelType.GuildText))
  .addBooleanOption((o) => o.setName('digest_off').setDescription('Stop the weekly digest'));

/** Shows the first page of the report, privately. */
export async function execute(interaction: ChatInputCommandInteraction, respond: Responder, ctx: BotContext): Promise<HandlerResult> {
  requireManageServer(interaction, 'see the gap report');
  const guildId = interaction.guildId;
  if (guildId === null) throw new UserFacingError('The gap report belongs to a server.');
  const { store } = ctx;
  const digestChannel = interaction.options.get('digest')?.value;
  if (typeof digestChannel === 'string' || interaction.options.getBoolean('digest_off') === true) {
    return setDigest(interaction, respond, ctx, guildId, typeof digestChannel === 'string' ? digestChannel : undefined);
  }
  const days = interaction.options.getInteger('days') ?? DEFAULT_GAP_DAYS;
  await respond.defer(true);
  await respond.send(await gapReportPage(ctx, store, guildId, days, 0));
  return {};
}

/** Sets the digest channel (and posts the first digest there now) or stops the digest. */
async function setDigest(interaction: ChatInputCommandInteraction, respond: Responder, ctx: BotContext, guildId: string, channelId: string | undefined): Promise<HandlerResult> {
  await respond.defer(true);
  const { store } = ctx;
  const actor = { guildId, actorName: interaction.user.username, actorHash: store.hashUser(interaction.user.id), at: ctx.clock() };
  if (channelId === undefined) {
    await store.updateGuildSettings(guildId, { digestChannelId: null }, { ...actor, change: 'weekly digest off' });
    await respond.send({ content: 'The weekly digest is off.', ephemeral: true });
    return {};
  }
  await store.updateGuildSettings(guildId, { digestChannelId: channelId }, { ...actor, change: `weekly digest to <#${channelId}>` });
  const posted = await postDigest(interaction.client, ctx, guildId, channelId);
  await respond.send({
    content: posted
      ? `The weekly digest goes to <#${channelId}>; the first one is there now.`
      : `The weekly digest is set to <#${channelId}>, but I could not post there: check that I can view the channel, send messages, embed links and attach files.`,
    ephemeral: true,
  });
  return {};
}
