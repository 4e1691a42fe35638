/**
 * The outcome of /sync: per source what was added, changed, unchanged, removed and failed, then
 * whether the knowledge was reloaded (or kept, with the problems).
 */
import type { APIEmbed } from 'discord.js';
import type { SyncOutcome } from '../../ingest/knowledge-sync.js';
import type { SourceReport } from '../../ingest/report.js';
import { escapeText } from '../escape.js';
import { EMBED_DESCRIPTION_MAX } from '../limits.js';
import type { ReplyMessage } from '../message.js';
import { truncateMarkdown } from '../truncate.js';
import { renderReload } from './reload.js';
import { COLORS } from './style.js';

/** Removed or failed pages listed per source before "and N more". */
const ITEMS_LISTED = 5;

function sourceLines(report: SourceReport): string[] {
  const source = `\`${escapeText(report.source).replaceAll('`', 'ˋ')}\``;
  if (report.error !== undefined) return [`**${source}**: failed, nothing changed — ${escapeText(report.error)}`];
  const counts = `${report.added.length} added, ${report.changed.length} changed, ${report.unchanged} unchanged, ${report.removed.length} removed, ${report.failed.length} failed`;
  const items = [
    ...report.removed.map((item) => `removed ${escapeText(item.url)} — ${escapeText(item.reason)}`),
    ...report.failed.map((item) => `failed ${escapeText(item.url)} — ${escapeText(item.reason)}`),
  ];
  const listed = items.slice(0, ITEMS_LISTED).map((line) => `• ${line}`);
  if (items.length > ITEMS_LISTED) listed.push(`• …and ${items.length - ITEMS_LISTED} more`);
  return [`**${source}**: ${counts}`, ...listed];
}

/**
 * Reports a sync, privately; the reload's own report follows when files changed.
 *
 * @example renderSync({ ok: true, reports: [] }).embeds?.[0]?.title // 'Sources synced'
 */
export function renderSync(outcome: SyncOutcome): ReplyMessage {
  if (!outcome.ok) {
    const embed: APIEmbed = { color: COLORS.error, title: 'Sources not synced', description: truncateMarkdown(outcome.problems.map(escapeText).join('\n'), EMBED_DESCRIPTION_MAX) };
    return { embeds: [embed], ephemeral: true };
  }
  const failed = outcome.reports.some((r) => r.error !== undefined || r.failed.length > 0);
  const lines = outcome.reports.flatMap(sourceLines);
  if (outcome.reload === undefined) lines.push('No file changed; the knowledge in use stays as it is.');
  const embed: APIEmbed = {
    color: failed ? COLORS.low : COLORS.high,
    title: 'Sources synced',
    description: truncateMarkdown(lines.join('\n') || 'Nothing to sync.', EMBED_DESCRIPTION_MAX),
  };
  const reload = outcome.reload === undefined ? [] : (renderReload(outcome.reload).embeds ?? []);
  return { embeds: [embed, ...reload], ephemeral: true };
}
