import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { answerQuestion } from '../answer/answer.js';
import { loadKnowledge } from '../knowledge/load.js';
import { openIndex } from '../retrieval/open-index.js';
import { preloadLanguageModels } from '../retrieval/language-models.js';
import { askRaw, buildRawIndex, RAW_OPTIONS, type RawIndex } from './raw-minisearch.js';
import type { SystemName } from './measure.js';

/** Whether a run builds the index from the files or loads the one a build run persisted. */
export type ScalePhase = 'build' | 'load';

/** One system, one phase, measured in a process of its own. */
export interface ScaleMeasurement {
  readonly system: SystemName;
  readonly phase: ScalePhase;
  readonly passages: number;
  /** From nothing to an index ready to answer, knowledge files included. */
  readonly readyMs: number;
  /** Heap held once ready (after a full GC), above the process's starting heap. */
  readonly heapMb: number;
  /** Whole-process peak resident memory. */
  readonly peakRssMb: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

const RAW_FILE = 'raw-minisearch.json';
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const heapUsed = (): number => {
  gc();
  return process.memoryUsage().heapUsed;
};

async function readyRaw(phase: ScalePhase, knowledgeDir: string, cacheDir: string): Promise<RawIndex> {
  const knowledge = await loadKnowledge(knowledgeDir);
  if (phase === 'load') {
    const raw = buildRawIndex(knowledge, { indexed: false });
    return { ...raw, miniSearch: MiniSearch.loadJSON(readFileSync(join(cacheDir, RAW_FILE), 'utf8'), RAW_OPTIONS) };
  }
  return buildRawIndex(knowledge);
}

/**
 * Measures raw MiniSearch or Footnote over a large folder: time to be ready (build from the
 * files, or load the persisted index a build run left in `cacheDir`), heap, peak RSS and the
 * latency of answering `questions`.
 */
export async function measureScale(
  system: SystemName,
  phase: ScalePhase,
  knowledgeDir: string,
  cacheDir: string,
  questions: readonly string[],
): Promise<ScaleMeasurement> {
  const baseline = heapUsed();
  // The knowledge service loads the word-class tagger (about 0.5 s) and the word vectors while
  // its worker opens the index, so their time is not the service's; their memory is, and stays
  // in the heap measured.
  if (system === 'footnote') preloadLanguageModels();
  const started = performance.now();
  let ask: (question: string) => unknown;
  let passages: number;
  if (system === 'footnote') {
    const index = await openIndex(knowledgeDir, { cacheDir });
    if ((index.origin === 'loaded') !== (phase === 'load')) throw new Error(`expected the index to be ${phase === 'load' ? 'loaded' : 'built'}, it was ${index.origin}`);
    passages = index.knowledge.passages.length;
    ask = (question) => answerQuestion(index, question);
  } else {
    const raw = await readyRaw(phase, knowledgeDir, cacheDir);
    passages = raw.blocks.length;
    ask = (question) => askRaw(raw, question);
    if (phase === 'build') {
      const readyMs = performance.now() - started;
      writeFileSync(join(cacheDir, RAW_FILE), JSON.stringify(raw.miniSearch));
      return finish(system, phase, passages, readyMs, baseline, ask, questions);
    }
  }
  return finish(system, phase, passages, performance.now() - started, baseline, ask, questions);
}

function finish(
  system: SystemName,
  phase: ScalePhase,
  passages: number,
  readyMs: number,
  baseline: number,
  ask: (question: string) => unknown,
  questions: readonly string[],
): ScaleMeasurement {
  const heapMb = (heapUsed() - baseline) / 2 ** 20;
  const latencies = questions.map((question) => {
    const t = performance.now();
    ask(question);
    return performance.now() - t;
  });
  latencies.sort((a, b) => a - b);
  const at = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return { system, phase, passages, readyMs, heapMb, peakRssMb: process.resourceUsage().maxRSS / 1024, p50Ms: at(0.5), p99Ms: at(0.99) };
}
