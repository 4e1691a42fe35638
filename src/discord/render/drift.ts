/**
 * The drift part of the /reload report: how many posted answers were marked, and the server's
 * tags whose paragraph changed (old and new text) or vanished (an error).
 */
import type { APIEmbed } from 'discord.js';
import type { TagDrift } from '../../moderation/drift.js';
import { differenceStart } from '../../moderation/text-window.js';
import type { DriftReport } from '../drift-marker.js';
import { escapeText } from '../escape.js';
import { EMBED_DESCRIPTION_MAX } from '../limits.js';
import { truncateMarkdown, truncatePlain } from '../truncate.js';
import { COLORS, oneLine } from './style.js';

/** Characters of old and new text quoted per changed tag. */
const QUOTE_MAX = 300;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const quote = (text: string, from = 0): string => `> ${from > 0 ? '…' : ''}${escapeText(truncatePlain(oneLine(text.slice(from)), QUOTE_MAX))}`;

function tagLines(drift: TagDrift): string[] {
  if (drift.kind === 'vanished') {
    return [`❌ \`${drift.tag.name}\`: its paragraph was removed from the sources. Delete the tag or create it again on another paragraph.`, ...(drift.oldText === undefined ? [] : [quote(drift.oldText)])];
  }
  // Quote from where the versions part, so the change is visible within the quote.
  const from = drift.oldText === undefined ? 0 : differenceStart(drift.oldText, drift.newText);
  return [
    `✏️ \`${drift.tag.name}\` changed; it now shows the new text.`,
    ...(drift.oldText === undefined ? [] : ['Before:', quote(drift.oldText, from)]),
    'Now:',
    quote(drift.newText, from),
  ];
}

/**
 * The embed added to a successful reload's report.
 *
 * @example driftEmbed({ marked: 2, pending: 0, tags: [] }).description // '2 posted answers marked …'
 */
export function driftEmbed(report: DriftReport): APIEmbed {
  const vanished = report.tags.filter((t) => t.kind === 'vanished').length;
  const lines = [
    report.marked === 0 ? 'No posted answer quotes a paragraph that changed.' : `${plural(report.marked, 'posted answer')} marked “⚠ the source changed since this answer”.`,
    ...(report.pending > 0 ? [`${plural(report.pending, 'more answer')} will be marked on the next reload.`] : []),
    ...(report.tags.length === 0 ? [] : ['', `**Tags** (${report.tags.length}):`, ...report.tags.flatMap(tagLines)]),
  ];
  return {
    color: vanished > 0 ? COLORS.error : COLORS.info,
    title: vanished > 0 ? `Drift: ${plural(vanished, 'tag')} point${vanished === 1 ? 's' : ''} at nothing` : 'Drift',
    description: truncateMarkdown(lines.join('\n'), EMBED_DESCRIPTION_MAX),
  };
}
