import type { PassageSurface, WordNumbers } from './passage-surface.js';
import { sentenceEnd } from './passage-surface.js';
import { scanWords, toTerm } from './terms.js';

/**
 * The words of a text as written (lower-cased, not stemmed, stop words kept). People who
 * write a question while reading the passage copy its words and short phrases ("the first
 * time", "was founded in"); stems and stop-word-free terms cannot see that, surface words can.
 *
 * @example surfaceWords('Who founded the Duchy?') // ['who', 'founded', 'the', 'duchy']
 */
export function surfaceWords(text: string): string[] {
  const words: string[] = [];
  scanWords(text, (start, end) => words.push(text.slice(start, end).toLowerCase()));
  return words;
}

/** Question words that say what kind of answer is wanted, not what it is about: never evidence. */
const ASKING_WORDS: ReadonlySet<string> = new Set([
  'what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how',
  'is', 'are', 'was', 'were', 'do', 'does', 'did', 'can', 'could', 'would', 'should',
]);

/** Two word numbers as one number (word numbers stay far below 2^26). */
const pairKey = (first: number, second: number): number => first * 67_108_864 + second;

/** A question's surface words, numbered like the passages' words, ready to be looked for. */
export interface QuestionSurface {
  /** Numbers of its distinct words, asking words ("what", "did") left out; -1 for words no passage uses. */
  readonly words: readonly number[];
  /** Keys of its distinct adjacent pairs, except pairs of two asking words ("what is"). */
  readonly pairs: ReadonlySet<number>;
  /** How many such pairs the question has (pairs with an unknown word included). */
  readonly pairCount: number;
  /** Every word's number in order (for the longest shared run). */
  readonly sequence: readonly number[];
  /** For each of `words`, its index term (null for a stop word): a word stands for its concept. */
  readonly terms: readonly (string | null)[];
}

/**
 * Analyses a question's surface (see {@link surfaceWords}).
 *
 * @example questionSurface('When was the Duchy founded?', numbers).pairCount // 3: "was the", "the duchy", "duchy founded"
 */
export function questionSurface(question: string, numbers: WordNumbers): QuestionSurface {
  const written = surfaceWords(question);
  const sequence = written.map((w) => numbers.find(w));
  const distinct = [...new Set(written.filter((w) => !ASKING_WORDS.has(w)))];
  const words = distinct.map((w) => numbers.find(w));
  const pairs = new Set<number>();
  const pairTexts = new Set<string>();
  for (let i = 1; i < written.length; i++) {
    if (ASKING_WORDS.has(written[i - 1]!) && ASKING_WORDS.has(written[i]!)) continue;
    pairTexts.add(`${written[i - 1]} ${written[i]}`);
    if (sequence[i - 1]! >= 0 && sequence[i]! >= 0) pairs.add(pairKey(sequence[i - 1]!, sequence[i]!));
  }
  // Terms come from the lower-cased word: "ai" finds no acronym term, so the caller matches
  // concepts by their lower-case term and by the typed word's term alike.
  return { words, pairs, pairCount: pairTexts.size, sequence, terms: distinct.map((w) => toTerm(w)) };
}

/**
 * Share of the question's words found in words `[from, to)` of a passage. A word also counts
 * as found when `matchedOtherwise(term)` says its concept is there in other words ("AI" as
 * "artificial intelligence"): the question's words are then in the passage, only spelled out.
 *
 * @example wordShare(question, surface) // 0.75
 */
export function wordShare(
  question: QuestionSurface,
  surface: PassageSurface,
  matchedOtherwise: (term: string) => boolean = () => false,
  from = 0,
  to = surface.words.length,
): number {
  if (question.words.length === 0) return 0;
  let found = 0;
  for (let w = 0; w < question.words.length; w++) {
    const word = question.words[w]!;
    const term = question.terms[w];
    if (term !== null && term !== undefined && matchedOtherwise(term)) {
      found++;
      continue;
    }
    if (word < 0) continue;
    for (let i = from; i < to; i++) {
      if (surface.words[i] === word) {
        found++;
        break;
      }
    }
  }
  return found / question.words.length;
}

/** Share of the question's adjacent word pairs found in words `[from, to)` of a passage. */
export function pairShare(question: QuestionSurface, surface: PassageSurface, from = 0, to = surface.words.length): number {
  if (question.pairCount === 0 || question.pairs.size === 0) return 0;
  const found = new Set<number>();
  for (let i = from + 1; i < to; i++) {
    const key = pairKey(surface.words[i - 1]!, surface.words[i]!);
    if (question.pairs.has(key)) found.add(key);
  }
  return found.size / question.pairCount;
}

/**
 * The longest run of consecutive words the question shares with sentence `s` of a passage,
 * e.g. 3 for "founded the Duchy" in both.
 */
export function longestSharedRun(question: QuestionSurface, surface: PassageSurface, s: number): number {
  const from = surface.sentenceStarts[s] ?? 0;
  const to = sentenceEnd(surface, s);
  const { sequence } = question;
  let longest = 0;
  for (let i = 0; i < sequence.length; i++) {
    if (sequence[i]! < 0) continue;
    for (let j = from; j < to; j++) {
      let run = 0;
      while (i + run < sequence.length && j + run < to && sequence[i + run] === surface.words[j + run]) run++;
      if (run > longest) longest = run;
    }
  }
  return longest;
}

