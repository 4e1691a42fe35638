import { splitSentences } from '../knowledge/sentences.js';
import type { Passage } from '../knowledge/types.js';
import type { QueryPlan } from '../retrieval/query.js';
import { tokenize } from '../retrieval/terms.js';
import { coveredWeight, excerptWords, questionForm, spanFeatures, spanScore, type ExcerptWord, type QuestionForm, type Span, type SpanFeatures } from './excerpt-features.js';

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
function candidates(words: readonly ExcerptWord[], weights: readonly number[], form: QuestionForm, sentences: readonly Span[], maxChars: number): ExcerptCandidate[] {
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
  return candidates(excerptWords(plan, form, passage.text, spans), weights, form, spans, maxChars);
}

/** A sentence too long to show whole: the window of its words that covers the most of the question. */
function bestWindowInside(allWords: readonly ExcerptWord[], weights: readonly number[], sentence: Span, maxChars: number): Span {
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
 * Chooses the excerpt of a passage that best answers a question: among runs of one to three
 * consecutive sentences, at most {@link EXCERPT_MAX_CHARS} long (a single longer sentence cut to
 * the window of its words that covers the most of the question), the one the fitted excerpt
 * score (`EXCERPT_WEIGHTS`) finds most likely to hold the answer.
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
