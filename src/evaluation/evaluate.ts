import { answerQuestion, type Answer } from '../answer/answer.js';
import type { SearchIndex } from '../retrieval/search-index.js';
import { scoreClaims, scoreQa, scoreSquad, squadParagraphs, type Scores } from './metrics.js';
import type { QuestionSet } from './question-sets.js';

/** How many distinct documents a claim ranking is scored on (BEIR's cut-off). */
const CLAIM_RANKING_DEPTH = 10;

/** The outcome of an evaluation run. */
export interface Evaluation {
  readonly format: QuestionSet['format'];
  readonly count: number;
  readonly scores: Scores;
  readonly misses: readonly string[];
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
  switch (set.format) {
    case 'qa': {
      const answers = set.questions.map((q) => ask(q.q));
      return { format: 'qa', count: answers.length, ...scoreQa(set.questions, answers), answerMs: performance.now() - started };
    }
    case 'squad': {
      const answers = set.questions.map((q) => ask(q.question));
      const answerMs = performance.now() - started;
      return { format: 'squad', count: answers.length, ...scoreSquad(set.questions, answers, squadParagraphs(index.knowledge)), answerMs };
    }
    case 'claims': {
      const answers = set.questions.map((q) => ask(q.question, CLAIM_RANKING_DEPTH));
      return { format: 'claims', count: answers.length, ...scoreClaims(set.questions, answers), answerMs: performance.now() - started };
    }
  }
}

/** One line of scores, e.g. `hit@1 0.912 hit@3 0.957 …`. */
export function formatScores(scores: Scores): string {
  return Object.entries(scores)
    .map(([name, value]) => `${name} ${name.startsWith('chars') ? value.toFixed(0) : value.toFixed(3)}`)
    .join('  ');
}
