/**
 * The /ask answer: an embed with the best excerpts and their citations, the confidence, the
 * source, and the buttons to get more context, page, delete or post publicly.
 */
import { ButtonStyle, type APIEmbed, type APIEmbedField } from 'discord.js';
import { formatExcerpt } from '../../answer/excerpt.js';
import { ABSTAIN_HEADLINE, plainReason, spellingNote } from '../../answer/plain-reason.js';
import type { AnswerExcerpt } from '../../answer/answer.js';
import type { AnswerPage } from '../../service/knowledge-service.js';
import { encodeAskButton, MAX_OFFSET } from '../custom-id.js';
import { feedbackButtons } from '../feedback.js';
import { escapeText, unescapeText } from '../escape.js';
import { EMBED_FIELD_VALUE_MAX, EMBED_TITLE_MAX } from '../limits.js';
import type { ButtonSpec, ReplyMessage } from '../message.js';
import { truncateMarkdown, truncatePlain } from '../truncate.js';
import { citationLink, COLORS, oneLine, sourcesFooter } from './style.js';

/** Excerpts per page of an answer. */
export const ANSWER_PAGE_SIZE = 3;

/** How the answer is being shown. */
export interface AnswerView {
  /** Who asked (may delete it; addressed by the buttons). */
  readonly askerId: string;
  /** Shown only to the asker. */
  readonly hidden: boolean;
  /** The user the answer is addressed to (pinged, and nobody else). */
  readonly targetId?: string;
  /** A line above the embed (e.g. which message "Find sources" looked at). */
  readonly intro?: string;
}

const CONFIDENCE_LINE = {
  high: 'Confidence: **high**. The passages below answer this directly.',
  medium: 'Confidence: **medium**. The passages below cover most of the question.',
  low: 'Confidence: **low**. The passages below only partly match; check them before relying on them.',
  none: 'Confidence: **none**.',
} as const;

/** The excerpt as Discord markdown: verbatim text escaped, matched words bold, on one line. */
export function excerptMarkdown(excerpt: AnswerExcerpt): string {
  return oneLine(formatExcerpt(excerpt.excerpt, (t) => `**${t}**`, escapeText));
}

function excerptField(excerpt: AnswerExcerpt, number: number): APIEmbedField {
  const link = `— ${citationLink(excerpt.citation)}`;
  const room = EMBED_FIELD_VALUE_MAX - link.length - 1;
  const text = room > 40 ? truncateMarkdown(excerptMarkdown(excerpt), room) : '';
  return { name: `Excerpt ${number}`, value: text === '' ? link : `${text}\n${link}` };
}

/** Characters of a closest passage shown on its one line when Footnote abstains. */
export const CLOSEST_LINE_TEXT_MAX = 90;

/** A closest passage of an abstention on one short line: its citation and the excerpt's start. */
function closestLine(excerpt: AnswerExcerpt): string {
  const plain = oneLine(formatExcerpt(excerpt.excerpt, (t) => t, (t) => t));
  return `• ${citationLink(excerpt.citation)}: “${escapeText(truncatePlain(plain, CLOSEST_LINE_TEXT_MAX))}”`;
}

/** Results `first`–`last` of a later page, said plainly ("Result 10" when it is one). */
export function resultsRange(first: number, last: number): string {
  return first === last ? `Result ${first}` : `Results ${first}–${last}`;
}

function description(page: AnswerPage): string {
  const { answer, offset } = page;
  if (!answer.answered) {
    const lines = [`**${ABSTAIN_HEADLINE}** ${escapeText(plainReason(answer.reason))}`];
    if (answer.excerpts.length === 0) lines.push('Nothing in the sources comes close. Try other words, or see `/sources`.');
    else lines.push('', 'The closest passages, which do not answer it:', ...answer.excerpts.map(closestLine));
    return lines.join('\n');
  }
  if (offset === 0) {
    const note = spellingNote(answer.readAs);
    return note === undefined ? CONFIDENCE_LINE[answer.confidence] : `${CONFIDENCE_LINE[answer.confidence]}\n${escapeText(note)}`;
  }
  // Later pages hold lower-ranked passages: the first page's confidence does not apply to them.
  const range = resultsRange(offset + 1, offset + answer.excerpts.length);
  return `${range}: lower-ranked passages that match the question less well than the first ${offset}. Check them before relying on them.`;
}

/** Label of the button that shows the next page. */
export const NEXT_LABEL = 'Next results';
/** Label of the button that shows the previous page. */
export const PREVIOUS_LABEL = 'Previous results';

/** The answer's buttons: More context, Previous/Next results, and Delete or Post publicly. */
function answerButtons(page: AnswerPage, view: AnswerView): ButtonSpec[] {
  const { askerId } = view;
  const buttons: ButtonSpec[] = [];
  const first = page.answer.excerpts[0];
  // An abstention shows its closest passages as one line each: no context or paging to offer.
  if (page.answer.answered) {
    if (first) buttons.push({ customId: encodeAskButton({ action: 'more', passageId: first.passageId }), label: 'More context', style: ButtonStyle.Primary });
    if (page.offset > 0) {
      const offset = Math.max(0, page.offset - ANSWER_PAGE_SIZE);
      buttons.push({ customId: encodeAskButton({ action: 'next', offset, askerId }), label: PREVIOUS_LABEL, style: ButtonStyle.Secondary });
    }
    const next = page.offset + ANSWER_PAGE_SIZE;
    if (page.hasMore || page.offset > 0) {
      buttons.push({
        customId: encodeAskButton({ action: 'next', offset: Math.min(next, MAX_OFFSET), askerId }),
        label: NEXT_LABEL,
        style: ButtonStyle.Secondary,
        ...(page.hasMore && next <= MAX_OFFSET ? {} : { disabled: true }),
      });
    }
  }
  buttons.push(
    view.hidden
      ? { customId: encodeAskButton({ action: 'public', askerId }), label: 'Post publicly', style: ButtonStyle.Success }
      : { customId: encodeAskButton({ action: 'delete', askerId }), label: 'Delete', style: ButtonStyle.Danger },
  );
  return buttons;
}

/**
 * Renders one page of an answer.
 *
 * @example renderAnswer(page, { askerId: '123', hidden: false }).embeds?.[0]?.fields?.length // 3
 */
export function renderAnswer(page: AnswerPage, view: AnswerView): ReplyMessage {
  const { answer } = page;
  const embed: APIEmbed = {
    color: answer.answered ? COLORS[answer.confidence] : COLORS.none,
    title: truncateMarkdown(escapeText(oneLine(answer.question)) || 'Your question', EMBED_TITLE_MAX),
    description: description(page),
    fields: answer.answered ? answer.excerpts.map((e, i) => excerptField(e, page.offset + i + 1)) : [],
    footer: { text: sourcesFooter(page.sources) },
  };
  const content = [view.targetId === undefined ? undefined : `<@${view.targetId}>, this answer is for you.`, view.intro]
    .filter((line): line is string => line !== undefined)
    .join('\n');
  return {
    ...(content === '' ? {} : { content }),
    embeds: [embed],
    // Feedback in a row of its own, so the paging row keeps its layout.
    buttons: [answerButtons(page, view), feedbackButtons(answer.answered && answer.excerpts.length > 0)],
    ...(view.targetId === undefined ? {} : { pingUsers: [view.targetId] }),
    ephemeral: view.hidden,
  };
}

/**
 * The question an answer embed was rendered for, read back from its title (used when a button
 * is clicked after a restart and the question is no longer in memory; a title shortened to fit
 * gives the shortened question).
 *
 * @example questionOfEmbed({ title: 'Who is \\*\\*it\\*\\*?' }) // 'Who is **it**?'
 */
export function questionOfEmbed(embed: Pick<APIEmbed, 'title'> | undefined): string | undefined {
  const title = embed?.title;
  if (title === undefined || title === '') return undefined;
  return unescapeText(title.endsWith('…') ? title.slice(0, -1) : title).trim() || undefined;
}
