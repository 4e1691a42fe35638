import { fingerprintKnowledge } from '../knowledge/fingerprint.js';
import { loadKnowledge } from '../knowledge/load.js';
import type { KnowledgeBase, Passage } from '../knowledge/types.js';
import { indexKey, indexPathFor, knowledgeContentHash, loadIndex, saveIndex, type IndexHeader, type PersistedIndex } from './persist.js';
import { analyseInParallel } from './parallel-analysis.js';
import { assembleIndex, type AnalysedKnowledge, type SearchIndex } from './search-index.js';
import { restoreKnowledge } from './stored-knowledge.js';

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

/** The default warning sink of index opening: a line on stderr. */
export const warnOnStderr = (message: string): void => {
  process.stderr.write(`footnote: ${message}\n`);
};

/** The persisted index, when it was built from exactly this knowledge's content. */
async function reusable(
  knowledgeDir: string,
  persisted: PersistedIndex & { header: IndexHeader },
  filesStamp: string | undefined,
): Promise<{ knowledge: KnowledgeBase; analysed: AnalysedKnowledge; restamp: boolean } | { knowledge: KnowledgeBase }> {
  // Files untouched since the build: read their texts, skip parsing and chunking.
  if (filesStamp !== undefined && filesStamp === persisted.header.filesStamp) {
    const restored = restoreKnowledge(knowledgeDir, persisted.stored);
    if (restored && restored.contentHash === persisted.header.contentHash) {
      return { knowledge: restored.knowledge, analysed: persisted.analysed, restamp: false };
    }
  }
  // Otherwise load the folder (validating it); the index still serves if the content is the same.
  const knowledge = await loadKnowledge(knowledgeDir);
  return knowledgeContentHash(knowledge) === persisted.header.contentHash ? { knowledge, analysed: persisted.analysed, restamp: true } : { knowledge };
}

/**
 * Loads and validates a knowledge folder and makes it searchable, reusing the persisted
 * index when it was built from exactly this content with these options and this code. A stale,
 * truncated or corrupt index file is rebuilt (with a warning when corrupt), never served.
 *
 * @example const index = await openIndex('knowledge');
 */
export async function openIndex(knowledgeDir: string, options: OpenIndexOptions = {}): Promise<SearchIndex & { origin: IndexOrigin }> {
  const warn = options.warn ?? warnOnStderr;
  const { onProgress, cacheDir } = options;
  const analyse = (passages: readonly Passage[]): Promise<AnalysedKnowledge> =>
    analyseInParallel(passages, onProgress && ((done) => onProgress(done, passages.length)));
  if (cacheDir === false) {
    const knowledge = await loadKnowledge(knowledgeDir);
    return { ...assembleIndex(knowledge, await analyse(knowledge.passages)), origin: 'built' };
  }

  const key = indexKey();
  const path = indexPathFor(knowledgeDir, cacheDir);
  // A missing folder is reported by loadKnowledge below, with the loader's message.
  const filesStamp = await fingerprintKnowledge(knowledgeDir).catch(() => undefined);
  const persisted = loadIndex(path, key, warn);
  if (persisted === 'corrupt') warn(`the index file ${path} is damaged; rebuilding it`);
  let knowledge: KnowledgeBase;
  if (typeof persisted !== 'string') {
    const found = await reusable(knowledgeDir, persisted, filesStamp);
    if ('analysed' in found) {
      if (found.restamp && filesStamp !== undefined) save(warn, found.analysed, found.knowledge, path, { key, contentHash: persisted.header.contentHash, filesStamp });
      return { ...assembleIndex(found.knowledge, found.analysed), origin: 'loaded' };
    }
    knowledge = found.knowledge;
  } else {
    knowledge = await loadKnowledge(knowledgeDir);
  }
  const analysed = await analyse(knowledge.passages);
  save(warn, analysed, knowledge, path, { key, contentHash: knowledgeContentHash(knowledge), filesStamp: filesStamp ?? '' });
  return { ...assembleIndex(knowledge, analysed), origin: 'built' };
}

function save(warn: (message: string) => void, ...args: Parameters<typeof saveIndex>): void {
  try {
    saveIndex(...args);
  } catch (error) {
    warn(`could not save the index to ${args[2]} (${error instanceof Error ? error.message : String(error)}); it will be rebuilt next time`);
  }
}
