import { answerQuestion, type Answer } from '../answer/answer.js';
import type { SearchIndex } from '../retrieval/search-index.js';
import { scoreClaims, scoreQa, scoreSquad, squadParagraphs, type Scored, type Scores } from './metrics.js';
import { abstentionScores, type QuestionOutcome } from './outcomes.js';
import type { QuestionSet } from './question-sets.js';

/** How many distinct documents a claim ranking is scored on (BEIR's cut-off). */
const CLAIM_RANKING_DEPTH = 10;

/** The outcome of an evaluation run. */
export interface Evaluation {
  readonly format: QuestionSet['format'];
  readonly count: number;
  readonly scores: Scores;
  readonly misses: readonly string[];
  /** Each question's gold rank, confidence and evidence (for abstention scores and plots). */
  readonly outcomes: readonly QuestionOutcome[];
  /** Wall time spent answering, in milliseconds. */
  readonly answerMs: number;
}

/**
 * Answers every question of a set with the index and scores the answers with the set's
 * metrics (the same definitions as the shared scorers).
 *
 * @example (await evaluate(index, await readQuestionSet('dev.json'))).scores['hit@1']
 */
export function evaluate(index: SearchIndex, set: QuestionSet): Evaluation {
  const started = performance.now();
  const ask = (question: string, limit?: number): Answer => answerQuestion(index, question, limit === undefined ? {} : { limit });
  // Scoring is not answering: the clock stops before `score` runs.
  const finish = (answers: readonly Answer[], score: () => Scored): Evaluation => {
    const answerMs = performance.now() - started;
    const scored = score();
    const outcomes = scored.ranks.map((r, i): QuestionOutcome => ({ ...r, confidence: answers[i]!.confidence, evidence: answers[i]!.evidence ?? 0 }));
    const { 'high-share': highShare, 'high-precision': highPrecision } = abstentionScores(outcomes);
    const scores = { ...scored.scores, 'high-share': highShare!, 'high-precision': highPrecision! };
    return { format: set.format, count: answers.length, scores, misses: scored.misses, outcomes, answerMs };
  };
  switch (set.format) {
    case 'qa': {
      const answers = set.questions.map((q) => ask(q.q));
      return finish(answers, () => scoreQa(set.questions, answers));
    }
    case 'squad': {
      const answers = set.questions.map((q) => ask(q.question));
      return finish(answers, () => scoreSquad(set.questions, answers, squadParagraphs(index.knowledge)));
    }
    case 'claims': {
      const answers = set.questions.map((q) => ask(q.question, CLAIM_RANKING_DEPTH));
      return finish(answers, () => scoreClaims(set.questions, answers));
    }
  }
}

/** One line of scores, e.g. `hit@1 0.912 hit@3 0.957 …`. */
export function formatScores(scores: Scores): string {
  return Object.entries(scores)
    .map(([name, value]) => `${name} ${name.startsWith('chars') ? value.toFixed(0) : value.toFixed(3)}`)
    .join('  ');
}
