import type { SearchIndex } from './search-index.js';
import { isAcronymTerm, scanWords, toTerm } from './terms.js';

/**
 * Spelling tolerance for names. A question that misspells a name ("Ghandi", "Univeristy",
 * "Shirey") would otherwise abstain outright: the knowledge never mentions the word as typed.
 * The correction is the knowledge's own spelling of a name nearest to it, read as an
 * alternative of the question's word, so search, highlighting, coverage and abstention all
 * see it (and abstention accepts it only when the best passage mentions it).
 *
 * The rule, chosen on SQuAD dev-1000 and leave-articles-out (see the commit messages):
 * - only a name (capitalised inside the question) of at least {@link MIN_NAME_LENGTH}
 *   letters that the knowledge never uses; never an acronym or a word with digits;
 * - read as a word the knowledge writes as a name (capitalised inside a sentence), with the
 *   same first letter, one edit or one swap of adjacent letters away ("Shirey" → Shirley,
 *   "Univeristy" → University), or for words of {@link LONG_NAME_LENGTH} letters or more, the
 *   same letters with one moved ("Ghandi" → Gandhi);
 * - the nearest spellings only, the most frequent first, at most {@link MAX_CORRECTIONS}.
 * Allowing lower-case words or any two edits answered out-of-scope questions ("Georgia" read
 * as "George"); shorter names and longer thresholds lost corrections and gained nothing.
 */

/** Shorter names are not corrected: too many other words lie one letter away. */
export const MIN_NAME_LENGTH = 5;
/** From this many letters on, a name may be two edits from the knowledge's spelling ("Ghandi" → Gandhi). */
export const LONG_NAME_LENGTH = 6;
/** At most this many spellings are read for one misspelled name. */
export const MAX_CORRECTIONS = 2;
/** How many passages holding a term are read to see how the knowledge writes it. */
const SPELLING_PASSAGES = 3;

/** A spelling of the knowledge read instead of a word it never uses. */
export interface NameCorrection {
  /** The index term read instead. */
  readonly term: string;
  /** The word as the knowledge writes it ("Gandhi"), to show which word was read. */
  readonly word: string;
}

/** What correction needs from the knowledge's vocabulary. */
export interface Vocabulary {
  /** In how many passages a term occurs (0 when never). */
  frequency(term: string): number;
  /** The index terms one edit (Levenshtein) away from `term`. */
  oneEditAway(term: string): Iterable<string>;
  /**
   * A word the knowledge writes for `term`: capitalised inside a sentence when it is written
   * so (a name), else in lower case (a sentence's first word says nothing about case).
   */
  spelling(term: string): string | undefined;
}

const MARKS = /\p{M}+/gu;
const fold = (word: string): string => word.toLowerCase().normalize('NFKD').replace(MARKS, '');
const ACRONYM_OR_DIGITS = /^[\p{Lu}\p{N}]+s?$|\p{N}/u;
const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);

/** Whether the word at `start` opens a sentence (or the text): nothing but spaces and quotes after a full stop. */
function startsSentence(text: string, start: number): boolean {
  let at = start - 1;
  while (at >= 0 && /[\s"'“‘(]/u.test(text[at]!)) at--;
  return at < 0 || /[.!?:]/.test(text[at]!);
}

/**
 * Index terms of the word with its letters rearranged, the first kept: two adjacent letters
 * swapped ("Univeristy"), and for long words one letter moved elsewhere ("Ghandi" → gandhi).
 * A few dozen stems, however large the vocabulary.
 */
function rearrangements(folded: string, moves: boolean): Set<string> {
  const words = new Set<string>();
  for (let i = 1; i + 1 < folded.length; i++) words.add(folded.slice(0, i) + folded[i + 1] + folded[i] + folded.slice(i + 2));
  if (moves) {
    for (let from = 1; from < folded.length; from++) {
      const rest = folded.slice(0, from) + folded.slice(from + 1);
      for (let to = 1; to <= rest.length; to++) if (to !== from) words.add(rest.slice(0, to) + folded[from] + rest.slice(to));
    }
  }
  words.delete(folded);
  const terms = new Set<string>();
  for (const word of words) {
    const term = toTerm(word);
    if (term !== null) terms.add(term);
  }
  return terms;
}

/**
 * Edit distance with adjacent swaps counting one edit (optimal string alignment), or
 * `limit + 1` once it must exceed `limit`.
 *
 * @example spellingDistance('univeristy', 'university', 2) // 1
 */
export function spellingDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length]!, limit + 1);
}

const sortedLetters = (word: string): string => [...word].sort().join('');

/**
 * How far a spelling of the knowledge is from the typed word, when near enough to be read
 * instead: one edit or swap, or two when the word is long and has exactly the spelling's
 * letters (one letter moved: "Ghandi" → Gandhi). `undefined` when too far.
 */
function correctionDistance(typed: string, spelling: string): number | undefined {
  const distance = spellingDistance(typed, spelling, 2);
  if (distance <= 1) return distance;
  if (distance === 2 && typed.length >= LONG_NAME_LENGTH && sortedLetters(typed) === sortedLetters(spelling)) return distance;
  return undefined;
}

/**
 * The knowledge's spellings of a name it never uses as typed, nearest first; empty when none
 * is near enough, and always for short words and acronyms. Candidates are the index terms one
 * edit from the word's term (MiniSearch's radix tree) and the terms of its rearrangements;
 * each is judged by how the knowledge writes it, as a name, against the word as typed.
 *
 * @example correctName('Univeristy', vocabulary) // [{ term: 'univers', word: 'University' }]
 */
export function correctName(word: string, vocabulary: Vocabulary): NameCorrection[] {
  if (ACRONYM_OR_DIGITS.test(word)) return [];
  const folded = fold(word);
  const term = toTerm(word);
  if (term === null || folded.length < MIN_NAME_LENGTH || vocabulary.frequency(term) > 0) return [];
  // One edit through MiniSearch's radix tree; the rest are rearrangements looked up one by one
  // (a radix-tree lookup within two edits visits far more of a large vocabulary).
  const terms = new Set(vocabulary.oneEditAway(term));
  for (const rearranged of rearrangements(folded, folded.length >= LONG_NAME_LENGTH)) if (vocabulary.frequency(rearranged) > 0) terms.add(rearranged);
  const candidates: (NameCorrection & { distance: number; frequency: number })[] = [];
  for (const near of terms) {
    if (near === term || near[0] !== term[0] || isAcronymTerm(near)) continue;
    const spelling = vocabulary.spelling(near);
    if (spelling === undefined || !isCapitalised(spelling)) continue;
    const distance = correctionDistance(folded, fold(spelling));
    if (distance !== undefined) candidates.push({ term: near, word: spelling, distance, frequency: vocabulary.frequency(near) });
  }
  if (candidates.length === 0) return [];
  const nearest = Math.min(...candidates.map((c) => c.distance));
  return candidates
    .filter((c) => c.distance === nearest)
    .sort((a, b) => b.frequency - a.frequency || a.term.localeCompare(b.term))
    .slice(0, MAX_CORRECTIONS)
    .map(({ term: t, word: w }) => ({ term: t, word: w }));
}

/**
 * The vocabulary of a search index, read through MiniSearch's radix tree and the postings:
 * nothing here walks the whole vocabulary, and a spelling is read from at most
 * {@link SPELLING_PASSAGES} passages: a correction costs 0.1–0.2 ms (SQuAD, SciFact).
 */
export function indexVocabulary(index: SearchIndex): Vocabulary {
  return {
    frequency: (term) => index.documentFrequency.get(term) ?? 0,
    oneEditAway: (term) => index.miniSearch.termsNear(term, 1).keys(),
    spelling: (term) => {
      let found: string | undefined;
      const first = term.charCodeAt(0);
      for (const id of index.miniSearch.passagesWith(term, SPELLING_PASSAGES)) {
        const { text } = index.knowledge.passages[id]!;
        scanWords(text, (start, end) => {
          if (found !== undefined && isCapitalised(found)) return;
          // Only words starting with the term's letter can be it (ASCII, either case): no string is made for the others.
          const code = text.charCodeAt(start);
          if (code < 0x80 && (code | 0x20) !== first) return;
          const word = text.slice(start, end);
          if (toTerm(word) !== term) return;
          // A capital that starts a sentence says nothing: the word is kept in lower case then.
          if (found === undefined || (isCapitalised(word) && !startsSentence(text, start))) found = startsSentence(text, start) ? word.toLowerCase() : word;
        });
        if (found !== undefined && isCapitalised(found)) break;
      }
      return found;
    },
  };
}
