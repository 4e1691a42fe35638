/**
 * Type-ahead suggestions: passages whose heading ("Title › Section") or text match what someone
 * has typed so far. A plain word-prefix scan, not a ranked search, so it stays well inside an
 * autocomplete's time budget and behaves predictably while a word is half typed.
 */
import { SECTION_SEPARATOR } from '../knowledge/chunk.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { inCollections } from './search.js';

/** Suggestions returned when the caller does not say (Discord shows at most 25). */
export const DEFAULT_SUGGESTIONS = 25;
/** Only this much of what was typed is looked at. */
export const SUGGEST_INPUT_MAX = 100;
/** Words of passage text shown after the heading in a label. */
const SNIPPET_WORDS = 12;

/** One suggested passage. */
export interface PassageSuggestion {
  readonly passageId: string;
  /** `Title › Section ¶n — first words of the passage` (not shortened: the caller fits it). */
  readonly label: string;
  readonly title: string;
  readonly section: string;
  readonly paragraph: number;
  /** The first words of the passage. */
  readonly snippet: string;
}

interface Entry extends PassageSuggestion {
  /** Normalised heading and text, each with a leading space so `includes(' ' + word)` finds word starts. */
  readonly heading: string;
  readonly text: string;
  /** First passage of its section: shown when nothing has been typed. */
  readonly opensSection: boolean;
  /** The document's collection (undefined: the top level, seen by every collection). */
  readonly collection?: string;
}

/** The prepared entries of one knowledge base; build once per index. */
export interface SuggestionTable {
  readonly entries: readonly Entry[];
}

const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Lower-case words without accents, separated by single spaces.
 *
 * @example normalizeForMatch('Café, Crème!') // 'cafe creme'
 */
export function normalizeForMatch(text: string): string {
  // Plain ASCII (most passages) has nothing to decompose, and once lower-cased its letters and
  // digits are a–z and 0–9: the same result without Unicode classes, several times faster
  // (the bot normalises every passage when it loads the knowledge).
  if (ASCII.test(text)) return text.toLowerCase().replace(ASCII_NOT_WORD, ' ').trim();
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(NOT_WORD, ' ').trim();
}

const ASCII = /^[\x00-\x7f]*$/;
const ASCII_NOT_WORD = /[^a-z0-9]+/g;
const WORD = /\S+/g;

/** The first {@link SNIPPET_WORDS} words, and ' …' when there are more (only those are read). */
const snippet = (text: string): string => {
  const words: string[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null && words.length <= SNIPPET_WORDS; match = WORD.exec(text)) words.push(match[0]);
  return words.slice(0, SNIPPET_WORDS).join(' ') + (words.length > SNIPPET_WORDS ? ' …' : '');
};

/**
 * Prepares the suggestion entries of a knowledge base.
 *
 * @example const table = buildSuggestionTable(index.knowledge);
 */
export function buildSuggestionTable(knowledge: KnowledgeBase): SuggestionTable {
  let previousKey = '';
  const entries = knowledge.passages.map((passage): Entry => {
    const heading = [passage.title, passage.section].filter(Boolean).join(SECTION_SEPARATOR);
    const key = `${passage.documentIndex}\u0000${passage.section}`;
    const opensSection = key !== previousKey;
    previousKey = key;
    const start = snippet(passage.text);
    const collection = knowledge.documents[passage.documentIndex]?.collection;
    return {
      ...(collection === undefined ? {} : { collection }),
      passageId: passage.id,
      label: `${heading} ¶${passage.paragraph} — ${start}`,
      title: passage.title,
      section: passage.section,
      paragraph: passage.paragraph,
      snippet: start,
      heading: ` ${normalizeForMatch(heading)}`,
      text: ` ${normalizeForMatch(passage.text)}`,
      opensSection,
    };
  });
  return { entries };
}

/**
 * Passages matching what was typed: every typed word must start a word of the heading or the
 * text; heading matches rank first, then document order. Nothing typed lists section openings.
 * With `collections`, only passages those collections see are suggested.
 *
 * @example suggestPassages(table, 'backgr').map((s) => s.label)[0] // 'Foreign … › Background ¶1 — Before the election …'
 */
export function suggestPassages(table: SuggestionTable, typed: string, limit: number = DEFAULT_SUGGESTIONS, collections?: readonly string[]): PassageSuggestion[] {
  const words = normalizeForMatch(typed.slice(0, SUGGEST_INPUT_MAX)).split(' ').filter(Boolean);
  const pick = ({ passageId, label, title, section, paragraph, snippet: start }: Entry): PassageSuggestion => ({
    passageId,
    label,
    title,
    section,
    paragraph,
    snippet: start,
  });
  const seen = (entry: Entry): boolean => inCollections(entry, collections);
  if (words.length === 0) return table.entries.filter((e) => e.opensSection && seen(e)).slice(0, limit).map(pick);

  const scored: { entry: Entry; score: number; order: number }[] = [];
  table.entries.forEach((entry, order) => {
    if (!seen(entry)) return;
    let score = 0;
    for (const word of words) {
      if (entry.heading.includes(` ${word}`)) score += 3;
      else if (entry.text.includes(` ${word}`)) score += 1;
      else return;
    }
    scored.push({ entry, score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.slice(0, limit).map((s) => pick(s.entry));
}
