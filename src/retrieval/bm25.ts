import { INDEX_FIELDS, RANKING } from './options.js';
import type { AnalysedPassage } from './passage-analysis.js';
import type { SearchIndex } from './search-index.js';

/**
 * Scores a passage for weighted query terms with the BM25+ that MiniSearch uses (same
 * parameters, field boosts, field lengths counted as distinct terms, and the same bonus for
 * matching more of the query), over every term of the question.
 *
 * Footnote lets MiniSearch find candidates with the question's rarer words only (so a
 * question never walks the long posting lists of common words) and then scores those
 * candidates in full here: the ranking of a small index is unchanged, and a large one stays fast.
 *
 * @example bm25Score(index, new Map([['russia', 1]]), analysePassage(passage), 12)
 */
export function bm25Score(index: SearchIndex, termWeights: ReadonlyMap<string, number>, analysed: AnalysedPassage, passageId: number): number {
  const { k, b, d } = RANKING.bm25;
  const { lengths, averageLengths, frequencies } = index.fieldStatistics;
  const total = index.knowledge.passages.length;
  const { counts } = analysed;
  let score = 0;
  let matchedTerms = 0;
  for (const [term, weight] of termWeights) {
    const perField = frequencies.get(term);
    if (perField === undefined) continue;
    let termScore = 0;
    INDEX_FIELDS.forEach((field, f) => {
      const frequency = counts[f]!.get(term) ?? 0;
      if (frequency === 0) return;
      const matching = perField[f]!;
      const idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
      const lengthRatio = lengths[f]![passageId]! / (averageLengths[f]! || 1);
      termScore += RANKING.boost[field] * idf * (d + (frequency * (k + 1)) / (frequency + k * (1 - b + b * lengthRatio)));
    });
    if (termScore > 0) {
      score += weight * termScore;
      matchedTerms++;
    }
  }
  return score * matchedTerms;
}
