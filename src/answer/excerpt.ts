import { splitSentences } from '../knowledge/sentences.js';
import type { Passage } from '../knowledge/types.js';
import type { QueryPlan } from '../retrieval/query.js';
import { conceptPositions } from '../retrieval/rerank.js';
import { tokenize } from '../retrieval/terms.js';
import { expectedKind, wordKinds } from './answer-kind.js';

/** The longest excerpt shown for one passage, in characters of source text. */
export const EXCERPT_MAX_CHARS = 400;
/** At most this many consecutive sentences make an excerpt. */
const EXCERPT_MAX_SENTENCES = 3;

/** A verbatim piece of a passage chosen for a question, with the words to highlight. */
export interface Excerpt {
  /** Verbatim source text: `document.text.slice(start, end)`. */
  readonly text: string;
  /** Offsets in the document's text. */
  readonly start: number;
  readonly end: number;
  /** Ranges of `text` (relative offsets) that matched the question. */
  readonly highlights: readonly (readonly [number, number])[];
  /** Whether the excerpt starts or ends inside a sentence (shown as `…`). */
  readonly cutBefore: boolean;
  readonly cutAfter: boolean;
}

interface Span { readonly start: number; readonly end: number }

/**
 * A word of the passage: the question concept it stands for (-1 when none), whether the
 * question uses it as written, whether it ends a word pair of the question, and the kinds of
 * answer it can be.
 */
interface Word {
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
interface QuestionForm {
  /** Its content words, lower case, each once. */
  readonly words: ReadonlyMap<string, number>;
  /** Its adjacent word pairs ("photographic memory"), lower case, each once; pairs of two stop words left out. */
  readonly pairs: ReadonlyMap<string, number>;
  /** Every word it uses, lower case. */
  readonly all: ReadonlySet<string>;
  readonly expects: number;
}

function questionForm(question: string): QuestionForm {
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

function wordsOf(plan: QueryPlan, form: QuestionForm, text: string, sentences: readonly Span[]): Word[] {
  const tokens = tokenize(text);
  const concepts = conceptPositions(plan, tokens.map((t) => t.term ?? ''));
  let sentence = 0;
  let previous = '';
  let previousAsked = false;
  return tokens.map((t, i): Word => {
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
function coveredWeight(words: readonly Word[], weights: readonly number[], span: Span): number {
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
function spanFeatures(words: readonly Word[], weights: readonly number[], form: QuestionForm, span: Span, maxChars: number): SpanFeatures {
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
function firstWordFrom(words: readonly Word[], offset: number): number {
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
function spanScore(f: SpanFeatures): number {
  let score = 0;
  for (const name in EXCERPT_WEIGHTS) score += EXCERPT_WEIGHTS[name as keyof SpanFeatures] * f[name as keyof SpanFeatures];
  return score;
}

/** A candidate excerpt of a passage, with its features and score. */
export interface ExcerptCandidate {
  readonly span: Span;
  readonly features: SpanFeatures;
  readonly score: number;
  /** Whether it cuts a sentence longer than the budget. */
  readonly cut: boolean;
}

/**
 * Every candidate excerpt: runs of 1–3 whole sentences within the budget, and for a sentence
 * over the budget its best window of words.
 */
function candidates(words: readonly Word[], weights: readonly number[], form: QuestionForm, sentences: readonly Span[], maxChars: number): ExcerptCandidate[] {
  const scored: ExcerptCandidate[] = [];
  const add = (span: Span, cut: boolean): void => {
    const features = spanFeatures(words, weights, form, span, maxChars);
    scored.push({ span, features, score: spanScore(features), cut });
  };
  sentences.forEach((sentence, first) => {
    if (sentence.end - sentence.start > maxChars) {
      add(bestWindowInside(words, weights, sentence, maxChars), true);
      return;
    }
    for (let count = 1; count <= EXCERPT_MAX_SENTENCES && first + count <= sentences.length; count++) {
      const span = { start: sentence.start, end: sentences[first + count - 1]!.end };
      if (span.end - span.start > maxChars) break;
      add(span, false);
    }
  });
  return scored;
}

/**
 * The candidate excerpts of a passage for a question, each with its features (for fitting
 * {@link EXCERPT_WEIGHTS}); `selectExcerpt` shows the best.
 */
export function excerptCandidates(
  plan: QueryPlan,
  weights: readonly number[],
  passage: Passage,
  maxChars: number = EXCERPT_MAX_CHARS,
  sentences: readonly Span[] = splitSentences(passage.text),
): ExcerptCandidate[] {
  const spans = sentences.length > 0 ? sentences : [{ start: 0, end: passage.text.length }];
  const form = questionForm(plan.question);
  return candidates(wordsOf(plan, form, passage.text, spans), weights, form, spans, maxChars);
}

/** A sentence too long to show whole: the window of its words that covers the most of the question. */
function bestWindowInside(allWords: readonly Word[], weights: readonly number[], sentence: Span, maxChars: number): Span {
  const words = allWords.filter((w) => w.start >= sentence.start && w.end <= sentence.end);
  let best: { span: Span; score: number } = { span: { start: sentence.start, end: sentence.start + maxChars }, score: -1 };
  let last = 0;
  for (let first = 0; first < words.length; first++) {
    last = Math.max(last, first);
    while (last + 1 < words.length && words[last + 1]!.end - words[first]!.start <= maxChars) last++;
    // Reach out to the sentence's edges (a quote, the full stop) only when they still fit.
    const wordsStart = words[first]!.start;
    const wordsEnd = words[last]!.end;
    const start = first === 0 && wordsEnd - sentence.start <= maxChars ? sentence.start : wordsStart;
    const end = last === words.length - 1 && sentence.end - start <= maxChars ? sentence.end : wordsEnd;
    const span = { start, end: Math.min(end, start + maxChars) }; // only a single giant word is cut
    const score = coveredWeight(words, weights, span);
    if (score > best.score) best = { span, score };
  }
  return best.span;
}

function highlightRanges(plan: QueryPlan, text: string): [number, number][] {
  const wanted = new Set(plan.weights.keys());
  const ranges: [number, number][] = [];
  for (const token of tokenize(text)) {
    if (token.term === null || !wanted.has(token.term)) continue;
    const end = token.start + token.word.length;
    const previous = ranges[ranges.length - 1];
    // Neighbouring matches separated only by spaces become one highlight ("Super Bowl").
    if (previous && /^ +$/.test(text.slice(previous[1], token.start))) previous[1] = end;
    else ranges.push([token.start, end]);
  }
  return ranges;
}

/**
 * Chooses the excerpt of a passage that best answers a question: the one to three consecutive
 * sentences, at most {@link EXCERPT_MAX_CHARS} long, that mention the most of the question
 * (by IDF weight); a single longer sentence is cut to its best window of words.
 *
 * @example selectExcerpt(plan, weights, passage).text // 'In 2022, the Foreign Malign Influence Center was set up …'
 */
export function selectExcerpt(
  plan: QueryPlan,
  weights: readonly number[],
  passage: Passage,
  maxChars: number = EXCERPT_MAX_CHARS,
  sentences: readonly Span[] = splitSentences(passage.text),
): Excerpt {
  const text = passage.text;
  const all = excerptCandidates(plan, weights, passage, maxChars, sentences);
  const best = all.reduce((a, b) => (b.score > a.score ? b : a));
  const { span, cut } = best;
  const excerptText = text.slice(span.start, span.end);
  const sentence = sentences.find((s) => s.start <= span.start && span.start < s.end);
  const sentenceEnd = sentences.find((s) => s.start < span.end && span.end <= s.end);
  return {
    text: excerptText,
    start: passage.start + span.start,
    end: passage.start + span.end,
    highlights: highlightRanges(plan, excerptText),
    cutBefore: cut && sentence !== undefined && sentence.start < span.start,
    cutAfter: cut && sentenceEnd !== undefined && span.end < sentenceEnd.end,
  };
}

/**
 * Writes an excerpt for display: `…` where it cuts a sentence and `mark` around highlights;
 * `escape` is applied to the verbatim text between them (e.g. Discord's markdown escaping).
 *
 * @example formatExcerpt(excerpt) // 'Russia was described as **remaining the top threat**.'
 */
export function formatExcerpt(
  excerpt: Excerpt,
  mark: (text: string) => string = (t) => `**${t}**`,
  escape: (text: string) => string = (t) => t,
): string {
  let out = excerpt.cutBefore ? '…' : '';
  let at = 0;
  for (const [start, end] of excerpt.highlights) {
    out += escape(excerpt.text.slice(at, start)) + mark(escape(excerpt.text.slice(start, end)));
    at = end;
  }
  out += escape(excerpt.text.slice(at));
  return excerpt.cutAfter ? `${out}…` : out;
}
