import type { SearchIndex } from '../retrieval/search-index.js';
import type { SearchResult } from '../retrieval/search.js';

/**
 * How sure Footnote is that its best passage answers the question. `none` exactly when it
 * abstains; `high` is what automatic answers (channels that answer on their own) require.
 */
export type Confidence = 'high' | 'medium' | 'low' | 'none';

/** Whether to answer, and why not. */
export interface Verdict {
  readonly answered: boolean;
  readonly confidence: Confidence;
  /**
   * How strongly the best passage shows that it answers this question, in [0, 1]: the number
   * the abstention rule thresholds (plots sweep it to draw precision against coverage).
   */
  readonly evidence: number;
  /** For people: why Footnote did not answer (absent when it did). */
  readonly reason?: string;
}

/** Below this share of the question's weight covered by the best passage, Footnote abstains. */
const MIN_ANSWER_COVERAGE = 0.5;
const HIGH_COVERAGE = 0.85;
const HIGH_PROXIMITY = 0.6;
/** A word in more than this share of the passages says nothing about which passage answers. */
const UBIQUITOUS_SHARE = 0.5;
/** How many of the top passages are looked at for evidence. */
const EVIDENCE_DEPTH = 3;

/**
 * Decides whether the knowledge answers a question. It abstains when the question has no
 * content words, names something the knowledge never mentions (a capitalised name or an
 * acronym with no match), when the best passage covers too little of the question, or when
 * it shares only the knowledge's most common words with it.
 *
 * @example judgeAnswer(index, searchPassages(index, 'Who wrote Hamlet?')).answered // false
 */
export function judgeAnswer(index: SearchIndex, result: SearchResult): Verdict {
  const { plan, passages } = result;
  if (plan.concepts.length === 0) {
    return { answered: false, confidence: 'none', evidence: 0, reason: 'The question has no words to search for.' };
  }
  const known = (term: string): boolean => index.documentFrequency.has(term);
  const unknownName = plan.concepts.find(
    (c) => c.isName && !known(c.term) && !c.alternatives.some((phrase) => phrase.every(known)),
  );
  if (unknownName) {
    return { answered: false, confidence: 'none', evidence: 0, reason: `The knowledge never mentions “${unknownName.word}”.` };
  }
  if (passages.length === 0) return { answered: false, confidence: 'none', evidence: 0, reason: 'Nothing in the knowledge matches the question.' };
  // The best evidence among the first few: ranking mixes signals, coverage is the one that says
  // whether the question's words are there at all.
  const best = passages.slice(0, EVIDENCE_DEPTH).reduce((a, b) => (b.features.coverage > a.features.coverage ? b : a));
  const { coverage, proximity } = best.features;
  if (coverage < MIN_ANSWER_COVERAGE) {
    return { answered: false, confidence: 'none', evidence: 0, reason: 'The closest passages cover too little of the question.' };
  }
  // Matching only words that half the knowledge uses ("2024", "election" in an article about the
  // 2024 election) is no evidence: "Who won the 2024 election?" is not answered by it.
  const total = index.knowledge.passages.length;
  const specific = (term: string): boolean => (index.documentFrequency.get(term) ?? 0) <= Math.max(1, total * UBIQUITOUS_SHARE);
  const matchedSpecific = plan.concepts.some(
    (concept, i) => best.features.matched[i] && (specific(concept.term) || concept.alternatives.some((phrase) => phrase.some(specific))),
  );
  if (!matchedSpecific) {
    return { answered: false, confidence: 'none', evidence: 0, reason: 'The closest passages share only the most common words of the knowledge with the question.' };
  }
  const confidence: Confidence = coverage >= HIGH_COVERAGE && proximity >= HIGH_PROXIMITY ? 'high' : coverage >= 0.7 ? 'medium' : 'low';
  return { answered: true, confidence, evidence: coverage };
}
