/**
 * The optional weekly digest: for each server with a digest channel (set with `/gaps digest:`),
 * once a week, the top gaps and the 👍 / 👎 ratio as a bar chart, posted to that channel. Checked
 * every hour; each shard posts only for its own servers.
 */
import type { Client } from 'discord.js';
import { digestPng } from '../moderation/digest-chart.js';
import type { GapGroup } from '../moderation/gap-report.js';
import type { GuildSettings, VoteTally } from '../store/store.js';
import type { BotContext } from './context.js';
import { escapeText } from './escape.js';
import { gapGroups } from './gap-report.js';
import type { ReplyMessage } from './message.js';
import { toDiscordPayload } from './respond.js';
import { COLORS } from './render/style.js';

/** A week. */
export const DIGEST_INTERVAL_MS = 7 * 24 * 60 * 60 * 1000;
/** How often due digests are looked for. */
export const DIGEST_CHECK_MS = 60 * 60 * 1000;
/** Gap groups listed in a digest. */
const DIGEST_GROUPS = 5;
const DIGEST_DAYS = 7;
const IMAGE_NAME = 'gaps.png';

/**
 * Whether a server's digest is due.
 *
 * @example isDigestDue({ guildId: '1', digestChannelId: '2' }, Date.now()) // true (never sent)
 */
export function isDigestDue(settings: GuildSettings, now: number): boolean {
  return settings.digestChannelId !== undefined && (settings.lastDigestAt === undefined || now - settings.lastDigestAt >= DIGEST_INTERVAL_MS);
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const about = (g: GapGroup): string => (g.words.length > 0 ? g.words.slice(0, 3).map((w) => `“${w}”`).join(', ') : `near ${g.nearestSection ?? 'nothing'}`);

/** The digest message: an embed naming the top gaps, with the chart as its image. */
export function renderDigest(groups: readonly GapGroup[], votes: VoteTally): ReplyMessage {
  const top = groups.slice(0, DIGEST_GROUPS);
  const total = votes.up + votes.down;
  const lines = [
    top.length === 0 ? 'Every question of the week was answered.' : 'What members asked that the sources did not answer (or answered with a 👎):',
    ...top.map((g, i) => `${i + 1}. ${escapeText(about(g))} — ${plural(g.count, 'question')}${g.nearestSection === undefined ? '' : ` (nearest: ${escapeText(g.nearestSection)})`}`),
    '',
    total === 0 ? 'Votes: none this week.' : `Votes: 👍 ${votes.up} · 👎 ${votes.down} (${Math.round((100 * votes.up) / total)} % helpful).`,
    'Moderators: `/gaps` to add aliases or mark groups covered.',
  ];
  return { embeds: [{ color: COLORS.info, title: 'Weekly digest: gaps in the sources', description: lines.join('\n'), image: { url: `attachment://${IMAGE_NAME}` } }] };
}

/**
 * Posts a server's digest now and records when. Resolves false (logged) when the channel cannot
 * be posted to.
 */
export async function postDigest(client: Client, ctx: BotContext, guildId: string, channelId: string): Promise<boolean> {
  const now = ctx.clock();
  const [groups, votes] = await Promise.all([gapGroups(ctx.store, guildId, DIGEST_DAYS, now), ctx.store.voteTally(guildId, now - DIGEST_INTERVAL_MS)]);
  const title = `Footnote — gaps, week to ${new Date(now).toISOString().slice(0, 10)}`;
  const png = await digestPng({ title, gaps: groups.slice(0, DIGEST_GROUPS).map((g) => ({ label: about(g), value: g.count })), votes });
  try {
    const channel = await client.channels.fetch(channelId);
    if (channel === null || !channel.isSendable()) throw new Error('not a channel the bot can post in');
    await channel.send({ ...toDiscordPayload(renderDigest(groups, votes)), files: [{ attachment: png, name: IMAGE_NAME }] });
  } catch (error) {
    ctx.logger.warn('digest-failed', { guild: guildId, channel: channelId, error });
    return false;
  }
  await ctx.store.updateGuildSettings(guildId, { lastDigestAt: now });
  ctx.logger.info('digest', { guild: guildId, channel: channelId, groups: groups.length });
  return true;
}

/**
 * Checks for due digests every {@link DIGEST_CHECK_MS}; returns the function that stops it.
 */
export function startDigests(client: Client, ctx: BotContext, checkMs = DIGEST_CHECK_MS): () => void {
  let running = false;
  const check = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      for (const settings of await ctx.store.guildsWithDigest()) {
        if (!isDigestDue(settings, ctx.clock()) || !client.guilds.cache.has(settings.guildId)) continue;
        await postDigest(client, ctx, settings.guildId, settings.digestChannelId!);
      }
    } catch (error) {
      ctx.logger.warn('digest-check-failed', { error });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void check(), checkMs);
  timer.unref();
  return () => clearInterval(timer);
}
