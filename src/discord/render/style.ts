/**
 * Shared pieces of Footnote's embeds: colours, citation links and the "source" footer.
 */
import type { Citation } from '../../answer/citation.js';
import { SECTION_SEPARATOR } from '../../knowledge/chunk.js';
import type { SourceNote } from '../../service/knowledge-service.js';
import { maskedLink } from '../escape.js';
import { CHOICE_NAME_MAX } from '../limits.js';
import { truncatePlain } from '../truncate.js';

/** Embed colours. */
export const COLORS = {
  high: 0x2ecc71,
  medium: 0x5865f2,
  low: 0xf1c40f,
  none: 0x95a5a6,
  info: 0x5865f2,
  error: 0xe74c3c,
} as const;

/**
 * `Title › Section ¶n`.
 *
 * @example citationLabel({ title: 'A', section: 'B', paragraph: 2, source: 'k/a.md' }) // 'A › B ¶2'
 */
export function citationLabel(citation: Pick<Citation, 'title' | 'section' | 'paragraph'>): string {
  return `${[citation.title, citation.section].filter(Boolean).join(SECTION_SEPARATOR)} ¶${citation.paragraph}`;
}

/**
 * The citation as a masked link to the source, or as text when it has no URL (never the file's
 * path: members see titles, not the bot's disk).
 *
 * @example citationLink(citation) // '[A › B ¶2](https://example.org/a#B)'
 */
export function citationLink(citation: Citation): string {
  return maskedLink(citationLabel(citation), citation.url);
}

/**
 * Footer text naming the documents quoted and their licences (footers show plain text).
 *
 * @example sourcesFooter([{ title: 'A', license: 'CC0' }]) // 'Source: A (CC0) · quoted verbatim'
 */
export function sourcesFooter(sources: readonly SourceNote[]): string {
  if (sources.length === 0) return 'Footnote answers only from its sources';
  const names = sources.map((s) => (s.license === undefined ? s.title : `${s.title} (${s.license})`));
  return `${sources.length === 1 ? 'Source' : 'Sources'}: ${names.join(' · ')} · quoted verbatim`;
}

/** Collapses runs of whitespace to one space (titles and one-line texts). */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A title is shortened to no less than this in a choice name before the rest is cut. */
const CHOICE_TITLE_MIN = 24;

/**
 * An autocomplete choice name `Title › Section<rest>` within {@link CHOICE_NAME_MAX}: the title
 * gives way first (the section is what tells choices apart), then the end.
 *
 * @example headingChoiceName('A very long document title …', 'Background', ' ¶1') // 'A very long doc… › Background ¶1'
 */
export function headingChoiceName(title: string, section: string, rest = ''): string {
  const tail = `${section === '' ? '' : `${SECTION_SEPARATOR}${oneLine(section)}`}${oneLine(rest) === '' ? '' : rest.replace(/\s+/g, ' ')}`;
  const full = `${oneLine(title)}${tail}`;
  if (full.length <= CHOICE_NAME_MAX) return full;
  const titleRoom = Math.max(CHOICE_TITLE_MIN, CHOICE_NAME_MAX - tail.length);
  return truncatePlain(`${truncatePlain(oneLine(title), titleRoom)}${tail}`, CHOICE_NAME_MAX);
}

/** A document title named after a passage choice is cut to this. */
const CHOICE_SHORT_TITLE_MAX = 28;
/** The snippet always keeps at least this much of a choice name. */
const CHOICE_SNIPPET_MIN = 30;

/** What a passage choice is made of (a `PassageSuggestion`). */
export interface PassageChoiceParts {
  readonly title: string;
  readonly section: string;
  readonly paragraph: number;
  readonly snippet: string;
}

/**
 * A /search choice name that leads with what tells passages apart: the innermost section (the
 * title for a document's lead), the paragraph and the snippet; the document's title, shortened,
 * only when the choices come from more than one document.
 *
 * @example passageChoiceName({ title: 'Bees', section: 'Hives › Winter', paragraph: 2, snippet: 'Bees cluster …' }, false)
 * // 'Winter ¶2 — Bees cluster …'
 */
export function passageChoiceName(parts: PassageChoiceParts, showTitle: boolean): string {
  const leaf = parts.section === '' ? truncatePlain(oneLine(parts.title), CHOICE_SHORT_TITLE_MAX) : oneLine(parts.section.split(SECTION_SEPARATOR).at(-1) ?? '');
  const head = `${truncatePlain(leaf, CHOICE_NAME_MAX - CHOICE_SNIPPET_MIN - 8)} ¶${parts.paragraph} — `;
  const tail = showTitle && parts.section !== '' ? ` · ${truncatePlain(oneLine(parts.title), CHOICE_SHORT_TITLE_MAX)}` : '';
  const room = Math.max(CHOICE_SNIPPET_MIN, CHOICE_NAME_MAX - head.length - tail.length);
  return truncatePlain(`${head}${truncatePlain(oneLine(parts.snippet), room)}${tail}`, CHOICE_NAME_MAX);
}
