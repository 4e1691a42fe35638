/**
 * Sentence boundaries for chunking and excerpt selection: ICU's sentence segmenter, corrected
 * where it cuts citations apart ("Matthew G. | Olsen", "Dr. | Smith", "The U.K. | Government").
 */
import { LIST_ITEM_START } from './list-marker.js';
import { trimRange } from './lines.js';

/** A character range `[start, end)`. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** Reused across calls: building a segmenter costs far more than segmenting a paragraph. */
const SEGMENTER = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Without one of these characters ICU finds no boundary, so the text is one sentence. */
const MAY_BREAK = /[\p{Sentence_Terminal}\n\r\u0085\u2028\u2029]/u;

/** Abbreviations that ICU ends a sentence after when a capital follows (case-sensitive: "no." ends sentences). */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'St', 'Jr', 'Sr', 'vs', 'etc', 'No', 'Inc', 'Ltd', 'Co', 'Corp',
  'Gen', 'Gov', 'Sen', 'Rep', 'Lt', 'Col', 'Capt', 'Mt', 'Fig',
]);

/** "G", "U.S", "e.g", "p.m": an initial or a dotted abbreviation. */
const INITIALS = /^(?:\p{L}\.)*\p{Lu}$|^(?:\p{L}\.)+\p{L}$/u;
/** Punctuation that may open a word, e.g. the "(" of "(Dr. Smith)". */
const OPENING_PUNCTUATION = /^[("'“‘[]+/;
/** A sentence that ends properly: terminal punctuation, maybe followed by closing quotes or brackets. */
const TERMINATED = /[\p{Sentence_Terminal}]["'”’)\]]*$/u;
/** Enough characters to see a sentence's ending (anchored regexes over a whole paragraph are slow). */
const ENDING_CHARS = 16;
const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;
const WHITESPACE = /\s/;

/**
 * Splits text into sentence ranges, trimmed of surrounding whitespace, with `offset` added
 * (pass the text's position in its document to get document offsets). Pure and fast: text
 * without sentence punctuation or line breaks is one range without calling ICU.
 *
 * Two corrections to ICU: a piece ending in an initial or a known abbreviation ("G.", "U.S.", "Dr.")
 * joins the next one; a line broken without terminal punctuation ("… is O\n2. Diatomic …") joins
 * the next line unless both start list items.
 *
 * @example splitSentences('Matthew G. Olsen spoke. He left.', 10) // [{ start: 10, end: 33 }, { start: 34, end: 42 }]
 */
export function splitSentences(text: string, offset = 0): TextRange[] {
  const whole = trimRange(text, 0, text.length);
  if (whole.start === whole.end) return [];
  if (!MAY_BREAK.test(text)) return [{ start: whole.start + offset, end: whole.end + offset }];

  const ranges: TextRange[] = [];
  let pending: TextRange | undefined;
  let pendingBrokeLine = false;
  for (const { segment, index } of SEGMENTER.segment(text)) {
    const piece = trimRange(text, index, index + segment.length);
    if (piece.start === piece.end) continue;
    if (pending !== undefined && !joinsNext(text, pending, pendingBrokeLine, piece)) {
      ranges.push(pending);
      pending = undefined;
    }
    pending = { start: pending?.start ?? piece.start, end: piece.end };
    pendingBrokeLine = LINE_BREAK.test(text.slice(piece.end, index + segment.length));
  }
  if (pending !== undefined) ranges.push(pending);
  return offset === 0 ? ranges : ranges.map((range) => ({ start: range.start + offset, end: range.end + offset }));
}

/** Whether the sentence so far (`current`) continues into `next`. */
function joinsNext(text: string, current: TextRange, brokeLine: boolean, next: TextRange): boolean {
  if (brokeLine) {
    if (TERMINATED.test(text.slice(Math.max(current.start, current.end - ENDING_CHARS), current.end))) return false;
    const nextStartsItem = LIST_ITEM_START.test(text.slice(next.start, next.end));
    return !(nextStartsItem && LIST_ITEM_START.test(text.slice(current.start, current.end)));
  }
  if (text.charAt(current.end - 1) !== '.') return false;
  const lastWord = text.slice(lastWordStart(text, current), current.end - 1).replace(OPENING_PUNCTUATION, '');
  return INITIALS.test(lastWord) || ABBREVIATIONS.has(lastWord);
}

/** Start of the last whitespace-delimited word of a range. */
function lastWordStart(text: string, range: TextRange): number {
  let index = range.end;
  while (index > range.start && !WHITESPACE.test(text.charAt(index - 1))) index -= 1;
  return index;
}
