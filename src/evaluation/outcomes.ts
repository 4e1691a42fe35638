import type { Confidence } from '../answer/abstain.js';
import type { GoldRank, Scores } from './metrics.js';

/** One question's outcome: its gold rank, and the confidence and evidence Footnote gave. */
export interface QuestionOutcome extends GoldRank {
  readonly confidence: Confidence;
  readonly evidence: number;
}

/** How many shown excerpts count as "found" for abstention scores (the answer shows three). */
export const FOUND_WITHIN = 3;

/** Whether an outcome is a correct answer: in scope and the gold answer among the first excerpts. */
export const isCorrect = (o: GoldRank): boolean => o.inScope && o.goldRank >= 0 && o.goldRank < FOUND_WITHIN;

const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

/**
 * The abstention scores of a set of outcomes: abstention on out-of-scope questions, false
 * abstention on in-scope ones, hit@3 on in-scope ones, and how often `high` is given and right
 * (a `high` answer is right when the question is in scope and the gold shows within three).
 *
 * @example abstentionScores(outcomes)['high-precision'] // 0.97
 */
export function abstentionScores(outcomes: readonly QuestionOutcome[]): Scores {
  const inScope = outcomes.filter((o) => o.inScope);
  const outOfScope = outcomes.filter((o) => !o.inScope);
  const high = outcomes.filter((o) => o.confidence === 'high');
  return {
    'oos-abstain': share(outOfScope.filter((o) => !o.answered).length, outOfScope.length),
    'false-abstain': share(inScope.filter((o) => !o.answered).length, inScope.length),
    'kept-hit@3': share(inScope.filter(isCorrect).length, inScope.length),
    'high-share': share(high.length, outcomes.length),
    'high-precision': share(high.filter(isCorrect).length, high.length),
  };
}
