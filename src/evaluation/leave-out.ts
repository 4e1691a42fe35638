import { answerQuestion } from '../answer/answer.js';
import type { KnowledgeBase, Passage } from '../knowledge/types.js';
import { buildSearchIndex } from '../retrieval/search-index.js';
import { scoreSquad, squadParagraphs, type Scores } from './metrics.js';
import { abstentionScores, type QuestionOutcome } from './outcomes.js';
import type { SquadQuestion } from './question-sets.js';

/** Options of {@link leaveArticlesOut}. */
export interface LeaveOutOptions {
  /** Number of folds: each holds out about 1/folds of the articles (default 4). */
  readonly folds?: number;
  /** Seed of the article shuffle, so a run can be repeated or varied (default 1). */
  readonly seed?: number;
}

/** One fold's result. */
export interface FoldResult {
  readonly heldOut: readonly string[];
  readonly scores: Scores;
}

/** The report of a leave-articles-out run: per fold, the mean over folds, and every outcome. */
export interface LeaveOutReport {
  readonly folds: readonly FoldResult[];
  readonly mean: Scores;
  readonly outcomes: readonly QuestionOutcome[];
}

/**
 * A small seeded generator (mulberry32): the same seed always gives the same sequence (the same
 * folds here; the same hostile questions in the fuzz tests).
 *
 * @example seededRandom(1)() // 0.6270739405881613
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Splits article titles into `folds` groups of nearly equal size after a seeded shuffle.
 *
 * @example articleFolds(['A', 'B', 'C', 'D'], 2, 1) // e.g. [['C', 'A'], ['D', 'B']]
 */
export function articleFolds(titles: readonly string[], folds: number, seed: number): string[][] {
  const next = seededRandom(seed);
  const shuffled = [...titles];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return Array.from({ length: folds }, (_, f) => shuffled.filter((_, i) => i % folds === f));
}

/**
 * The knowledge without some documents: passages keep their order, document indexes are renumbered.
 *
 * @example withoutDocuments(knowledge, new Set(['Warsaw'])).documents.length
 */
export function withoutDocuments(knowledge: KnowledgeBase, titles: ReadonlySet<string>): KnowledgeBase {
  const renumbered = new Map<number, number>();
  const documents = knowledge.documents.filter((d, i) => {
    if (titles.has(d.title)) return false;
    renumbered.set(i, renumbered.size);
    return true;
  });
  const passages: Passage[] = [];
  for (const p of knowledge.passages) {
    const documentIndex = renumbered.get(p.documentIndex);
    if (documentIndex !== undefined) passages.push({ ...p, documentIndex });
  }
  return { ...knowledge, documents, passages };
}

/**
 * SQuAD leave-articles-out cross-validation: each fold removes some articles from the
 * knowledge and asks every question against the rest. Questions about removed articles must
 * abstain (`oos-abstain`); the others must be answered (`false-abstain`) and found
 * (`kept-hit@3`). Scores are averaged over folds.
 *
 * @example leaveArticlesOut(knowledge, questions, { folds: 4 }).mean['oos-abstain']
 */
export function leaveArticlesOut(knowledge: KnowledgeBase, questions: readonly SquadQuestion[], options: LeaveOutOptions = {}): LeaveOutReport {
  const titles = [...new Set(knowledge.documents.map((d) => d.title))];
  const groups = articleFolds(titles, options.folds ?? 4, options.seed ?? 1);
  const paragraphs = squadParagraphs(knowledge);
  const outcomes: QuestionOutcome[] = [];
  const folds = groups.map((heldOut): FoldResult => {
    const held = new Set(heldOut);
    const index = buildSearchIndex(withoutDocuments(knowledge, held));
    const answers = questions.map((q) => answerQuestion(index, q.question));
    const { ranks } = scoreSquad(questions, answers, paragraphs);
    const fold = ranks.map((r, i): QuestionOutcome => {
      const answer = answers[i]!;
      const inScope = !held.has(questions[i]!.title);
      return { inScope, answered: answer.answered, goldRank: inScope ? r.goldRank : -1, confidence: answer.confidence, evidence: answer.evidence ?? 0 };
    });
    outcomes.push(...fold);
    return { heldOut, scores: abstentionScores(fold) };
  });
  const names = Object.keys(folds[0]?.scores ?? {});
  const mean = Object.fromEntries(names.map((name) => [name, folds.reduce((sum, f) => sum + (f.scores[name] ?? 0), 0) / folds.length]));
  return { folds, mean, outcomes };
}
