/**
 * The gap report for the terminal: readable text, JSON, or CSV (one row per group). Member text
 * is data here: CSV cells are quoted, and cells a spreadsheet would run as a formula are defused.
 */
import type { VoteTally } from '../store/store.js';
import type { GapGroup } from './gap-report.js';

/** One server's part of the export. */
export interface GuildGaps {
  readonly guildId: string;
  readonly votes: VoteTally;
  readonly groups: readonly GapGroup[];
}

/** The whole export. */
export interface GapExport {
  readonly days: number;
  readonly since: number;
  readonly guilds: readonly GuildGaps[];
}

const iso = (at: number): string => new Date(at).toISOString();
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * One JSON document (dates as ISO strings).
 *
 * @example JSON.parse(gapsAsJson(report)).guilds[0].groups[0].count // 2
 */
export function gapsAsJson(report: GapExport): string {
  return JSON.stringify({
    days: report.days,
    since: iso(report.since),
    guilds: report.guilds.map((g) => ({
      guildId: g.guildId,
      votes: g.votes,
      groups: g.groups.map((group) => ({ ...group, firstAt: iso(group.firstAt), lastAt: iso(group.lastAt) })),
    })),
  });
}

/** A CSV cell: quoted when needed; a leading `= + - @` (a formula in spreadsheets) gets a `'`. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV header. */
export const CSV_COLUMNS = ['guild_id', 'group_key', 'words', 'nearest_section', 'count', 'abstained', 'downvoted', 'first_at', 'last_at', 'examples', 'votes_up', 'votes_down'] as const;

/**
 * One row per group, with a header.
 *
 * @example gapsAsCsv(report).split('\n')[0] // 'guild_id,group_key,words,…'
 */
export function gapsAsCsv(report: GapExport): string {
  const rows = report.guilds.flatMap((g) =>
    g.groups.map((group) =>
      [g.guildId, group.key, group.words.join(' '), group.nearestSection ?? '', group.count, group.abstained, group.downvoted, iso(group.firstAt), iso(group.lastAt), group.examples.join(' | '), g.votes.up, g.votes.down]
        .map(csvCell)
        .join(','),
    ),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\n') + '\n';
}

/**
 * Readable text, one block per server and group.
 *
 * @example gapsAsText(report) // 'Gaps in the last 30 days …'
 */
export function gapsAsText(report: GapExport): string {
  const lines = [`Gaps in the last ${plural(report.days, 'day')} (since ${iso(report.since)})`];
  if (report.guilds.length === 0) lines.push('', 'No gaps: every question was answered and nobody voted 👎.');
  for (const g of report.guilds) {
    const total = g.groups.reduce((sum, group) => sum + group.count, 0);
    const ratio = g.votes.up + g.votes.down === 0 ? 'no votes' : `👍 ${g.votes.up} · 👎 ${g.votes.down}`;
    lines.push('', `Server ${g.guildId}: ${plural(total, 'question')} in ${plural(g.groups.length, 'group')}; votes ${ratio}`);
    g.groups.forEach((group, i) => {
      const kinds = [group.abstained > 0 ? `${group.abstained} unanswered` : '', group.downvoted > 0 ? `${group.downvoted} 👎` : ''].filter(Boolean).join(', ');
      const about = group.words.length > 0 ? group.words.map((w) => `"${w}"`).join(', ') : '(no missing words)';
      lines.push(`${i + 1}. ${about} — ${plural(group.count, 'question')} (${kinds}); nearest: ${group.nearestSection ?? 'none'}; last ${iso(group.lastAt)}`);
      for (const example of group.examples) lines.push(`   • ${example.replace(/\s+/g, ' ')}`);
    });
  }
  return lines.join('\n') + '\n';
}
