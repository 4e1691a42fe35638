/**
 * The outcome of /reload: what changed, or the errors that kept the old knowledge in place.
 */
import type { APIEmbed } from 'discord.js';
import type { KnowledgeDiff } from '../../service/reload-diff.js';
import type { ReloadOutcome } from '../../service/knowledge-service.js';
import { escapeText } from '../escape.js';
import { EMBED_DESCRIPTION_MAX } from '../limits.js';
import type { ReplyMessage } from '../message.js';
import { truncateMarkdown } from '../truncate.js';
import { COLORS } from './style.js';

/** Titles listed per kind of document change before "and N more". */
const TITLES_LISTED = 5;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function titles(list: readonly string[]): string {
  const shown = list.slice(0, TITLES_LISTED).map((t) => escapeText(t));
  return shown.join(', ') + (list.length > TITLES_LISTED ? ` and ${list.length - TITLES_LISTED} more` : '');
}

function diffLines(diff: KnowledgeDiff): string[] {
  const { documents: d, passages: p } = diff;
  if (p.added + p.changed + p.removed + d.added.length + d.removed.length === 0) return ['Nothing changed.'];
  const lines = [`Passages: ${p.added} added, ${p.changed} changed, ${p.removed} removed.`];
  if (d.added.length > 0) lines.push(`Documents added (${d.added.length}): ${titles(d.added)}`);
  if (d.changed.length > 0) lines.push(`Documents changed (${d.changed.length}): ${titles(d.changed)}`);
  if (d.removed.length > 0) lines.push(`Documents removed (${d.removed.length}): ${titles(d.removed)}`);
  return lines;
}

/** Problems as a code block that fits, with a count of the ones left out. */
function problemBlock(problems: readonly string[], room: number): string {
  const lines: string[] = [];
  let used = '```\n```'.length + 40;
  for (const problem of problems) {
    // Code blocks show text literally; only a fence inside could end one early.
    const line = problem.replaceAll('```', '`\u200b``');
    if (used + line.length + 1 > room) break;
    lines.push(line);
    used += line.length + 1;
  }
  const left = problems.length - lines.length;
  return `\`\`\`\n${lines.join('\n')}\n\`\`\`${left > 0 ? `\n…and ${plural(left, 'more problem')}.` : ''}`;
}

/**
 * Reports a reload, privately.
 *
 * @example renderReload({ ok: false, problems: ['knowledge/a.md:3: heading with no text'], stats }).embeds?.[0]?.title // 'Knowledge not reloaded'
 */
export function renderReload(outcome: ReloadOutcome): ReplyMessage {
  const now = `${plural(outcome.stats.documents, 'document')}, ${plural(outcome.stats.passages, 'passage')}`;
  let embed: APIEmbed;
  if (outcome.ok) {
    embed = { color: COLORS.high, title: 'Knowledge reloaded', description: [`Now answering from ${now}.`, ...diffLines(outcome.diff)].join('\n') };
  } else {
    const intro = `The knowledge folder has ${plural(outcome.problems.length, 'problem')}; I am still answering from the previous version (${now}). Fix these and run \`/reload\` again:\n`;
    embed = {
      color: COLORS.error,
      title: 'Knowledge not reloaded',
      description: intro + problemBlock(outcome.problems, EMBED_DESCRIPTION_MAX - intro.length),
    };
  }
  embed.description = truncateMarkdown(embed.description ?? '', EMBED_DESCRIPTION_MAX);
  return { embeds: [embed], ephemeral: true };
}
