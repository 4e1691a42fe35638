import type { Passage } from '../knowledge/types.js';
import { analyze } from './terms.js';

/** A passage's fields as index terms, analysed once and remembered across questions. */
export interface AnalysedPassage {
  readonly passage: Passage;
  /** The text's terms in order (for proximity and phrases). */
  readonly text: readonly string[];
  /** Term counts per field, in field order (title, section, text). */
  readonly counts: readonly ReadonlyMap<string, number>[];
  /** Every term of every field. */
  readonly terms: ReadonlySet<string>;
}

const countTerms = (terms: readonly string[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
};

/**
 * Analyses a passage's fields (see {@link AnalysedPassage}).
 *
 * @example analysePassage(passage).counts[2]!.get('russia') // 2
 */
export function analysePassage(passage: Passage): AnalysedPassage {
  const fields = [analyze(passage.title), analyze(passage.section), analyze(passage.text)];
  const counts = fields.map(countTerms);
  return { passage, text: fields[2]!, counts, terms: new Set(counts.flatMap((c) => [...c.keys()])) };
}
