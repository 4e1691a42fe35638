/**
 * What excerpt selection measures: each word of a passage (the question concept it stands for,
 * whether the question uses it as written, the kind of answer it can be) and, for a candidate
 * excerpt, the features its fitted score weighs (see {@link EXCERPT_WEIGHTS}).
 */
import type { QueryPlan } from '../retrieval/query.js';
import { conceptPositions } from '../retrieval/rerank.js';
import { tokenize } from '../retrieval/terms.js';
import { expectedKind, wordKinds } from './answer-kind.js';

/** A character range of a passage's text. */
export interface Span { readonly start: number; readonly end: number }

/**
 * A word of the passage: the question concept it stands for (-1 when none), whether the
 * question uses it as written, whether it ends a word pair of the question, and the kinds of
 * answer it can be.
 */
export interface ExcerptWord {
  readonly start: number;
  readonly end: number;
  readonly concept: number;
  /** Index of the question word it is, as written (lower case), or -1. */
  readonly asked: number;
  /** Index of the question's word pair it completes with the word before it, or -1. */
  readonly pair: number;
  /** Kinds of answer the word can be that the question asks for (see `expectedKind`); 0 when it is a question word. */
  readonly answerKind: number;
  /** Index of its sentence in the passage. */
  readonly sentence: number;
}

/** What excerpt selection reads of a question besides its concepts: its words as written, their pairs, the kind of answer it asks for. */
export interface QuestionForm {
  /** Its content words, lower case, each once. */
  readonly words: ReadonlyMap<string, number>;
  /** Its adjacent word pairs ("photographic memory"), lower case, each once; pairs of two stop words left out. */
  readonly pairs: ReadonlyMap<string, number>;
  /** Every word it uses, lower case. */
  readonly all: ReadonlySet<string>;
  readonly expects: number;
}

/**
 * Reads a question's form for excerpt selection.
 *
 * @example questionForm('When was the treaty signed?').expects // ANSWER_KIND.date
 */
export function questionForm(question: string): QuestionForm {
  const tokens = tokenize(question);
  const words = new Map<string, number>();
  const pairs = new Map<string, number>();
  tokens.forEach((t, i) => {
    const lower = t.word.toLowerCase();
    if (t.term !== null && !words.has(lower)) words.set(lower, words.size);
    const before = tokens[i - 1];
    if (before === undefined || (before.term === null && t.term === null)) return;
    const pair = `${before.word.toLowerCase()} ${lower}`;
    if (!pairs.has(pair)) pairs.set(pair, pairs.size);
  });
  return { words, pairs, all: new Set(tokens.map((t) => t.word.toLowerCase())), expects: expectedKind(question) };
}

/** The words of a passage's text, each with what excerpt selection needs to know of it (see {@link ExcerptWord}). */
export function excerptWords(plan: QueryPlan, form: QuestionForm, text: string, sentences: readonly Span[]): ExcerptWord[] {
  const tokens = tokenize(text);
  const concepts = conceptPositions(plan, tokens.map((t) => t.term ?? ''));
  let sentence = 0;
  let previous = '';
  let previousAsked = false;
  return tokens.map((t, i): ExcerptWord => {
    let opens = i === 0;
    while (sentence < sentences.length && sentences[sentence]!.end <= t.start) {
      sentence++;
      opens = true;
    }
    const lower = t.word.toLowerCase();
    const asked = form.all.has(lower);
    // A pair of the question is two of its words: other neighbours are not looked up.
    const pair = previousAsked && asked ? (form.pairs.get(`${previous} ${lower}`) ?? -1) : -1;
    previous = lower;
    previousAsked = asked;
    return {
      start: t.start,
      end: t.start + t.word.length,
      concept: concepts[i]!,
      asked: asked ? (form.words.get(lower) ?? -1) : -1,
      pair,
      answerKind: asked || form.expects === 0 ? 0 : wordKinds(t.word, opens) & form.expects,
      sentence,
    };
  });
}

/** The question weight (IDF) of the distinct concepts mentioned by the words inside a span. */
export function coveredWeight(words: readonly ExcerptWord[], weights: readonly number[], span: Span): number {
  const seen = new Set<number>();
  let sum = 0;
  for (let w = firstWordFrom(words, span.start); w < words.length; w++) {
    const word = words[w]!;
    if (word.end > span.end) break;
    if (word.concept < 0 || seen.has(word.concept)) continue;
    seen.add(word.concept);
    sum += weights[word.concept]!;
  }
  return sum;
}

/** How an excerpt matches the question; each value is in [0, 1]. */
export interface SpanFeatures {
  /** Share of the question's weight (IDF) its words mention. */
  readonly coverage: number;
  /** Share of the question's content words it uses as written. */
  readonly words: number;
  /** Share of the question's adjacent word pairs it has adjacent too. */
  readonly pairs: number;
  /** 1 when it holds a word of the kind of answer the question asks for (see `expectedKind`) that the question does not use. */
  readonly answerKind: number;
  /** Its length as a share of the longest excerpt. */
  readonly length: number;
  /** Share of the question's content words its best sentence (the one using most of them) uses. */
  readonly sentenceWords: number;
  /** 1 when its best sentence holds a word of the asked kind (see `answerKind`). */
  readonly sentenceKind: number;
  /** 1 when it goes on after its best sentence: an answer often follows the sentence that repeats the question. */
  readonly follows: number;
  /** 1 when it starts before its best sentence. */
  readonly precedes: number;
}

/**
 * Weights of the excerpt score, a linear score over {@link SpanFeatures}: a logistic model of
 * "this excerpt holds the answer", fitted by `npm run fit -- excerpts
 * ../shared/squad/questions-all.jsonl --exclude ../shared/squad/dev-1000.jsonl` on the candidate
 * excerpts of the gold paragraphs of 9,570 SQuAD training questions (never dev-1000, which
 * measures it: answer@3 0.874 → 0.882 against coverage alone).
 */
export const EXCERPT_WEIGHTS: Readonly<Record<keyof SpanFeatures, number>> = {
  coverage: 3.255,
  words: 0.461,
  pairs: 1.673,
  answerKind: -0.305,
  length: 0.698,
  sentenceWords: 0.917,
  sentenceKind: 0.522,
  follows: 0.234,
  precedes: 0.133,
};

/** Measures a span of a passage against the question (see {@link SpanFeatures}). */
export function spanFeatures(words: readonly ExcerptWord[], weights: readonly number[], form: QuestionForm, span: Span, maxChars: number): SpanFeatures {
  const total = weights.reduce((a, b) => a + b, 0);
  const concepts = new Set<number>();
  const asked = new Set<number>();
  const pairs = new Set<number>();
  let covered = 0;
  let answerKind = 0;
  // The span's best sentence: the one using the most question words (the first on a tie).
  const inSentence = new Set<number>();
  let sentence = -1;
  let sentenceHasKind = false;
  let best = -1;
  let bestAsked = -1;
  let bestHasKind = false;
  let first = -1;
  const closeSentence = (): void => {
    if (sentence >= 0 && inSentence.size > bestAsked) {
      best = sentence;
      bestAsked = inSentence.size;
      bestHasKind = sentenceHasKind;
    }
  };
  for (let w = firstWordFrom(words, span.start); w < words.length; w++) {
    const word = words[w]!;
    if (word.end > span.end) break;
    if (word.sentence !== sentence) {
      closeSentence();
      sentence = word.sentence;
      inSentence.clear();
      sentenceHasKind = false;
      if (first < 0) first = sentence;
    }
    if (word.concept >= 0 && !concepts.has(word.concept)) {
      concepts.add(word.concept);
      covered += weights[word.concept]!;
    }
    if (word.asked >= 0) {
      asked.add(word.asked);
      inSentence.add(word.asked);
    }
    // A pair counts when both its words are inside the span: not on the span's first word.
    if (word.pair >= 0 && w > 0 && words[w - 1]!.start >= span.start) pairs.add(word.pair);
    if (word.answerKind !== 0) {
      answerKind = 1;
      sentenceHasKind = true;
    }
  }
  closeSentence();
  return {
    coverage: total > 0 ? covered / total : 0,
    words: form.words.size > 0 ? asked.size / form.words.size : 0,
    pairs: form.pairs.size > 0 ? pairs.size / form.pairs.size : 0,
    answerKind,
    length: (span.end - span.start) / maxChars,
    sentenceWords: form.words.size > 0 ? Math.max(0, bestAsked) / form.words.size : 0,
    sentenceKind: bestHasKind ? 1 : 0,
    follows: sentence > best ? 1 : 0,
    precedes: first < best ? 1 : 0,
  };
}

/** Index of the first word starting at or after `offset` (words are in text order). */
function firstWordFrom(words: readonly ExcerptWord[], offset: number): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (words[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The excerpt score of a span: {@link EXCERPT_WEIGHTS} over its {@link SpanFeatures}. */
export function spanScore(f: SpanFeatures): number {
  let score = 0;
  for (const name in EXCERPT_WEIGHTS) score += EXCERPT_WEIGHTS[name as keyof SpanFeatures] * f[name as keyof SpanFeatures];
  return score;
}
