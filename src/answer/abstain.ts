import type { SearchIndex } from '../retrieval/search-index.js';
import type { SearchResult } from '../retrieval/search.js';

/** How sure Footnote is that its best passage answers the question. */
export type Confidence = 'high' | 'medium' | 'low' | 'none';

/** Whether to answer, and why not. */
export interface Verdict {
  readonly answered: boolean;
  readonly confidence: Confidence;
  /** For people: why Footnote did not answer (absent when it did). */
  readonly reason?: string;
}

/** Below this share of the question's weight covered by the best passage, Footnote abstains. */
export const MIN_ANSWER_COVERAGE = 0.5;
const HIGH_COVERAGE = 0.85;
const HIGH_PROXIMITY = 0.6;
/** How many of the top passages are looked at for evidence. */
const EVIDENCE_DEPTH = 3;

/**
 * Decides whether the knowledge answers a question. It abstains when the question has no
 * content words, names something the knowledge never mentions (a capitalised name or an
 * acronym with no match), or when the best passage covers too little of the question.
 *
 * @example judgeAnswer(index, searchPassages(index, 'Who wrote Hamlet?')).answered // false
 */
export function judgeAnswer(index: SearchIndex, result: SearchResult): Verdict {
  const { plan, passages } = result;
  if (plan.concepts.length === 0) {
    return { answered: false, confidence: 'none', reason: 'The question has no words to search for.' };
  }
  const known = (term: string): boolean => index.documentFrequency.has(term);
  const unknownName = plan.concepts.find(
    (c) => c.isName && !known(c.term) && !c.alternatives.some((phrase) => phrase.every(known)),
  );
  if (unknownName) {
    return { answered: false, confidence: 'none', reason: `The knowledge never mentions “${unknownName.word}”.` };
  }
  if (passages.length === 0) return { answered: false, confidence: 'none', reason: 'Nothing in the knowledge matches the question.' };
  // The best evidence among the first few: ranking mixes signals, coverage is the one that says
  // whether the question's words are there at all.
  const best = passages.slice(0, EVIDENCE_DEPTH).reduce((a, b) => (b.features.coverage > a.features.coverage ? b : a));
  const { coverage, proximity } = best.features;
  if (coverage < MIN_ANSWER_COVERAGE) {
    return { answered: false, confidence: 'low', reason: 'The closest passages cover too little of the question.' };
  }
  const confidence: Confidence = coverage >= HIGH_COVERAGE && proximity >= HIGH_PROXIMITY ? 'high' : coverage >= 0.7 ? 'medium' : 'low';
  return { answered: true, confidence };
}
