/**
 * Builds the gap report of a server from the store: gaps and votes of the last days, grouped,
 * covered groups left out.
 */
import { type GapGroup, groupGaps } from '../moderation/gap-report.js';
import type { Store } from '../store/store.js';
import type { BotContext } from './context.js';
import type { ReplyMessage } from './message.js';
import { renderGapReport } from './render/gaps.js';

/** Days covered by `/gaps` when none are given. */
export const DEFAULT_GAP_DAYS = 30;
/** Longest period `/gaps` accepts. */
export const MAX_GAP_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A server's gap groups of the last `days` days. */
export async function gapGroups(store: Store, guildId: string, days: number, now: number): Promise<GapGroup[]> {
  const [gaps, covered] = await Promise.all([store.gaps(guildId, now - days * DAY_MS), store.coveredGapGroups(guildId)]);
  return groupGaps(gaps, covered);
}

/**
 * One page of a server's gap report, ready to send.
 *
 * @example await gapReportPage(ctx, store, guildId, 30, 0)
 */
export async function gapReportPage(ctx: BotContext, store: Store, guildId: string, days: number, page: number): Promise<ReplyMessage> {
  const now = ctx.clock();
  const [groups, votes] = await Promise.all([gapGroups(store, guildId, days, now), store.voteTally(guildId, now - days * DAY_MS)]);
  return renderGapReport({ days, groups, page, votes });
}
