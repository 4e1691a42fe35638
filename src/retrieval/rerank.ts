import { COMMON_TERMS } from './common-words.js';
import type { AnalysedPassage } from './passage-analysis.js';
import { RANKING } from './options.js';
import type { QueryConcept, QueryPlan } from './query.js';
import { inverseDocumentFrequency, type SearchIndex } from './search-index.js';

/** How well a passage answers a question, beyond BM25. Every value is in [0, 1]. */
export interface PassageFeatures {
  /** Share of the question's weight (IDF) whose concepts the passage mentions anywhere. */
  readonly coverage: number;
  /** Share of the question's weight found together inside a short window of the text. */
  readonly proximity: number;
  /** Share of adjacent question word pairs that stand adjacent in the passage too. */
  readonly phrase: number;
  /** Which concepts (by index in the plan) the passage mentions. */
  readonly matched: readonly boolean[];
}

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
export function mentions(concept: QueryConcept, terms: ReadonlySet<string>): boolean {
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
export function passageFeatures(plan: QueryPlan, weights: readonly number[], analysed: AnalysedPassage): PassageFeatures {
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
  };
}
