import { availableParallelism } from 'node:os';
import { mergePostings, type Postings } from './postings.js';
import type { AliasTally } from './aliases.js';
import { analysePassages, type AnalysablePassage, type AnalysedKnowledge } from './search-index.js';
import { startWorker } from './start-worker.js';

/** What the analysis worker is given and returns. */
export interface PartRequest { readonly passages: readonly AnalysablePassage[] }
export interface PartResult { readonly postings: Postings; readonly tally: AliasTally }

/** Below this many passages a second thread costs more than it saves. */
export const PARALLEL_FROM_PASSAGES = 20_000;

function analyseInWorker(passages: readonly AnalysablePassage[]): Promise<PartResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(import.meta.url, 'analysis-worker', { passages } satisfies PartRequest);
    worker.once('message', (result: PartResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`analysis worker exited with code ${code}`)));
  });
}

/**
 * Analyses passages like `analyseKnowledge`, on two threads when there are many: the second
 * half goes to a worker while this thread does the first, and the two are merged (the same
 * result, built in a little over half the time on two cores).
 *
 * @example const analysed = await analyseInParallel(knowledge.passages);
 */
export async function analyseInParallel(passages: readonly AnalysablePassage[], onProgress?: (done: number) => void): Promise<AnalysedKnowledge> {
  if (passages.length < PARALLEL_FROM_PASSAGES || availableParallelism() < 2) {
    const { postings, learner } = analysePassages(passages, onProgress);
    return { postings, learnedAliases: learner.table() };
  }
  const half = Math.ceil(passages.length / 2);
  // Only what analysis reads crosses to the worker.
  const second = passages.slice(half).map(({ documentIndex, title, section, text }) => ({ documentIndex, title, section, text }));
  const other = analyseInWorker(second);
  // Progress is reported for this thread's half, scaled to the whole.
  const mine = analysePassages(passages.slice(0, half), onProgress && ((done) => onProgress(Math.min(passages.length, done * 2))));
  const theirs = await other;
  mine.learner.merge(theirs.tally);
  return { postings: mergePostings(mine.postings, theirs.postings), learnedAliases: mine.learner.table() };
}
