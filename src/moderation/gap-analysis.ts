/**
 * What a question asks that the knowledge lacks: its informative words that no passage uses, or
 * that the closest passages do not use, rarest first, and the section that came closest. This is
 * what a gap record stores and what the gap report groups by.
 */
import { COMMON_TERMS } from '../retrieval/common-words.js';
import type { QueryConcept } from '../retrieval/query.js';
import type { SearchIndex } from '../retrieval/search-index.js';
import { searchPassages } from '../retrieval/search.js';

/** Words kept per gap record (the most telling first). */
export const MISSING_TERMS_MAX = 4;
/** How many of the best passages are looked at for the question's words. */
const NEAREST_DEPTH = 3;

/** A question's gap, as recorded. */
export interface GapAnalysis {
  /** The question's words (lower case, as typed) the knowledge lacks or has only weakly, most telling first. */
  readonly missingTerms: readonly string[];
  /** "Title › Section" of the closest passage, when there is one. */
  readonly nearestSection?: string;
}

/**
 * Analyses a question against an index: words no passage uses come first, then words the closest
 * passages do not use (rarest in the knowledge first). When every word is found (a 👎 on an
 * answered question), the rarest words are kept: they say what the question was about.
 *
 * @example analyseGap(index, 'How do I register to vote by mail?').missingTerms // ['register', 'mail']
 */
export function analyseGap(index: SearchIndex, question: string): GapAnalysis {
  const result = searchPassages(index, question, { limit: NEAREST_DEPTH });
  const df = (term: string): number => index.documentFrequency.get(term) ?? 0;
  const conceptFrequency = (c: QueryConcept): number =>
    Math.max(df(c.term), ...c.alternatives.map((phrase) => Math.min(...phrase.map(df))));
  const matchedAnywhere = (i: number): boolean => result.passages.some((p) => p.features.matched[i] === true);

  const informative = result.plan.concepts
    .map((concept, i) => ({ concept, frequency: conceptFrequency(concept), matched: matchedAnywhere(i) }))
    .filter((c) => !COMMON_TERMS.has(c.concept.term));
  const byRarity = (a: { frequency: number }, b: { frequency: number }): number => a.frequency - b.frequency;
  const absent = informative.filter((c) => c.frequency === 0);
  const weak = informative.filter((c) => c.frequency > 0 && !c.matched).sort(byRarity);
  const chosen = absent.length + weak.length > 0 ? [...absent, ...weak] : [...informative].sort(byRarity).slice(0, 2);

  const words = [...new Set(chosen.map((c) => c.concept.word.toLowerCase()))].slice(0, MISSING_TERMS_MAX);
  const best = result.passages[0]?.passage;
  const nearestSection = best === undefined ? undefined : best.section === '' ? best.title : `${best.title} › ${best.section}`;
  return { missingTerms: words, ...(nearestSection === undefined ? {} : { nearestSection }) };
}
