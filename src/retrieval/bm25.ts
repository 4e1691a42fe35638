import { INDEX_FIELDS, RANKING } from './options.js';
import type { AnalysedPassage } from './passage-analysis.js';
import type { SearchIndex } from './search-index.js';

/** Options of {@link bm25Score}. */
export interface Bm25Options {
  /**
   * Multiply the score by the number of query terms matched, as MiniSearch does (default true).
   * Right for a short question, where each word is a large part of it; see
   * `RANKING.coordinationMaxConcepts` for why a long one goes without.
   */
  readonly coordination?: boolean;
}

/**
 * Scores a passage for weighted query terms with BM25F (Robertson, Zaragoza & Taylor 2004):
 * a term's occurrences in every field (title, section, text) are added up first, each weighted
 * by its field's boost and normalised by that field's length, and only that sum is saturated
 * (k1) and weighed by the term's IDF over passages. With BM25+'s lower bound (delta) per matched
 * term, and MiniSearch's bonus for matching more of the query unless `coordination` is false.
 *
 * Summing separately saturated per-field scores (what MiniSearch does) counts a word twice
 * when it is in the title and the text, and weighs a title word by its rarity among titles
 * rather than among passages; BM25F ranks the words' evidence once.
 *
 * Footnote lets MiniSearch find candidates with the question's rarer words only (so a
 * question never walks the long posting lists of common words) and then scores those
 * candidates in full here, over every term of the question.
 *
 * @example bm25Score(index, new Map([['russia', 1]]), analysePassage(passage), 12)
 */
export function bm25Score(
  index: SearchIndex,
  termWeights: ReadonlyMap<string, number>,
  analysed: AnalysedPassage,
  passageId: number,
  options: Bm25Options = {},
): number {
  const { k, b, d } = RANKING.bm25;
  const { lengths, averageLengths } = index.fieldStatistics;
  const total = index.knowledge.passages.length;
  const { counts } = analysed;
  let score = 0;
  let matchedTerms = 0;
  for (const [term, weight] of termWeights) {
    const matching = index.documentFrequency.get(term);
    if (matching === undefined) continue;
    let frequency = 0;
    INDEX_FIELDS.forEach((field, f) => {
      const inField = counts[f]!.get(term) ?? 0;
      if (inField === 0) return;
      const lengthRatio = lengths[f]![passageId]! / (averageLengths[f]! || 1);
      frequency += (RANKING.boost[field] * inField) / (1 - b + b * lengthRatio);
    });
    if (frequency === 0) continue;
    const idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
    score += weight * idf * (d + (frequency * (k + 1)) / (frequency + k));
    matchedTerms++;
  }
  return options.coordination === false ? score : score * matchedTerms;
}
