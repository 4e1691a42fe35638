/**
 * Related words: a question word the passage does not use may still be answered in other
 * words ("What did the Kremlin want?" by a sentence about Russia's support). Word vectors say
 * how alike two words are used; the re-ranker weighs, for each question word the passage
 * misses, its most similar word in the passage's best sentence.
 */
import type { WordNumbers } from './passage-surface.js';
import type { QueryPlan } from './query.js';
import { toTerm } from './terms.js';
import type { WordVectors } from './word-vectors.js';

/** For each word number of an index, its vector row; -1 for none or a stop word, -2 not read yet. */
const rowsByIndex = new WeakMap<WordNumbers, Int32Array>();

function surfaceWordRow(numbers: WordNumbers, vectors: WordVectors, word: number): number {
  let rows = rowsByIndex.get(numbers);
  if (rows === undefined || word >= rows.length) {
    const grown = new Int32Array(Math.max(1024, (word + 1) * 2)).fill(-2);
    if (rows !== undefined) grown.set(rows);
    rows = grown;
    rowsByIndex.set(numbers, rows);
  }
  let row = rows[word]!;
  if (row === -2) {
    const text = numbers.wordOf(word);
    row = text === undefined || toTerm(text) === null ? -1 : vectors.row(text);
    rows[word] = row;
  }
  return row;
}

/**
 * The vector row of each concept's word as written (lower-case), -1 when it has none.
 *
 * @example conceptRows(planQuery('What did the Kremlin want?', aliases), vectors) // [row of "kremlin", row of "want"]
 */
export function conceptRows(plan: QueryPlan, vectors: WordVectors | undefined): Int32Array {
  return Int32Array.from(plan.concepts, (c) => (vectors === undefined ? -1 : vectors.row(c.word.toLowerCase())));
}

/** The words a passage's related-word share is read from. */
export interface RelatedWordsInput {
  readonly vectors: WordVectors | undefined;
  readonly numbers: WordNumbers;
  /** See {@link conceptRows}. */
  readonly rows: Int32Array;
}

/**
 * The share of the question's weight that the passage misses but says in related words:
 * for each concept not matched, its weight times its best cosine similarity (at least 0) with a
 * content word of `words[from, to)` (the best sentence). 0 without word vectors.
 *
 * @example relatedShare(input, [1.2, 0.8], [true, false], surface.words, 0, 20) // 0.21
 */
export function relatedShare(
  input: RelatedWordsInput,
  weights: readonly number[],
  matched: readonly boolean[],
  words: Uint32Array,
  from: number,
  to: number,
): number {
  const { vectors, numbers, rows } = input;
  if (vectors === undefined) return 0;
  let total = 0;
  let related = 0;
  // The sentence's word rows, read once for all the concepts it misses (none when it misses none).
  let sentenceRows: number[] | undefined;
  for (let c = 0; c < rows.length; c++) {
    total += weights[c]!;
    if (matched[c] === true || rows[c]! < 0) continue;
    sentenceRows ??= sentenceWordRows(numbers, vectors, words, from, to);
    let best = 0;
    for (const row of sentenceRows) best = Math.max(best, vectors.similarity(rows[c]!, row));
    related += weights[c]! * best;
  }
  return total > 0 ? related / total : 0;
}

/** The vector rows of the content words of `words[from, to)` that have one. */
function sentenceWordRows(numbers: WordNumbers, vectors: WordVectors, words: Uint32Array, from: number, to: number): number[] {
  const found: number[] = [];
  for (let w = from; w < to; w++) {
    const row = surfaceWordRow(numbers, vectors, words[w]!);
    if (row >= 0) found.push(row);
  }
  return found;
}
