/**
 * The gap report in Discord: one page of groups, each with what the knowledge lacks, the nearest
 * section, counts, recency and example questions, and per group the buttons Add alias and
 * Covered; Previous / Next to page. Member text (questions, words) is escaped.
 */
import { ButtonStyle, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { GapGroup } from '../../moderation/gap-report.js';
import type { VoteTally } from '../../store/store.js';
import { escapeText } from '../escape.js';
import { BUTTON_LABEL_MAX, EMBED_FIELD_NAME_MAX, EMBED_FIELD_VALUE_MAX } from '../limits.js';
import type { ButtonSpec, ReplyMessage } from '../message.js';
import { gapsId } from '../moderation-ids.js';
import { truncateMarkdown, truncatePlain } from '../truncate.js';
import { COLORS, oneLine } from './style.js';

/** Groups per page: two buttons each, in a row of their own, plus the paging row, within 5 rows. */
export const GAP_GROUPS_PER_PAGE = 3;
/** Characters of an example question shown. */
const EXAMPLE_MAX = 150;

/** What the report shows. */
export interface GapReportView {
  readonly days: number;
  readonly groups: readonly GapGroup[];
  readonly page: number;
  readonly votes: VoteTally;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const quoted = (words: readonly string[]): string => words.map((w) => `“${escapeText(w)}”`).join(', ');
/** Discord's own relative timestamp (“3 hours ago”), shown in each reader's time zone. */
const relative = (at: number): string => `<t:${Math.floor(at / 1000)}:R>`;

/** The field of one group. */
function groupField(group: GapGroup, number: number): APIEmbedField {
  const about = group.words.length > 0 ? quoted(group.words) : group.nearestSection !== undefined ? `near ${escapeText(group.nearestSection)}` : 'no words to search for';
  const kinds = [group.abstained > 0 ? `${group.abstained} unanswered` : '', group.downvoted > 0 ? `${group.downvoted} 👎` : ''].filter(Boolean).join(', ');
  const name = truncatePlain(`${number}. ${oneLine(about)} — ${plural(group.count, 'question')} (${kinds})`, EMBED_FIELD_NAME_MAX);
  const lines = [
    group.nearestSection === undefined ? 'Nearest section: none' : `Nearest section: ${escapeText(group.nearestSection)}`,
    `Last asked ${relative(group.lastAt)}${group.count > 1 ? `, first ${relative(group.firstAt)}` : ''}`,
    ...group.examples.map((q) => `• ${escapeText(truncatePlain(oneLine(q), EXAMPLE_MAX))}`),
  ];
  return { name, value: truncateMarkdown(lines.join('\n'), EMBED_FIELD_VALUE_MAX) };
}

/** Number of pages of a report. */
export const pageCount = (groups: readonly GapGroup[]): number => Math.max(1, Math.ceil(groups.length / GAP_GROUPS_PER_PAGE));

/**
 * One page of the gap report, privately.
 *
 * @example renderGapReport({ days: 30, groups, page: 0, votes: { up: 3, down: 1 } }).embeds?.[0]?.title // 'Gaps in the last 30 days'
 */
export function renderGapReport(view: GapReportView): ReplyMessage {
  const pages = pageCount(view.groups);
  const page = Math.min(Math.max(0, view.page), pages - 1);
  const shown = view.groups.slice(page * GAP_GROUPS_PER_PAGE, (page + 1) * GAP_GROUPS_PER_PAGE);
  const { up, down } = view.votes;
  const ratio = up + down === 0 ? 'no votes yet' : `👍 ${up} · 👎 ${down} (${Math.round((100 * up) / (up + down))} % positive)`;
  const total = view.groups.reduce((sum, g) => sum + g.count, 0);
  const embed: APIEmbed = {
    color: COLORS.info,
    title: `Gaps in the last ${plural(view.days, 'day')}`,
    description:
      view.groups.length === 0
        ? `Nothing to report: every question was answered and nobody voted 👎 (or the gaps are marked covered).\nVotes: ${ratio}.`
        : `${plural(total, 'question')} in ${plural(view.groups.length, 'group')} the sources did not answer, or answered with a 👎. Votes: ${ratio}.\n` +
          '**Add alias** maps a member’s word to words the documents use; **Covered** hides a group until it is asked again.',
    fields: shown.map((g, i) => groupField(g, page * GAP_GROUPS_PER_PAGE + i + 1)),
    ...(pages > 1 ? { footer: { text: `Page ${page + 1} of ${pages}` } } : {}),
  };
  const rows: ButtonSpec[][] = shown.map((g, i) => {
    const number = page * GAP_GROUPS_PER_PAGE + i + 1;
    const word = g.words[0];
    return [
      { customId: gapsId('alias', view.days, g.key), label: truncatePlain(word === undefined ? `${number}. Add alias` : `${number}. Add alias for “${word}”`, BUTTON_LABEL_MAX), style: ButtonStyle.Primary },
      { customId: gapsId('cover', view.days, g.key), label: `${number}. Covered`, style: ButtonStyle.Secondary },
    ];
  });
  if (pages > 1) {
    rows.push([
      { customId: gapsId('page', view.days, Math.max(0, page - 1)), label: 'Previous', style: ButtonStyle.Secondary, ...(page === 0 ? { disabled: true } : {}) },
      { customId: gapsId('page', view.days, Math.min(pages - 1, page + 1)), label: 'Next', style: ButtonStyle.Secondary, ...(page >= pages - 1 ? { disabled: true } : {}) },
    ]);
  }
  return { embeds: [embed], buttons: rows, ephemeral: true };
}
