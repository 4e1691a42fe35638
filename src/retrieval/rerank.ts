import { COMMON_TERMS } from './common-words.js';
import type { AnalysedPassage } from './passage-analysis.js';
import type { PassageSurface } from './passage-surface.js';
import { sentenceEnd } from './passage-surface.js';
import { relatedShare, type RelatedWordsInput } from './related-words.js';
import { longestSharedRun, pairShare, wordShare, type QuestionSurface } from './surface.js';
import { RANKING } from './options.js';
import type { QueryConcept, QueryPlan } from './query.js';
import { inverseDocumentFrequency, type SearchIndex } from './search-index.js';

/** How well a passage's words match a question's concepts. Every value is in [0, 1]. */
export interface MatchFeatures {
  /** Share of the question's weight (IDF) whose concepts the passage mentions anywhere. */
  readonly coverage: number;
  /** Share of the question's weight found together inside a short window of the text. */
  readonly proximity: number;
  /** Share of adjacent question word pairs that stand adjacent in the passage too. */
  readonly phrase: number;
  /** Which concepts (by index in the plan) the passage mentions. */
  readonly matched: readonly boolean[];
  /** For each index term of the passage text, the concept it stands for (-1 when none). */
  readonly positions: readonly number[];
}

/**
 * How well a passage answers a question, beyond BM25: the re-ranker's inputs. Every value is
 * in [0, 1] except `length`.
 */
export interface PassageFeatures extends MatchFeatures {
  /** Share of the question's weight named in the passage's title or section heading. */
  readonly heading: number;
  /** `ln(1 + number of index terms)` of the passage text: long passages match more by chance. */
  readonly length: number;
  /**
   * Coverage with each concept weighed by how rare it is among the candidates: once the topic
   * is found ("Tesla" in every candidate), the words that tell its passages apart count.
   */
  readonly localCoverage: number;
  /** The best single sentence's coverage, weighed by IDF × candidate rarity. */
  readonly sentenceCoverage: number;
  /** Share of the question's own words (as written, not stemmed) found in the passage. */
  readonly words: number;
  /** Share of the question's adjacent word pairs found in the passage. */
  readonly pairs: number;
  /** Share of the question's adjacent word pairs found in the best sentence. */
  readonly sentencePairs: number;
  /** Longest run of consecutive words shared with the best sentence, up to {@link LONGEST_RUN}, as a share of it. */
  readonly run: number;
  /** Share of the question's weight the passage misses but its best sentence says in related words (see `relatedShare`). */
  readonly related: number;
}

/** Zeroed scratch arrays reused across candidates (the re-ranker runs 40 times per question). */
const scratch = {
  byteBuffer: new Uint8Array(256),
  numberBuffer: new Float64Array(64),
  bytes(length: number): Uint8Array {
    if (this.byteBuffer.length < length) this.byteBuffer = new Uint8Array(length * 2);
    this.byteBuffer.fill(0, 0, length);
    return this.byteBuffer;
  },
  numbers(length: number): Float64Array {
    if (this.numberBuffer.length < length) this.numberBuffer = new Float64Array(length * 2);
    this.numberBuffer.fill(0, 0, length);
    return this.numberBuffer;
  },
};

/** Runs of shared words longer than this count as this long. */
const LONGEST_RUN = 6;

const PROXIMITY_WINDOW = 12;

/**
 * The weight of each concept: the IDF of its term, or of its best-known alternative. A word
 * the knowledge never uses weighs as much as the question's rarest known word: a name
 * ("Hamlet") is handled by abstention, and a paraphrase ("pretend") must not outweigh the
 * words that do match.
 */
export function conceptWeights(index: SearchIndex, plan: QueryPlan): number[] {
  const knownWeight = (concept: QueryConcept): number | undefined => {
    if (index.documentFrequency.has(concept.term)) return inverseDocumentFrequency(index, concept.term);
    const known = concept.alternatives.filter((phrase) => phrase.every((t) => index.documentFrequency.has(t)));
    if (known.length === 0) return undefined;
    return Math.max(...known.map((phrase) => Math.max(...phrase.map((t) => inverseDocumentFrequency(index, t)))));
  };
  const weights = plan.concepts.map(knownWeight);
  const known = weights.filter((w): w is number => w !== undefined);
  const unknownWeight = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : inverseDocumentFrequency(index, '');
  return weights.map((w, i) => (w ?? unknownWeight) * (COMMON_TERMS.has(plan.concepts[i]!.term) ? RANKING.commonWordWeight : 1));
}

/** Whether a concept is mentioned in a set of terms: its own term, or all terms of an alternative. */
export function mentions(concept: QueryConcept, terms: { has(term: string): boolean }): boolean {
  return terms.has(concept.term) || concept.alternatives.some((phrase) => phrase.every((t) => terms.has(t)));
}

/** For each term of a text, the concept it stands for (-1 when none). */
export function conceptPositions(plan: QueryPlan, textTerms: readonly string[]): number[] {
  const byTerm = new Map<string, number>();
  plan.concepts.forEach((concept, i) => {
    for (const phrase of concept.alternatives) for (const t of phrase) if (!byTerm.has(t)) byTerm.set(t, i);
    byTerm.set(concept.term, i);
  });
  return textTerms.map((t) => byTerm.get(t) ?? -1);
}

function bestWindow(positions: readonly number[], weights: readonly number[], total: number): number {
  let best = 0;
  const counts = new Map<number, number>();
  let inWindow = 0;
  for (let i = 0; i < positions.length; i++) {
    const entering = positions[i]!;
    if (entering >= 0) {
      if (!counts.get(entering)) inWindow += weights[entering]!;
      counts.set(entering, (counts.get(entering) ?? 0) + 1);
    }
    const leaving = i >= PROXIMITY_WINDOW ? positions[i - PROXIMITY_WINDOW]! : -1;
    if (leaving >= 0) {
      const left = (counts.get(leaving) ?? 1) - 1;
      counts.set(leaving, left);
      if (left === 0) inWindow -= weights[leaving]!;
    }
    best = Math.max(best, inWindow);
  }
  return total > 0 ? best / total : 0;
}

/** Share of adjacent concept pairs of the question that also stand next to each other in the text. */
function phraseShare(plan: QueryPlan, positions: readonly number[]): number {
  const pairs = plan.concepts.length - 1;
  if (pairs <= 0) return 0;
  const found = new Set<number>();
  let previous = -1;
  for (const concept of positions) {
    if (concept >= 0 && concept === previous + 1 && previous >= 0) found.add(previous);
    // A multi-word alternative ("united states") keeps standing for the same concept.
    if (concept !== previous) previous = concept;
  }
  return found.size / pairs;
}

/**
 * Measures a passage against a question: coverage, proximity and phrase matches.
 *
 * @example passageFeatures(plan, weights, index.memo.analysed(passage)).coverage // 0.8
 */
export function passageFeatures(plan: QueryPlan, weights: readonly number[], analysed: AnalysedPassage): MatchFeatures {
  const textTerms = analysed.text;
  const all = analysed.terms;
  const total = weights.reduce((a, b) => a + b, 0);
  const matched = plan.concepts.map((concept) => mentions(concept, all));
  const covered = matched.reduce((sum, hit, i) => sum + (hit ? weights[i]! : 0), 0);
  const positions = conceptPositions(plan, textTerms);
  return {
    coverage: total > 0 ? covered / total : 0,
    proximity: bestWindow(positions, weights, total),
    phrase: phraseShare(plan, positions),
    matched,
    positions,
  };
}

/**
 * Each concept's IDF weight times its rarity among the candidates (`ln((n + 1) / (m + 0.5))`
 * for a concept mentioned by m of n candidates), and the rarity alone.
 *
 * @example candidateWeights([2, 1], [[true, true], [true, false]]).rarity[1] // ln(3 / 1.5)
 */
export function candidateWeights(weights: readonly number[], matched: readonly (readonly boolean[])[]): { weighted: number[]; rarity: number[] } {
  const n = matched.length;
  const rarity = weights.map((_, i) => Math.log((n + 1) / (matched.reduce((m, list) => m + (list[i] ? 1 : 0), 0) + 0.5)));
  return { weighted: rarity.map((r, i) => r * weights[i]!), rarity };
}

const weightedShare = (weights: readonly number[], hit: (i: number) => boolean): number => {
  let total = 0;
  let found = 0;
  weights.forEach((w, i) => {
    total += w;
    if (hit(i)) found += w;
  });
  return total > 0 ? found / total : 0;
};

/**
 * Completes a candidate's {@link MatchFeatures} with the features that need the whole candidate
 * list (rarity among candidates), the passage's sentences and its words as written.
 *
 * @example rankFeatures(plan, weights, rarity, questionSurface(q), analysed, memo.surface(passage), match, related).sentenceCoverage // 0.9
 */
export function rankFeatures(
  plan: QueryPlan,
  weights: readonly number[],
  candidates: { readonly weighted: readonly number[]; readonly rarity: readonly number[] },
  question: QuestionSurface,
  analysed: AnalysedPassage,
  surface: PassageSurface,
  match: MatchFeatures,
  related: RelatedWordsInput,
): PassageFeatures {
  const [title, section] = analysed.counts;
  const headingTerms = { has: (term: string): boolean => title!.has(term) || section!.has(term) };
  // Each sentence's weight of distinct concepts, from the concept of each text term.
  const conceptCount = plan.concepts.length;
  const sentenceCount = surface.sentenceStarts.length;
  const seen = scratch.bytes(sentenceCount * conceptCount);
  const sentenceWeight = scratch.numbers(sentenceCount);
  const { positions } = match;
  for (let t = 0; t < positions.length; t++) {
    const concept = positions[t]!;
    if (concept < 0) continue;
    const sentence = surface.termSentence[t] ?? 0;
    const slot = sentence * conceptCount + concept;
    if (seen[slot] === 1) continue;
    seen[slot] = 1;
    sentenceWeight[sentence] = sentenceWeight[sentence]! + candidates.weighted[concept]!;
  }
  let bestSentence = 0;
  for (let s = 1; s < sentenceCount; s++) if (sentenceWeight[s]! > sentenceWeight[bestSentence]!) bestSentence = s;
  const totalWeighted = candidates.weighted.reduce((a, b) => a + b, 0);
  const bestFrom = surface.sentenceStarts[bestSentence] ?? 0;
  const bestTo = sentenceEnd(surface, bestSentence);
  // Every field spelled out: a spread here makes V8 build slow dictionary objects.
  return {
    coverage: match.coverage,
    proximity: match.proximity,
    phrase: match.phrase,
    matched: match.matched,
    positions: match.positions,
    heading: weightedShare(weights, (i) => mentions(plan.concepts[i]!, headingTerms)),
    length: Math.log(1 + analysed.text.length),
    localCoverage: weightedShare(candidates.rarity, (i) => match.matched[i] === true),
    sentenceCoverage: totalWeighted > 0 ? (sentenceWeight[bestSentence] ?? 0) / totalWeighted : 0,
    words: wordShare(question, surface, (term) => plan.concepts.some((c, i) => match.matched[i] === true && !analysed.terms.has(c.term) && c.term.toLowerCase() === term)),
    pairs: pairShare(question, surface),
    sentencePairs: pairShare(question, surface, bestFrom, bestTo),
    run: Math.min(LONGEST_RUN, longestSharedRun(question, surface, bestSentence)) / LONGEST_RUN,
    related: relatedShare(related, weights, match.matched, surface.words, bestFrom, bestTo),
  };
}
