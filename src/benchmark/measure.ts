import { resolve } from 'node:path';
import { answerQuestion } from '../answer/answer.js';
import { scoreClaims, scoreQa, scoreSquad, squadParagraphs, type ScoredAnswer, type Scores, type SquadParagraphs } from '../evaluation/metrics.js';
import { readQuestionSet, type QuestionSet } from '../evaluation/question-sets.js';
import { loadKnowledge } from '../knowledge/load.js';
import { buildSearchIndex } from '../retrieval/search-index.js';
import { preloadLanguageModels } from '../retrieval/language-models.js';
import { askRaw, buildRawIndex } from './raw-minisearch.js';

/** The systems a benchmark compares. */
export type SystemName = 'footnote' | 'raw-minisearch';

/** What one system measured on one corpus, in one process. */
export interface Measurement {
  readonly system: SystemName;
  readonly passages: number;
  readonly buildMs: number;
  readonly heapMb: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly peakRssMb: number;
  readonly scores: Scores;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const heapUsed = (): number => {
  gc();
  return process.memoryUsage().heapUsed;
};
const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

function questionsOf(set: QuestionSet): string[] {
  return set.format === 'qa' ? set.questions.map((q) => q.q) : set.questions.map((q) => q.question);
}

function score(set: QuestionSet, answers: readonly ScoredAnswer[], paragraphs: SquadParagraphs): Scores {
  if (set.format === 'qa') return scoreQa(set.questions, answers).scores;
  if (set.format === 'squad') return scoreSquad(set.questions, answers, paragraphs).scores;
  return scoreClaims(set.questions, answers).scores;
}

/**
 * Measures one system on one corpus: index build time (knowledge already loaded), heap held
 * by the index, per-question latency (p50/p99) and quality. Run it in a fresh process
 * (with `--expose-gc`) per system, so that heap and peak RSS belong to that system alone.
 */
export async function measure(system: SystemName, knowledgeDir: string, questionsFile: string): Promise<Measurement> {
  const knowledge = await loadKnowledge(resolve(knowledgeDir));
  const set = await readQuestionSet(questionsFile);
  const questions = questionsOf(set);
  const limit = set.format === 'claims' ? 10 : 3;
  const before = heapUsed();
  // The knowledge service loads the word-class tagger and the word vectors while its worker
  // opens the index: their memory counts here, their time does not (see `measureScale`).
  if (system === 'footnote') preloadLanguageModels();
  const started = performance.now();
  const ask: (q: string) => ScoredAnswer =
    system === 'footnote'
      ? ((index) => (q: string) => answerQuestion(index, q, { limit }))(buildSearchIndex(knowledge))
      : ((raw) => (q: string) => askRaw(raw, q, limit))(buildRawIndex(knowledge));
  const buildMs = performance.now() - started;
  const heapMb = (heapUsed() - before) / 2 ** 20;
  const latencies: number[] = [];
  const answers = questions.map((q) => {
    const t = performance.now();
    const answer = ask(q);
    latencies.push(performance.now() - t);
    return answer;
  });
  latencies.sort((a, b) => a - b);
  return {
    system,
    passages: system === 'footnote' ? knowledge.passages.length : knowledge.documents.reduce((n, d) => n + d.blocks.length, 0),
    buildMs,
    heapMb,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    scores: score(set, answers, squadParagraphs(knowledge)),
  };
}
