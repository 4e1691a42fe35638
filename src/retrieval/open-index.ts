import { resolve } from 'node:path';
import { loadKnowledge } from '../knowledge/load.js';
import { indexKey, indexPathFor, knowledgeContentHash, loadIndex, saveIndex } from './persist.js';
import type { Passage } from '../knowledge/types.js';
import { analyseKnowledge, assembleIndex, type AnalysedKnowledge, type SearchIndex } from './search-index.js';

/** Options of {@link openIndex}. */
export interface OpenIndexOptions {
  /**
   * Reuse and keep a persisted index in this folder (default `.footnote-cache`); `false`
   * always builds in memory. A persisted index is used only if it matches the knowledge.
   */
  readonly cacheDir?: string | false;
  /** Where warnings go (a corrupt cache, an unwritable cache folder). Default: stderr. */
  readonly warn?: (message: string) => void;
  /** Called while passages are analysed during a build (not when a persisted index is loaded). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** How {@link openIndex} got its index, for logs and benchmarks. */
export type IndexOrigin = 'built' | 'loaded';

const warnOnStderr = (message: string): void => {
  process.stderr.write(`footnote: ${message}\n`);
};

/**
 * Loads and validates a knowledge folder and makes it searchable, reusing the persisted
 * index when it was built from exactly these files with these options. A stale, truncated
 * or corrupt index file is rebuilt (with a warning when corrupt), never served.
 *
 * @example const index = await openIndex('knowledge');
 */
export async function openIndex(knowledgeDir: string, options: OpenIndexOptions = {}): Promise<SearchIndex & { origin: IndexOrigin }> {
  const root = resolve(knowledgeDir);
  const warn = options.warn ?? warnOnStderr;
  const cacheDir = options.cacheDir ?? undefined;
  const { onProgress } = options;
  const analyse = (passages: readonly Passage[]): AnalysedKnowledge =>
    analyseKnowledge(passages, onProgress && ((done) => onProgress(done, passages.length)));
  if (cacheDir === false) {
    const knowledge = await loadKnowledge(knowledgeDir);
    return { ...assembleIndex(knowledge, analyse(knowledge.passages)), origin: 'built' };
  }
  const knowledge = await loadKnowledge(knowledgeDir);
  const key = indexKey(knowledgeContentHash(knowledge));
  const path = indexPathFor(root, cacheDir);
  const loaded = loadIndex(path, key, knowledge.passages.length);
  if (typeof loaded !== 'string') return { ...assembleIndex(knowledge, loaded), origin: 'loaded' };
  if (loaded === 'corrupt') warn(`the index file ${path} is damaged; rebuilding it`);
  const analysed = analyse(knowledge.passages);
  try {
    saveIndex(analysed, path, key);
  } catch (error) {
    warn(`could not save the index to ${path} (${error instanceof Error ? error.message : String(error)}); it will be rebuilt next time`);
  }
  return { ...assembleIndex(knowledge, analysed), origin: 'built' };
}
